import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther } from 'viem';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { createApiApp } from '../../api/src/bootstrap';
import {
  createDao,
  eventsOf,
  memberRow,
  passProposal,
  proposalRow,
  readModelsAndRebuild,
  startExecutionWorld,
  type ExecutionWorld,
} from './execution-harness';
import { treasurersOf, type SafeTransactionListItem } from './execution-treasurers';

type Treasurers = ReturnType<typeof treasurersOf>;

jest.setTimeout(240_000);

describe('Execution: passed proposals through Safe and timelock to their on-chain effect', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };

  let post: Treasurers['post'];
  let get: Treasurers['get'];
  let pendingTx: Treasurers['pendingTx'];
  let signature: Treasurers['signature'];
  let sign: Treasurers['sign'];
  let carryOut: Treasurers['carryOut'];
  const read = (functionName: string, args: unknown[]) =>
    world.clients.public.readContract({
      address: dao.contracts.vault,
      abi: communityVaultAbi,
      functionName,
      args,
    } as never);

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);
    ({ post, get, pendingTx, signature, sign, carryOut } = treasurersOf(world, base, dao));
    // Members deposit: the founders become vault members on chain.
    for (const founder of world.founders) {
      const wallet = world.clients.wallet(founder);
      const amount = parseEther('100');
      await world.clients.public.waitForTransactionReceipt({
        hash: await wallet.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName: 'mint',
          args: [founder.address, amount],
        }),
      });
      await world.clients.public.waitForTransactionReceipt({
        hash: await wallet.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName: 'approve',
          args: [dao.contracts.vault, amount],
        }),
      });
      await world.clients.public.waitForTransactionReceipt({
        hash: await wallet.writeContract({
          address: dao.contracts.vault,
          abi: communityVaultAbi,
          functionName: 'deposit',
          args: [amount],
        }),
      });
    }
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('deploys the DAO contracts on DaoCreated: a 2-of-3 Safe of the treasurers', () => {
    expect(dao.contracts).toMatchObject({ threshold: 2, owners: world.treasurers.map((t) => t.address) });
  });

  it('a second DAO on the same chain gets contracts of its own', async () => {
    const other = await createDao(world);
    expect(other.contracts.safe).not.toBe(dao.contracts.safe);
    expect(other.contracts.vault).not.toBe(dao.contracts.vault);
    expect(other.contracts).toMatchObject({ threshold: 2, owners: world.treasurers.map((t) => t.address) });
  });

  it('WITHDRAW_FUNDS: the allowance is approved on chain, the log agrees', async () => {
    const member = world.founders[1].address;
    const proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', { recipient: member, amount: parseEther('60') });
    const end = await carryOut(proposalId);
    expect(end.type).toBe('ProposalExecuted');
    expect(await read('approvedWithdrawalOf', [member])).toBe(parseEther('60'));
    const daoEvents = await eventsOf(world.store, streams.dao.of(dao.daoId).streamId);
    expect(daoEvents.find((e) => e.type === 'WithdrawalApproved')?.data).toMatchObject({ proposalId, recipient: member });
    expect(await proposalRow(world, proposalId)).toMatchObject({ dao_id: dao.daoId, type: 'WITHDRAW_FUNDS', state: 'Executed' });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('REMOVE_MEMBER: the member is out of the vault and paid', async () => {
    const member = world.founders[3].address;
    const proposalId = await passProposal(world, dao.daoId, 'REMOVE_MEMBER', { member, reason: 'inactive' });
    expect((await carryOut(proposalId)).type).toBe('ProposalExecuted');
    expect(await read('isMember', [member])).toBe(false);
    expect((await eventsOf(world.store, streams.dao.of(dao.daoId).streamId)).some((e) => e.type === 'MemberRemoved')).toBe(true);
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'REMOVE_MEMBER', state: 'Executed' });
    expect(await memberRow(world, dao.daoId, member)).toMatchObject({ status: 'REMOVED', pending_removal: null });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('CHANGE_PARAMETERS (off chain): takes effect only when the timelocked operation runs', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 6000 } });
    expect((await carryOut(proposalId)).type).toBe('ProposalExecuted');
    const changed = (await eventsOf(world.store, streams.dao.of(dao.daoId).streamId)).find((e) => e.type === 'DaoConfigurationChanged');
    expect(changed?.data).toMatchObject({ proposalId, changes: { quorumBps: 6000 } });
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'CHANGE_PARAMETERS', state: 'Executed' });
    const { rows } = await world.db.pool.query(`SELECT configuration->'quorumBps' AS quorum FROM rm_daos WHERE id = $1`, [dao.daoId]);
    expect(rows).toEqual([{ quorum: 6000 }]);
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('exactly one Safe execution and one timelock execution per proposal; every step in the log', async () => {
    const treasury = await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId);
    const executed = treasury.filter((e) => e.type === 'SafeTransactionExecuted');
    const proposed = treasury.filter((e) => e.type === 'SafeTransactionProposed');
    expect(executed).toHaveLength(proposed.length);
    expect(treasury.filter((e) => e.type === 'TimelockOperationExecuted')).toHaveLength(3);
    const { rows } = await world.db.pool.query(
      `SELECT kind, count(*)::int AS n FROM chain_calls WHERE status = 'confirmed' GROUP BY kind ORDER BY kind`,
    );
    expect(rows).toEqual([
      { kind: 'deploy', n: 2 },
      { kind: 'safe-exec', n: 3 },
      { kind: 'timelock-exec', n: 3 },
    ]);
  });

  describe('bad treasurer input is refused and nothing is recorded', () => {
    let safeTxHash: string;
    beforeAll(async () => {
      const proposalId = await passProposal(world, dao.daoId, 'ADD_MEMBER', { member: world.treasurers[1].address });
      ({ safeTxHash } = await pendingTx(proposalId));
    });
    const signatures = async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).filter(
        (e) => e.type === 'SafeTransactionSignatureAdded' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
      ).length;

    it("a non-owner's signature: 403", async () => {
      const outsider = world.founders[0];
      const response = await post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
        signer: outsider.address,
        signature: await signature(outsider, safeTxHash),
      });
      expect(response).toMatchObject({ status: 403, body: { code: 'SIGNATURE.NOT_AN_OWNER', errors: [{ field: 'signer' }] } });
    });
    it('a signature for another chain: 422 naming the transaction and chain', async () => {
      const t = world.treasurers[0];
      const response = await post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
        signer: t.address,
        signature: await signature(t, safeTxHash, { chainId: 1 }),
      });
      expect(response).toMatchObject({ status: 422, body: { code: 'SIGNATURE.SIGNER_MISMATCH' } });
    });
    it('a signature for another transaction: 422', async () => {
      const t = world.treasurers[0];
      const executed = await get<{ items: SafeTransactionListItem[] }>(`/v1/daos/${dao.daoId}/safe-transactions?status=executed`);
      const other = executed.items[0].safeTxHash;
      const response = await post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
        signer: t.address,
        signature: await signature(t, other),
      });
      expect(response.status).toBe(422);
    });
    it('a malformed signature: 400', async () => {
      const response = await post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
        signer: world.treasurers[0].address,
        signature: '0x1234',
      });
      expect(response.status).toBe(400);
    });
    it('nothing was recorded; a good signature twice is recorded once', async () => {
      expect(await signatures()).toBe(0);
      expect((await sign(world.treasurers[1], safeTxHash)).status).toBe(200);
      const again = await sign(world.treasurers[1], safeTxHash);
      expect(again).toMatchObject({ status: 200, body: { signaturesMissing: 1 } });
      expect(await signatures()).toBe(1);
    });
  });
});
