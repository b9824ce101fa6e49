// A private chain of this file's own: the relayer's nonce is counted, so no other file may send from it.
import { connectPoolCall } from '@ayllu/chain';
import type { DaoContracts } from '@ayllu/domain';
import { loadConfig, PAYOUT_CLAIM_QUEUE } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import { fundedAccounts } from '../../../test/chain/accounts';
import type { RunningExecution } from '../src/execution/start-execution';
import { runPayoutClaim } from '../src/jobs/payout-claim-job';
import { createDao, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { sharePools, TOKEN, type SharePools } from './share-pools-harness';

jest.setTimeout(300_000);

const MINIMUM = 10n ** 13n;

type Claim = {
  claimId: string;
  member: string;
  pool: string;
  status: string;
  txHash: string | null;
  claimed: string | null;
  reason: string | null;
  claimUrl: string;
};
type Payout = { connected: boolean; claimable: string; chainTime: string } | null;
type PoolView = { gdaPool: string; holders: { address: string; shares: number; payout: Payout }[] };
type Answer = { status: number; headers: Headers; body: Record<string, unknown> };

describe("share-pool holders who never connected: the worker's relayer claims for them on the pool's GDA pool", () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let driver: RunningExecution;
  let daoId: string;
  let contracts: DaoContracts;
  let pools: SharePools;
  let holder: PrivateKeyAccount, connected: PrivateKeyAccount, outsider: PrivateKeyAccount;

  const call = async (method: 'GET' | 'POST', path: string): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, { method });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const claimPath = (poolId: string, address: string) => `/v1/daos/${daoId}/share-pools/${poolId}/holders/${address}/claim`;
  const relayerNonce = () => world.clients.public.getTransactionCount({ address: privateKeyToAccount(world.relayerKey).address });
  const claimJobs = async () =>
    (await world.db.pool.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = $1`, [PAYOUT_CLAIM_QUEUE])).rows;

  beforeAll(async () => {
    world = await startExecutionWorld();
    // The API has no chain and no key: it answers from the worker's payout cache and hands claims to the worker.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: world.db.url,
      LOG_LEVEL: 'silent',
      CLAIM_MIN_AMOUNT: String(MINIMUM),
      CLAIM_COOLDOWN_SECONDS: '3600',
      PAYOUT_CACHE_REFRESH_SECONDS: '1',
    });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'share-claims-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    driver = await world.startDriver();
    await world.startClaimJobs(driver, MINIMUM);
    ({ daoId, contracts } = await createDao(world));
    pools = sharePools(world, daoId, contracts);
    [holder, connected, outsider] = await fundedAccounts(world.clients, 'share-claims', 3);
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('a pool whose contract is not deployed yet answers 409 with Retry-After, and makes no job', async () => {
    // With the worker's stepper stopped, the pool stays as the log made it: no contract, no GDA pool.
    await driver.stepper.stop();
    const poolId = await pools.create();
    expect((await pools.state(poolId)).gdaPool).toBeNull();
    const answer = await call('POST', claimPath(poolId, contracts.safe));
    expect(answer).toMatchObject({ status: 409, body: { code: 'SHARE_POOL.NOT_DEPLOYED' } });
    expect(answer.headers.get('retry-after')).not.toBeNull();
    expect(await claimJobs()).toHaveLength(0);
    driver.stepper.start(200);
    await pools.contractOf(poolId);
  });

  it('documents the route in the OpenAPI document: ask (202) and follow (200)', async () => {
    const docs = await call('GET', '/docs-json');
    const paths = docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const route = paths['/v1/daos/{id}/share-pools/{poolId}/holders/{address}/claim'];
    expect(Object.keys(route.post.responses)).toEqual(expect.arrayContaining(['202', '404', '409', '429', '503']));
    expect(Object.keys(route.get.responses)).toEqual(expect.arrayContaining(['200', '404']));
  });

  describe('a buy pool after a $1,000 instant distribution', () => {
    let poolId: string;
    let gdaPool: Address;
    const poolView = () => call('GET', `/v1/daos/${daoId}/share-pools/${poolId}`).then((a) => a.body as unknown as PoolView);
    const payoutOf = (view: PoolView, address: Address) => view.holders.find((h) => h.address === address)?.payout ?? null;

    beforeAll(async () => {
      poolId = await pools.create();
      const contract = await pools.contractOf(poolId);
      for (const m of [holder, connected]) await pools.fundAndApprove(m, contract);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: holder.address, shares: 2_000 }, holder.address);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: connected.address, shares: 1_500 }, connected.address);
      await pools.settled(poolId);
      gdaPool = (await pools.state(poolId)).gdaPool!;
      const connect = connectPoolCall({ forwarder: contracts.gdaForwarder, token: contracts.payoutToken, pool: gdaPool });
      await world.clients.public.waitForTransactionReceipt({
        hash: await world.clients.wallet(connected).sendTransaction({ to: connect.to, data: connect.data }),
      });
      await pools.fundSafe(1_000n * TOKEN);
      await pools.distribute(poolId, 'instant', 1_000n * TOKEN);
    });

    it("the pool's view shows, per holder, whether they are connected and what they can claim, from the worker's read", async () => {
      const view = await waitFor('the payout cache to read the distribution', async () => {
        const v = await poolView();
        return payoutOf(v, holder.address)?.claimable === String(200n * TOKEN) ? v : undefined;
      });
      expect(view.gdaPool).toBe(gdaPool);
      expect(payoutOf(view, holder.address)).toMatchObject({ connected: false, claimable: String(200n * TOKEN) });
      // Connected, the 150 landed in the balance at once: nothing to claim.
      expect(payoutOf(view, connected.address)).toMatchObject({ connected: true, claimable: '0' });
      const statement = await call('GET', `/v1/daos/${daoId}/share-pools/${poolId}/holders/${holder.address.toLowerCase()}/statement`);
      expect(statement.body).toMatchObject({ holder: holder.address, payout: { connected: false, claimable: String(200n * TOKEN) } });
      // The DAO's own payouts still answer for its community pool alone.
      const payouts = await waitFor('the community payouts', async () => {
        const a = await call('GET', `/v1/daos/${daoId}/payouts`);
        return a.status === 200 ? a.body : undefined;
      });
      expect(payouts.pool).toBe(contracts.pool);
    });

    it('parallel asks for a holder who never connected make one job and one claimAll: the 200 reach their wallet to the wei', async () => {
      const nonce = await relayerNonce();
      const before = await pools.superBalance(holder.address);
      // Any letter case in the path; answered (and stored) checksummed.
      const answers = await Promise.all(Array.from({ length: 12 }, () => call('POST', claimPath(poolId, holder.address.toLowerCase()))));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
      const ids = new Set(answers.map((a) => (a.body as unknown as Claim).claimId));
      expect(ids.size).toBe(1);
      expect(answers[0].body).toMatchObject({ member: holder.address, pool: gdaPool, status: 'queued' });
      expect(answers[0].headers.get('location')).toBe(claimPath(poolId, holder.address));
      const done = await waitFor('the claim job', async () => {
        const c = (await call('GET', claimPath(poolId, holder.address))).body as unknown as Claim;
        return c.status === 'queued' ? undefined : c;
      });
      expect(done).toMatchObject({ status: 'claimed', claimId: [...ids][0], claimed: String(200n * TOKEN) });
      expect((await pools.superBalance(holder.address)) - before).toBe(200n * TOKEN);
      expect(await relayerNonce()).toBe(nonce + 1);
      expect(await claimJobs()).toHaveLength(1);
      const calls = await world.db.pool.query(`SELECT tx_hash FROM chain_calls WHERE kind = 'payout-claim'`);
      expect(calls.rows).toEqual([{ tx_hash: done.txHash }]);
      // After the claim the worker re-read the holder: nothing left to claim.
      await waitFor('the holder re-read after the claim', async () =>
        payoutOf(await poolView(), holder.address)?.claimable === '0' ? true : undefined,
      );
    });

    it('a second ask within the cooldown is refused 429 with Retry-After, and sends nothing', async () => {
      const nonce = await relayerNonce();
      const again = await call('POST', claimPath(poolId, holder.address));
      expect(again).toMatchObject({ status: 429, body: { code: 'PAYOUT.CLAIM_COOLDOWN' } });
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(3000);
      expect(await claimJobs()).toHaveLength(1);
      expect(await relayerNonce()).toBe(nonce);
    });

    it('the same job run again (a redelivery after a crash) finds its call done and sends nothing twice', async () => {
      const nonce = await relayerNonce();
      const before = await pools.superBalance(holder.address);
      const [job] = await claimJobs();
      const deps = { pool: world.db.pool, store: world.store, chain: driver.chain, minimumAmount: 0n };
      const outcome = await runPayoutClaim(deps, { daoId, member: holder.address, pool: gdaPool, sharePoolId: poolId }, job.id);
      const done = (await call('GET', claimPath(poolId, holder.address))).body as unknown as Claim;
      expect(outcome).toMatchObject({ status: 'claimed', txHash: done.txHash, claimed: 200n * TOKEN });
      expect(await relayerNonce()).toBe(nonce);
      expect(await pools.superBalance(holder.address)).toBe(before);
    });

    it('a connected holder, someone without shares, an unknown pool or a malformed address are refused, and nothing is sent', async () => {
      const nonce = await relayerNonce();
      expect(await call('POST', claimPath(poolId, connected.address))).toMatchObject({ status: 409, body: { code: 'PAYOUT.CONNECTED' } });
      expect(await call('POST', claimPath(poolId, outsider.address))).toMatchObject({
        status: 404,
        body: { code: 'SHARE_POOL.NOT_A_HOLDER' },
      });
      expect(await call('POST', claimPath('share_0123456789abcdef0123456789ab', holder.address))).toMatchObject({
        status: 404,
        body: { code: 'SHARE_POOL.NOT_FOUND' },
      });
      expect((await call('POST', claimPath(poolId, '0x1234'))).status).toBe(400);
      expect(await call('GET', claimPath(poolId, outsider.address))).toMatchObject({ status: 404, body: { code: 'PAYOUT.NO_CLAIM' } });
      expect(await claimJobs()).toHaveLength(1);
      expect(await relayerNonce()).toBe(nonce);
    });
  });
});
