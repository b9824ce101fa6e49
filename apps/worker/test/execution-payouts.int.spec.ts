import { connectPoolCall } from '@ayllu/chain';
import { streams } from '@ayllu/domain';
import type { DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import {
  createDao,
  passProposal,
  proposalRow,
  readModelsAndRebuild,
  startExecutionWorld,
  waitFor,
  type ExecutionWorld,
} from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(240_000);

describe('DISTRIBUTE_YIELDS and payouts: the Safe streams yield to members through the pool, the platform fee to its collector', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let carryOut: ReturnType<typeof treasurersOf>['carryOut'];
  let get: ReturnType<typeof treasurersOf>['get'];
  let post: ReturnType<typeof treasurersOf>['post'];
  let money: ReturnType<typeof moneyOf>;
  const collector = privateKeyToAccount(keccak256(toHex('ayllu:test:fee-collector'))).address;
  // 10% platform fee; four members of 100 tokens hold 100 units each.
  const members = (rate: bigint) => rate - rate / 10n;

  beforeAll(async () => {
    world = await startExecutionWorld();
    // The API has no chain and no key: it answers payouts from the worker's cache and hands claims to the worker.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: world.db.url,
      LOG_LEVEL: 'silent',
      CLAIM_MIN_AMOUNT: String(10n ** 13n),
      CLAIM_COOLDOWN_SECONDS: '3600',
      PAYOUT_CACHE_REFRESH_SECONDS: '1',
    });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const driver = await world.startDriver();
    await world.startClaimJobs(driver, 10n ** 13n);
    dao = await createDao(world, { feeCollector: collector, platformFeeBps: 1000 });
    ({ carryOut, get, post } = treasurersOf(world, base, dao));
    money = moneyOf(world, dao.contracts);
    for (const founder of world.founders) await money.deposit(founder, parseEther('100'));
    await money.fundSafe(world.treasurers[0], parseEther('1000'));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  const yields = async (payload: Record<string, unknown>) => carryOut(await passProposal(world, dao.daoId, 'DISTRIBUTE_YIELDS', payload));
  /** The read models agree with the log's end for the proposal `end` closed, and a rebuild gives the same rows. */
  const readModelsShow = async (end: { streamId: string }, state: string) => {
    expect(await proposalRow(world, streams.proposal.parse(end.streamId)!)).toMatchObject({ type: 'DISTRIBUTE_YIELDS', state });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  };

  it('start: the pool receives the members’ share, the fee collector its stream', async () => {
    expect(await money.poolUnits()).toBe(400n);
    const end = await yields({ mode: 'stream', flowRatePerSecond: 1_000_000_000n });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(1_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(100_000_000n);
    await readModelsShow(end, 'Executed');
  });

  describe('while the stream runs', () => {
    type Payouts = {
      totalFlowRate: string;
      totalUnits: string;
      chainTime: string;
      members: { address: string; units: string; flowRate: string; connected: boolean; received: string; claimable: string }[];
    };
    type Claim = { claimId: string; status: string; txHash: string | null; claimed: string | null; reason: string | null };
    /** The payouts once the worker's cache has read the chain at (or after) its latest block. */
    const payouts = async () => {
      const head = await world.clients.public.getBlock();
      const at = new Date(Number(head.timestamp) * 1000).toISOString();
      return waitFor('the payout cache to read the latest block', async () => {
        const response = await fetch(`${base}/v1/daos/${dao.daoId}/payouts`);
        if (response.status !== 200) return undefined;
        const view = (await response.json()) as Payouts;
        return view.chainTime >= at ? view : undefined;
      });
    };
    const claim = (member: string) => post(`/v1/daos/${dao.daoId}/members/${member}/claim`, {});
    const claimOf = (member: string) => get<Claim>(`/v1/daos/${dao.daoId}/members/${member}/claim`);
    const relayerNonce = () => world.clients.public.getTransactionCount({ address: privateKeyToAccount(world.relayerKey).address });

    it('GET payouts: the pool, its total rate, each member’s units, rate and what they received so far, from the worker’s cache', async () => {
      await world.clients.test.increaseTime({ seconds: 100 });
      await world.clients.test.mine({ blocks: 1 });
      const view = await payouts();
      expect(view).toMatchObject({ totalFlowRate: String(members(1_000_000_000n)), totalUnits: '400' });
      expect(view.members).toHaveLength(4);
      for (const m of view.members) {
        expect(m).toMatchObject({ units: '100', flowRate: String(members(1_000_000_000n) / 4n), connected: false });
        expect(BigInt(m.received)).toBeGreaterThanOrEqual(100n * (members(1_000_000_000n) / 4n));
        expect(BigInt(m.claimable)).toBeGreaterThan(0n);
      }
    });

    it('a claim below CLAIM_MIN_AMOUNT is refused with the wait until the stream gets there, and no job is made', async () => {
      const member = world.founders[1].address;
      const nonce = await relayerNonce();
      const response = await fetch(`${base}/v1/daos/${dao.daoId}/members/${member}/claim`, { method: 'POST' });
      expect(response.status).toBe(409);
      const refusal = (await response.json()) as { code: string; detail: string };
      expect(refusal.code).toBe('PAYOUT.BELOW_MINIMUM');
      expect(refusal.detail).toContain('CLAIM_MIN_AMOUNT');
      // ~10^13 at 2.25 * 10^8 a second, less what accrued already: about 44,000 s.
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(40_000);
      expect(Number(response.headers.get('retry-after'))).toBeLessThan(44_500);
      expect((await world.db.pool.query(`SELECT 1 FROM pgboss.job WHERE name = 'payout.claim'`)).rows).toHaveLength(0);
      expect(await relayerNonce()).toBe(nonce);
    });

    it('many parallel claims for one member: one job, one claimAll transaction from the worker’s relayer; the next is refused until the cooldown ends', async () => {
      await world.clients.test.increaseTime({ seconds: 50_000 });
      await world.clients.test.mine({ blocks: 1 });
      await payouts();
      const member = world.founders[1].address;
      const [nonce, before] = [await relayerNonce(), await money.superBalance(member)];
      const answers = await Promise.all(Array.from({ length: 25 }, () => claim(member)));
      expect(answers.map((a) => a.status)).toEqual(Array(25).fill(202));
      const ids = new Set(answers.map((a) => (a.body as Claim).claimId));
      expect(ids.size).toBe(1);
      const done = await waitFor('the claim job', async () => {
        const c = await claimOf(member);
        return c.status === 'queued' ? undefined : c;
      });
      expect(done).toMatchObject({ status: 'claimed', claimId: [...ids][0] });
      expect(done.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      expect(BigInt(done.claimed!)).toBeGreaterThanOrEqual(10n ** 13n);
      expect((await money.superBalance(member)) - before).toBe(BigInt(done.claimed!));
      expect(await relayerNonce()).toBe(nonce + 1);
      const jobs = await world.db.pool.query(`SELECT id FROM pgboss.job WHERE name = 'payout.claim'`);
      expect(jobs.rows).toHaveLength(1);

      const again = await fetch(`${base}/v1/daos/${dao.daoId}/members/${member}/claim`, { method: 'POST' });
      expect(again.status).toBe(429);
      expect(await again.json()).toMatchObject({ code: 'PAYOUT.CLAIM_COOLDOWN', status: 429 });
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(3500);
      expect(await relayerNonce()).toBe(nonce + 1);
    });

    it('a claim for a connected member, or for someone without units, is refused and sends nothing', async () => {
      const connected = world.founders[2];
      const call = connectPoolCall({
        forwarder: dao.contracts.gdaForwarder,
        token: dao.contracts.payoutToken,
        pool: dao.contracts.pool,
      });
      await world.clients.public.waitForTransactionReceipt({
        hash: await world.clients.wallet(connected).sendTransaction({ to: call.to, data: call.data }),
      });
      expect((await payouts()).members.find((m) => m.address === connected.address)?.connected).toBe(true);
      const nonce = await relayerNonce();
      expect(await claim(connected.address)).toMatchObject({ status: 409, body: { code: 'PAYOUT.CONNECTED' } });
      expect(await claim(collector)).toMatchObject({ status: 404, body: { code: 'PAYOUT.NOT_A_MEMBER' } });
      expect((await claim('0x1234')).status).toBe(400);
      expect(await relayerNonce()).toBe(nonce);
    });
  });

  it('change (stream at another rate): both streams move to the new rate', async () => {
    const end = await yields({ mode: 'stream', flowRatePerSecond: 2_000_000_000n });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(2_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(200_000_000n);
    await readModelsShow(end, 'Executed');
  });

  it('stop: both streams end', async () => {
    const end = await yields({ mode: 'stop' });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(0n);
    expect(await money.feeFlowRate(collector)).toBe(0n);
    await readModelsShow(end, 'Executed');
  });

  it('instant: the amount leaves the Safe at once, the fee to the collector, the rest to the pool', async () => {
    const [safeBefore, collectorBefore] = [await money.superBalance(dao.contracts.safe), await money.superBalance(collector)];
    const end = await yields({ mode: 'instant', amount: parseEther('10') });
    expect(end.type).toBe('ProposalExecuted');
    expect(safeBefore - (await money.superBalance(dao.contracts.safe))).toBe(parseEther('10'));
    expect((await money.superBalance(collector)) - collectorBefore).toBe(parseEther('1'));
    await readModelsShow(end, 'Executed');
  });

  it('a Safe call that cannot succeed fails the proposal with its reason, and moves nothing', async () => {
    const safeBefore = await money.superBalance(dao.contracts.safe);
    const end = await yields({ mode: 'instant', amount: parseEther('1000000') });
    expect(end.type).toBe('ProposalExecutionFailed');
    expect((end.data as { reason: string }).reason).toMatch(/^The Safe's call "Distribute .* at once" would revert: .+/);
    expect(await money.superBalance(dao.contracts.safe)).toBe(safeBefore);
    await readModelsShow(end, 'Failed');
  });
});
