import { devChainProfile, type SelectedNetwork } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { encodeFunctionData, getAddress, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import { fundedAccounts } from '../../../test/chain/accounts';
import { signIntent } from '../../../test/support/signing';
import { sharePoolAbi } from '../src/shares/share-pool-contract';
import { catchUpReadModels, createDao, readModelsAndRebuild, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { treasurersOf } from './execution-treasurers';
import { sharePools, TOKEN, type SharePools } from './share-pools-harness';

jest.setTimeout(300_000);

const ADMIN_KEY = 'share-pause-test-admin-key-0123456789';

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * The DAO's Safe pauses and resumes a share pool and replaces its operator, as creator actions: a DAO admin asks over
 * the API, two treasurers sign, the worker executes the Safe transaction and the pool's log records it with the Safe
 * as actor. The pool is deployed and its purchases carried out by the real worker; members buy over HTTP with signed
 * messages.
 */
describe('Share pools: the Safe pauses, resumes and replaces the operator', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let pools: SharePools;
  let poolId: string;
  let pool: Address;
  let alice: PrivateKeyAccount;
  let bob: PrivateKeyAccount;
  const relayer = () => privateKeyToAccount(world.relayerKey).address;

  const request = async (method: string, path: string, options: { body?: unknown; admin?: boolean } = {}): Promise<Reply> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.admin ? { authorization: `Bearer ${ADMIN_KEY}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const act = (body: Record<string, unknown>) =>
    request('POST', `/v1/daos/${dao.daoId}/share-pools/${poolId}/creator-actions`, { body, admin: true });
  const queueAndSign = async (body: Record<string, unknown>) => {
    const queued = await act(body);
    expect(queued.status).toBe(201);
    const safeTxHash = queued.body.safeTxHash as string;
    const treasurers = treasurersOf(world, base, dao);
    for (const owner of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(owner, safeTxHash)).status).toBe(200);
    return queued.body;
  };
  const buy = async (member: PrivateKeyAccount, shares: number) => {
    const typedData = { request: request as unknown as Parameters<typeof signIntent>[0]['request'] };
    const signed = await signIntent(typedData, dao.daoId, 'share-purchase', { member: member.address, pool: poolId, shares }, member);
    return request('POST', `/v1/daos/${dao.daoId}/share-pools/${poolId}/purchases`, { body: signed });
  };
  const paused = () => world.clients.public.readContract({ address: pool, abi: sharePoolAbi, functionName: 'paused' });
  const view = async () => (await request('GET', `/v1/daos/${dao.daoId}/share-pools/${poolId}`, { admin: true })).body;

  beforeAll(async () => {
    world = await startExecutionWorld();
    const network: SelectedNetwork = { profile: devChainProfile(world.devChain), rpcUrl: world.devChain.rpcUrl, source: 'test' };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY, network });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);
    pools = sharePools(world, dao.daoId, dao.contracts);
    [alice, bob] = await fundedAccounts(world.clients, 'share-pause', 2);

    const created = await request('POST', `/v1/daos/${dao.daoId}/share-pools`, {
      admin: true,
      body: {
        name: 'Community solar',
        ticker: 'SOLAR',
        wayToAccess: 'buy',
        creatorShares: 3000,
        purchaseToken: world.devChain.testToken,
        pricePerShare: (TOKEN / 10n).toString(),
      },
    });
    expect(created.status).toBe(201);
    poolId = created.body.poolId as string;
    pool = await pools.contractOf(poolId);
    for (const m of [alice, bob]) await pools.fundAndApprove(m, pool);
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('records the relayer the worker deployed the pool with as its operator, and shows it running', async () => {
    expect((await pools.state(poolId)).operator).toBe(relayer());
    expect(await view()).toMatchObject({ paused: false, operator: relayer() });
  });

  it('refuses a bad operator naming the field, and resuming a running pool, queuing nothing', async () => {
    expect(await act({ action: 'operator' })).toMatchObject({ status: 400, body: { errors: [{ field: 'operator' }] } });
    expect(await act({ action: 'operator', operator: '0x1234' })).toMatchObject({ status: 400 });
    const zero = await act({ action: 'operator', operator: '0x0000000000000000000000000000000000000000' });
    expect(zero).toMatchObject({ status: 422, body: { code: 'SHARE_POOL.INVALID_ADDRESS' } });
    expect((zero.body.errors as { field: string }[]).map((e) => e.field)).toContain('operator');
    expect(await act({ action: 'resume' })).toMatchObject({ status: 409, body: { code: 'SHARE_POOL.NOT_PAUSED' } });
    const treasury = await world.store.load(streams.treasury.of(dao.daoId));
    expect(treasury.state.status === 'Deployed' && treasury.state.transactions.size).toBe(0);
  });

  it('pauses through the Safe: paused on chain, recorded with the Safe as actor; a buy is refused 409 until resumed', async () => {
    const tx = await queueAndSign({ action: 'pause' });
    expect((tx.description as string[]).join('\n')).toContain(`Pause share pool ${poolId}`);
    const recorded = await pools.waitForEvent(poolId, 'SharePoolPaused');
    expect(recorded.data).toMatchObject({ pausedBy: dao.contracts.safe });
    expect(await paused()).toBe(true);
    expect(await act({ action: 'pause' })).toMatchObject({ status: 409, body: { code: 'SHARE_POOL.ALREADY_PAUSED' } });
    expect(await buy(alice, 100)).toMatchObject({ status: 409, body: { code: 'SHARE_POOL.PAUSED' } });
    await catchUpReadModels(world);
    const { rows } = await world.db.pool.query<{ paused: boolean }>('SELECT paused FROM rm_share_pools WHERE pool_id = $1', [poolId]);
    expect(rows[0]?.paused).toBe(true);
    expect(await view()).toMatchObject({ paused: true });

    await queueAndSign({ action: 'resume' });
    await pools.waitForEvent(poolId, 'SharePoolResumed', (d) => d.resumedBy === dao.contracts.safe);
    expect(await paused()).toBe(false);
    expect((await buy(alice, 100)).status).toBe(202);
    const bought = await pools.waitForEvent(poolId, 'SharesPurchased');
    expect(bought.data).toMatchObject({ buyer: alice.address, shares: 100 });
    expect(await pools.state(poolId)).toMatchObject({ paused: false });
  });

  it("fails a purchase the log took while the chain was already paused with the contract's reason, never stuck", async () => {
    // The Safe's setPaused(true) mined before its record reached the log: the log still takes the purchase.
    await pools.fromSafe(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'setPaused', args: [true] }));
    expect((await buy(bob, 50)).status).toBe(202);
    const failed = await pools.waitForEvent(poolId, 'SharePurchaseFailed', (d) => d.buyer === bob.address);
    expect(failed.data.reason).toContain('SharePoolIsPaused');
    await pools.fromSafe(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'setPaused', args: [false] }));
    expect((await pools.state(poolId)).pending.size).toBe(0);
  });

  it('replaces the operator through the Safe: recorded and shown; the worker then fails its operator calls saying why', async () => {
    const rotated = getAddress(privateKeyToAccount(`0x${'42'.repeat(32)}`).address);
    await queueAndSign({ action: 'operator', operator: rotated.toLowerCase() });
    const changed = await pools.waitForEvent(poolId, 'SharePoolOperatorChanged');
    expect(changed.data).toMatchObject({ previous: relayer(), operator: rotated, changedBy: dao.contracts.safe });
    expect(await world.clients.public.readContract({ address: pool, abi: sharePoolAbi, functionName: 'operator' })).toBe(rotated);
    await catchUpReadModels(world);
    expect(await view()).toMatchObject({ operator: rotated, paused: false });
    const { rows } = await world.db.pool.query<{ operator: string }>('SELECT operator FROM rm_share_pools WHERE pool_id = $1', [poolId]);
    expect(rows[0]?.operator).toBe(rotated);

    expect((await buy(bob, 10)).status).toBe(202);
    const failed = await pools.waitForEvent(poolId, 'SharePurchaseFailed', (d) => d.reason.includes('relayer'));
    expect(failed.data.reason).toContain(`The pool's operator is ${rotated}, not this platform's relayer ${relayer()}`);
    await waitFor('no pending action', async () => ((await pools.state(poolId)).pending.size === 0 ? true : undefined));
  });

  it('a rebuild of the read models gives the same rows', async () => {
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  });
});
