import { safeAbi, timelockAbi } from '@ayllu/chain';
import { streams, type DaoContracts, type DeployedTreasury } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getAddress, keccak256, parseEther, toHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import {
  catchUpReadModels,
  createDao,
  passProposal,
  readModelsAndRebuild,
  startExecutionWorld,
  TIMELOCK_DELAY,
  waitFor,
  type ExecutionWorld,
} from './execution-harness';
import { treasurersOf, type SafeTransactionView } from './execution-treasurers';

jest.setTimeout(240_000);

const NEW_DELAY = 600;

describe('Execution: CHANGE_PARAMETERS of treasurers, threshold and delay changes the Safe and the timelock', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let treasurers: ReturnType<typeof treasurersOf>;
  const newcomer = privateKeyToAccount(keccak256(toHex('ayllu:test:new-treasurer')));

  const safeRead = <T>(functionName: 'getOwners' | 'getThreshold') =>
    world.clients.public.readContract({ address: dao.contracts.safe, abi: safeAbi, functionName }) as Promise<T>;
  const minDelay = () =>
    world.clients.public.readContract({ address: dao.contracts.timelock, abi: timelockAbi, functionName: 'getMinDelay' });
  const daoRow = async () => {
    await catchUpReadModels(world);
    const { rows } = await world.db.pool.query<{ treasurers: string[]; threshold: number; delay: number }>(
      `SELECT configuration->'treasurers' AS treasurers, (configuration->>'treasurerThreshold')::int AS threshold,
              (configuration->>'timelockDelaySeconds')::int AS delay
       FROM rm_daos WHERE id = $1`,
      [dao.daoId],
    );
    return rows[0];
  };
  const treasuryState = async () => (await world.store.load(streams.treasury.of(dao.daoId))).state as DeployedTreasury;

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'treasury-parameters-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);
    treasurers = treasurersOf(world, base, dao);
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('replaces a treasurer and raises the threshold and shortens the delay on chain; the DAO shows them only once the chain has them', async () => {
    const [t0, t1, t2] = world.treasurers;
    const before = { treasurers: [t0, t1, t2].map((t) => t.address), threshold: 2, delay: TIMELOCK_DELAY };
    expect(await daoRow()).toEqual(before);

    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', {
      changes: { treasurers: [t0.address, t1.address, newcomer.address], treasurerThreshold: 3, timelockDelaySeconds: NEW_DELAY },
    });
    const schedule = await treasurers.pendingTx(proposalId);
    expect(schedule.description).toEqual([
      `Schedule in the timelock (proposal ${proposalId}):`,
      `- Replace treasurer ${t2.address} with ${newcomer.address} as a Safe owner`,
      '- Require 3 treasurer signature(s) for Safe transactions',
      `- Set the timelock delay to ${NEW_DELAY} seconds for operations scheduled afterwards`,
    ]);
    for (const t of [t0, t2]) expect((await treasurers.sign(t, schedule.safeTxHash)).status).toBe(200);
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    // Voted and scheduled, but the chain has not changed: neither has the DAO.
    expect(await daoRow()).toEqual(before);

    await world.clients.test.increaseTime({ seconds: TIMELOCK_DELAY + 1 });
    await world.clients.test.mine({ blocks: 1 });
    const end = await treasurers.proposalEvent(proposalId, ['ProposalExecuted', 'ProposalExecutionFailed']);
    expect(end.type).toBe('ProposalExecuted');

    const owners = (await safeRead<Address[]>('getOwners')).map((o) => getAddress(o));
    expect(new Set(owners)).toEqual(new Set([t0.address, t1.address, newcomer.address]));
    expect(await safeRead<bigint>('getThreshold')).toBe(3n);
    expect(await minDelay()).toBe(BigInt(NEW_DELAY));

    // The treasury and the DAO take the new values from the chain's logs.
    const contracts = await waitFor('the indexed owner, threshold and delay changes', async () => {
      const { contracts: c } = await treasuryState();
      return c.threshold === 3 && c.timelockDelaySeconds === NEW_DELAY ? c : undefined;
    });
    expect(new Set(contracts.owners)).toEqual(new Set(owners));
    const after = await daoRow();
    expect(new Set(after.treasurers)).toEqual(new Set(owners));
    expect(after).toMatchObject({ threshold: 3, delay: NEW_DELAY });
    const treasuryEvents = (await world.store.readStream(streams.treasury.of(dao.daoId).streamId)).map((e) => e.type);
    expect(treasuryEvents).toEqual(
      expect.arrayContaining(['SafeOwnerRemoved', 'SafeOwnerAdded', 'SafeThresholdChanged', 'TimelockDelayChanged']),
    );
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });

  it('the next proposal: the removed treasurer is refused, the new one signs, three signatures are needed, the new delay applies', async () => {
    const [t0, t1, t2] = world.treasurers;
    const proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', {
      recipient: world.founders[1].address,
      amount: parseEther('1'),
    });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const view = () =>
      treasurers.get<SafeTransactionView & { signaturesMissing: number }>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);

    const removed = await treasurers.sign(t2, safeTxHash);
    expect(removed.status).toBe(403);
    expect(removed.body).toMatchObject({ code: 'SIGNATURE.NOT_AN_OWNER' });

    expect((await treasurers.sign(newcomer, safeTxHash)).status).toBe(200);
    expect((await treasurers.sign(t0, safeTxHash)).status).toBe(200);
    // Two signatures were enough before the change; the Safe now needs three, and so does the platform.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await view()).toMatchObject({ status: 'awaiting-signatures', signaturesMissing: 1 });

    expect((await treasurers.sign(t1, safeTxHash)).status).toBe(200);
    const scheduled = await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    const { operationId } = await view();
    const executed = (await treasuryState()).transactions.get(safeTxHash as `0x${string}`);
    const receipt = await world.clients.public.getTransactionReceipt({ hash: executed!.txHash! });
    const block = await world.clients.public.getBlock({ blockNumber: receipt.blockNumber });
    const readyAt = await world.clients.public.readContract({
      address: dao.contracts.timelock,
      abi: timelockAbi,
      functionName: 'getTimestamp',
      args: [operationId],
    });
    expect(readyAt - block.timestamp).toBe(BigInt(NEW_DELAY));
    expect(Date.parse((scheduled.data as { eta: string }).eta) - Number(block.timestamp) * 1000).toBe(NEW_DELAY * 1000);

    await world.clients.test.increaseTime({ seconds: NEW_DELAY + 1 });
    await world.clients.test.mine({ blocks: 1 });
    expect((await treasurers.proposalEvent(proposalId, ['ProposalExecuted', 'ProposalExecutionFailed'])).type).toBe('ProposalExecuted');
  });

  it('removes two treasurers in one batch: each removeOwner names the owner before it, on its own and in the batch', async () => {
    const [t0, t1] = world.treasurers;
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', {
      changes: { treasurers: [t0.address], treasurerThreshold: 1 },
    });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    for (const t of [t0, t1, newcomer]) expect((await treasurers.sign(t, safeTxHash)).status).toBe(200);
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    await world.clients.test.increaseTime({ seconds: NEW_DELAY + 1 });
    await world.clients.test.mine({ blocks: 1 });
    const end = await treasurers.proposalEvent(proposalId, ['ProposalExecuted', 'ProposalExecutionFailed']);
    expect({ type: end.type, data: end.data }).toMatchObject({ type: 'ProposalExecuted' });
    expect((await safeRead<Address[]>('getOwners')).map((o) => getAddress(o))).toEqual([t0.address]);
    expect(await safeRead<bigint>('getThreshold')).toBe(1n);
    await waitFor('the indexed removals', async () => {
      const { contracts: c } = await treasuryState();
      return c.threshold === 1 && c.owners.length === 1 ? c : undefined;
    });
    expect(await daoRow()).toEqual({ treasurers: [t0.address], threshold: 1, delay: NEW_DELAY });
  });
});
