import { readTimelockOperation } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getAddress, parseEther, sliceHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { loadAylluArtifact } from '../../../libs/chain/src/local/artifacts';
import { deployContract } from '../../../libs/chain/src/local/deploy-contract';
import { createApiApp } from '../../api/src/bootstrap';
import {
  createDao,
  eventsOf,
  memberRow,
  passProposal,
  proposalRow,
  readModelsAndRebuild,
  startExecutionWorld,
  waitFor,
  type ExecutionWorld,
} from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf, type SafeTransactionListItem, type SafeTransactionView } from './execution-treasurers';

jest.setTimeout(240_000);

const ADMIN_KEY = 'execution-test-admin-key-0123456789';
/** ERC-1967: where a proxy keeps its implementation's address. */
const IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';

describe('Execution: the remaining proposal types from vote to verified chain state, and a veto that cancels', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let treasurers: ReturnType<typeof treasurersOf>;
  const vault = () => dao.contracts.vault;
  const read = <T>(functionName: string, args: unknown[] = []) =>
    world.clients.public.readContract({ address: vault(), abi: communityVaultAbi, functionName, args } as never) as Promise<T>;

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    // Closed: only addresses the DAO admitted may deposit, so ADD_MEMBER's effect shows on chain.
    dao = await createDao(world, { access: 'closed' });
    treasurers = treasurersOf(world, base, dao);
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('ADD_MEMBER: the vault admits the newcomer, who can then deposit', async () => {
    const newcomer = privateKeyToAccount(keccak256(toHex('ayllu:test:newcomer')));
    await world.clients.test.setBalance({ address: newcomer.address, value: parseEther('10') });
    expect(await read('isAdmitted', [newcomer.address])).toBe(false);
    const proposalId = await passProposal(world, dao.daoId, 'ADD_MEMBER', { member: newcomer.address });
    expect((await treasurers.carryOut(proposalId)).type).toBe('ProposalExecuted');
    expect(await read('isAdmitted', [newcomer.address])).toBe(true);
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'ADD_MEMBER', state: 'Executed' });
    // A closed DAO: the executed vote is the admission, so the member is ACTIVE before any deposit.
    expect(await memberRow(world, dao.daoId, newcomer.address)).toMatchObject({ status: 'ACTIVE', admitted: true });
    await moneyOf(world, dao.contracts).deposit(newcomer, parseEther('5'));
    expect(await read('isMember', [newcomer.address])).toBe(true);
    expect(await memberRow(world, dao.daoId, newcomer.address)).toMatchObject({ status: 'ACTIVE', admitted: true });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it("CHANGE_STRATEGY: the vault's strategy becomes the voted one", async () => {
    const strategy = world.devChain.testStrategy;
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_STRATEGY', { strategy });
    expect((await treasurers.carryOut(proposalId)).type).toBe('ProposalExecuted');
    expect(getAddress(await read<Address>('strategy'))).toBe(getAddress(strategy));
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'CHANGE_STRATEGY', state: 'Executed' });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('UPGRADE_CONTRACT: the vault proxy points at the new implementation, its state intact', async () => {
    const deployer = world.clients.wallet(world.founders[0]);
    const implementation = await deployContract(
      { wallet: deployer, public: world.clients.public },
      { name: 'CommunityVault', ...loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault') },
    );
    const proposalId = await passProposal(world, dao.daoId, 'UPGRADE_CONTRACT', { implementation });
    expect((await treasurers.carryOut(proposalId)).type).toBe('ProposalExecuted');
    const slot = (await world.clients.public.getStorageAt({ address: vault(), slot: IMPLEMENTATION_SLOT })) as Hex;
    expect(getAddress(sliceHex(slot, 12))).toBe(implementation);
    expect(getAddress(await read<Address>('strategy'))).toBe(getAddress(world.devChain.testStrategy));
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'UPGRADE_CONTRACT', state: 'Executed' });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('veto of a scheduled proposal: the Safe cancels its timelock operation, which can never run', async () => {
    const member = world.founders[1].address;
    const proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', { recipient: member, amount: parseEther('1') });
    const schedule = await treasurers.pendingTx(proposalId);
    for (const t of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(t, schedule.safeTxHash)).status).toBe(200);
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    const { operationId } = await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${schedule.safeTxHash}`);
    expect((await readTimelockOperation(world.clients.public, dao.contracts.timelock, operationId)).state).toBe('Waiting');

    const veto = await fetch(`${base}/v1/daos/${dao.daoId}/proposals/${proposalId}/veto`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ reason: 'the recipient asked to wait' }),
    });
    expect(veto.status).toBe(201);
    const cancel = await waitFor('the cancel transaction', async () => {
      const list = await treasurers.get<{ items: SafeTransactionListItem[] }>(
        `/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`,
      );
      return list.items.find((t) => t.proposalId === proposalId && t.purpose === 'cancel');
    });
    expect(cancel.description[0]).toMatch(/^Cancel in the timelock/);
    for (const t of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(t, cancel.safeTxHash)).status).toBe(200);
    const cancelled = await waitFor('TimelockOperationCancelled', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find(
        (e) => e.type === 'TimelockOperationCancelled' && (e.data as { proposalId: string }).proposalId === proposalId,
      ),
    );
    expect(cancelled.data).toMatchObject({ operationId });
    expect((await readTimelockOperation(world.clients.public, dao.contracts.timelock, operationId)).state).toBe('Unset');
    expect(await read('approvedWithdrawalOf', [member])).toBe(0n);
    const proposal = (await eventsOf(world.store, streams.proposal.of(proposalId).streamId)).map((e) => e.type);
    expect(proposal).toContain('ProposalVetoed');
    expect(proposal).not.toContain('ProposalExecuted');
  });
  it("veto of a queued proposal: the Safe voids its transaction's nonce, and the proposal queued behind it still runs", async () => {
    const first = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', {
      recipient: world.founders[2].address,
      amount: parseEther('1'),
    });
    const abandoned = await treasurers.pendingTx(first);
    const second = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', {
      recipient: world.founders[3].address,
      amount: parseEther('2'),
    });
    const behind = await treasurers.pendingTx(second);
    const nonceOf = async (hash: string) =>
      BigInt((await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${hash}`)).nonce);
    expect(await nonceOf(behind.safeTxHash)).toBe((await nonceOf(abandoned.safeTxHash)) + 1n);

    const veto = await fetch(`${base}/v1/daos/${dao.daoId}/proposals/${first}/veto`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ reason: 'not this one' }),
    });
    expect(veto.status).toBe(201);
    const reject = await waitFor('the reject transaction', async () => {
      const list = await treasurers.get<{ items: SafeTransactionListItem[] }>(
        `/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`,
      );
      return list.items.find((t) => t.proposalId === first && t.purpose === 'reject');
    });
    expect(await nonceOf(reject.safeTxHash)).toBe(await nonceOf(abandoned.safeTxHash));
    for (const t of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(t, reject.safeTxHash)).status).toBe(200);
    await waitFor('the abandoned transaction replaced', async () => {
      const view = await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${abandoned.safeTxHash}`);
      return view.status === 'replaced' ? view : undefined;
    });
    expect((await treasurers.carryOut(second)).type).toBe('ProposalExecuted');
    expect(await read('approvedWithdrawalOf', [world.founders[3].address])).toBe(parseEther('2'));
    expect(await read('approvedWithdrawalOf', [world.founders[2].address])).toBe(0n);
  });
});
