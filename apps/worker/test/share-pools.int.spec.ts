// A private chain of this file's own: crowdfunding and staking move chain time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { getAddress, keccak256, toHex, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { readSharePool } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { mapEvent, sharePoolInfo, type MappedNotification, type ShareInfoCache } from '@ayllu/notifications';
import { fundedAccounts } from '../../../test/chain/accounts';
import type { RunningExecution } from '../src/execution/start-execution';
import { sharePoolEventsOf } from '../src/shares/share-pool-contract';
import { createDao, readModelsAndRebuild, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { sharePools, TOKEN, type SharePools } from './share-pools-harness';

jest.setTimeout(300_000);

const HOUR = 3600;
const ROOT = join(__dirname, '..', '..', '..');

describe('share pools on the local chain, run by the worker', () => {
  let world: ExecutionWorld;
  let contracts: DaoContracts;
  let daoId: string;
  let pools: SharePools;
  let accounts: PrivateKeyAccount[];
  let driver: RunningExecution;
  let next = 0;
  const take = (n: number) => accounts.slice(next, (next += n));

  beforeAll(async () => {
    world = await startExecutionWorld();
    driver = await world.startDriver();
    ({ daoId, contracts } = await createDao(world));
    pools = sharePools(world, daoId, contracts);
    accounts = await fundedAccounts(world.clients, 'share-e2e', 16);
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe("a buy pool: the seed's holders, a refused purchase, transfers and the $1,000 distribution", () => {
    let poolId: string;
    let pool: Address;
    let a: PrivateKeyAccount, b: PrivateKeyAccount, c: PrivateKeyAccount, d: PrivateKeyAccount, broke: PrivateKeyAccount;

    beforeAll(async () => {
      [a, b, c, d, broke] = take(5);
      poolId = await pools.create({ transfersAllowed: true });
      pool = await pools.contractOf(poolId);
      for (const m of [a, b, c]) await pools.fundAndApprove(m, pool);
    });

    it('sells shares at the fixed price, in log order, and a purchase the wallet cannot pay fails without blocking the next', async () => {
      const safeBefore = await pools.tokenBalance(contracts.safe);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: a.address, shares: 2_000 }, a.address);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: broke.address, shares: 100 }, broke.address);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: b.address, shares: 1_500 }, b.address);
      await pools.run(poolId, 'RequestSharePurchase', { buyer: c.address, shares: 500 }, c.address);
      await pools.settled(poolId);
      const events = await pools.events(poolId);
      expect(events.filter((e) => e.type === 'SharesPurchased').map((e) => (e.data as { buyer: Address }).buyer)).toEqual([
        a.address,
        b.address,
        c.address,
      ]);
      const failed = events.find((e) => e.type === 'SharePurchaseFailed')!;
      const { buyer, reason } = failed.data as { buyer: Address; reason: string };
      expect(buyer).toBe(broke.address);
      expect(reason).toContain(`${broke.address} allows the pool 0 of the ${100n * (TOKEN / 10n)} purchase tokens`);
      // Proceeds went straight to the creator, the DAO's Safe: 4,000 shares at 0.1 token.
      expect((await pools.tokenBalance(contracts.safe)) - safeBefore).toBe(400n * TOKEN);
      const s = await pools.state(poolId);
      expect(Object.fromEntries(s.holdings)).toEqual({
        [contracts.safe]: 3_000,
        [a.address]: 2_000,
        [b.address]: 1_500,
        [c.address]: 500,
      });
      expect(s.status).toBe('ACTIVE');
      await pools.expectAgreement(poolId);
    });

    it('distributes $1,000 instantly through the Safe: exactly 300 / 200 / 150 / 50 to the holders and 300 kept by the pool', async () => {
      const amount = 1_000n * TOKEN;
      await pools.fundSafe(amount);
      const holders = [contracts.safe, a.address, b.address, c.address];
      const before = new Map(await Promise.all(holders.map(async (h) => [h, await pools.superBalance(h)] as const)));
      const keptBefore = await pools.superBalance(pool);
      await pools.distribute(poolId, 'instant', amount);
      for (const h of holders) await pools.claimAll(poolId, h);
      const received = await Promise.all(holders.map(async (h) => (await pools.superBalance(h)) - before.get(h)!));
      // The Safe paid 1,000 and, holding 3,000 shares, got 300 of it back.
      expect(received).toEqual([-700n * TOKEN, 200n * TOKEN, 150n * TOKEN, 50n * TOKEN]);
      expect((await pools.superBalance(pool)) - keptBefore).toBe(300n * TOKEN);
      const recorded = await pools.waitForEvent(poolId, 'DistributionRecorded');
      expect(recorded.data.ledger).toMatchObject({
        kind: 'instant',
        amount,
        paid: 700n * TOKEN,
        kept: 300n * TOKEN,
        leftWithDistributor: 0n,
        payments: [
          { holder: contracts.safe, shares: 3_000, amount: 300n * TOKEN },
          { holder: a.address, shares: 2_000, amount: 200n * TOKEN },
          { holder: b.address, shares: 1_500, amount: 150n * TOKEN },
          { holder: c.address, shares: 500, amount: 50n * TOKEN },
        ],
      });
      expect((await pools.state(poolId)).status).toBe('DISTRIBUTING');
    });

    it('streams a distribution: after N seconds each holder received units × the per-unit rate × N', async () => {
      const perUnit = 10n ** 12n;
      const flowRate = perUnit * 10_000n;
      await pools.fundSafe(flowRate * 10n * BigInt(HOUR));
      const holders = [a.address, b.address, c.address];
      const before = new Map(await Promise.all([...holders, pool].map(async (h) => [h, await pools.superBalance(h)] as const)));
      const started = await pools.distribute(poolId, 'stream', flowRate);
      await pools.advance(HOUR);
      const stopped = await pools.distribute(poolId, 'stream', 0n);
      const seconds = (await world.clients.public.getBlock({ blockNumber: stopped.blockNumber })).timestamp;
      const from = (await world.clients.public.getBlock({ blockNumber: started.blockNumber })).timestamp;
      const n = seconds - from;
      expect(n).toBeGreaterThanOrEqual(BigInt(HOUR));
      const s = await pools.state(poolId);
      for (const h of holders) {
        await pools.claimAll(poolId, h);
        expect((await pools.superBalance(h)) - before.get(h)!).toBe(BigInt(s.holdings.get(h)!) * perUnit * n);
      }
      expect((await pools.superBalance(pool)) - before.get(pool)!).toBe(BigInt(s.available) * perUnit * n);
      const recorded = await pools.waitForEvent(poolId, 'DistributionRecorded', (x) => x.ledger.kind === 'stream');
      expect(recorded.data.ledger).toMatchObject({ kind: 'stream', perUnitRate: perUnit, keptRate: 3_000n * perUnit });
      await pools.waitForEvent(poolId, 'DistributionStreamStopped');
    });

    it("notifies the DAO of each purchase and distribution, the pool's DAO and tokens read from the log", async () => {
      const cache: ShareInfoCache = new Map();
      const notifications: MappedNotification[] = [];
      for (const event of await pools.events(poolId))
        notifications.push(...mapEvent(event, null, [], await sharePoolInfo(world.db.pool, event, cache)));
      expect(notifications.map((x) => x.type)).toEqual([
        'share.purchase_confirmed',
        'share.purchase_confirmed',
        'share.purchase_confirmed',
        'share.distribution_paid',
        'share.stream_started',
        'share.stream_stopped',
      ]);
      expect(new Set(notifications.map((x) => x.daoId))).toEqual(new Set([daoId]));
      expect(notifications[0].data).toMatchObject({
        member: a.address,
        shares: 2_000,
        cost: (200n * TOKEN).toString(),
        token: world.devChain.testToken,
      });
      expect(notifications[3].data).toMatchObject({ token: contracts.payoutToken, kept: (300n * TOKEN).toString() });
    });

    it('moves shares between holders where the pool allows it; a transfer beyond the holding is refused by the log', async () => {
      await pools.run(poolId, 'TransferShares', { from: a.address, to: d.address, shares: 250 }, a.address);
      await pools.settled(poolId);
      await pools.waitForEvent(poolId, 'SharesTransferred', (x) => x.to === d.address && x.shares === 250);
      expect((await pools.state(poolId)).holdings.get(a.address)).toBe(1_750);
      await expect(pools.run(poolId, 'TransferShares', { from: c.address, to: d.address, shares: 501 }, c.address)).rejects.toMatchObject({
        code: 'SHARE_POOL.NOT_ENOUGH_SHARES',
      });
      await pools.expectAgreement(poolId);
    });
  });

  it('request to join: the Safe assigning shares approves the request, an admin rejects another; transfers are refused where the pool forbids them', async () => {
    const [member, other] = take(2);
    const poolId = await pools.create({ wayToAccess: 'request', pricePerShare: undefined, purchaseToken: undefined });
    await pools.contractOf(poolId);
    await pools.run(poolId, 'RequestToJoinSharePool', { member: member.address }, member.address);
    await pools.run(poolId, 'RequestToJoinSharePool', { member: other.address }, other.address);
    await pools.assign(poolId, member.address, 700);
    await pools.run(poolId, 'RejectJoinRequest', { member: other.address, reason: 'not this round' }, 'admin:test');
    const s = await pools.state(poolId);
    expect(s.holdings.get(member.address)).toBe(700);
    expect([...s.joinRequests.keys()]).toEqual([]);
    const decided = (await pools.events(poolId)).filter((e) => e.type === 'JoinRequestApproved' || e.type === 'JoinRequestRejected');
    expect(decided.map((e) => [e.type, (e.data as { member: Address }).member])).toEqual([
      ['JoinRequestApproved', member.address],
      ['JoinRequestRejected', other.address],
    ]);
    expect(decided[0].data).toMatchObject({ shares: 700, approvedBy: contracts.safe });
    await pools.expectAgreement(poolId);
    await expect(
      pools.run(poolId, 'TransferShares', { from: member.address, to: other.address, shares: 1 }, member.address),
    ).rejects.toMatchObject({ code: 'SHARE_POOL.TRANSFERS_NOT_ALLOWED' });
  });

  it('redeems a one-time code: the worker grants its shares, and the code cannot be used again', async () => {
    const [member, second] = take(2);
    const poolId = await pools.create({ wayToAccess: 'codes', pricePerShare: undefined, purchaseToken: undefined });
    await pools.contractOf(poolId);
    const codeHash = keccak256(toHex('a secret code'));
    await pools.run(poolId, 'GenerateShareCodes', { codes: [{ codeHash, shares: 25 }] }, contracts.safe);
    await pools.run(poolId, 'RedeemShareCode', { member: member.address, codeHash }, member.address);
    await pools.waitForEvent(poolId, 'SharesGranted', (x) => x.to === member.address && x.via === 'code' && x.shares === 25);
    await expect(pools.run(poolId, 'RedeemShareCode', { member: second.address, codeHash }, second.address)).rejects.toMatchObject({
      code: 'SHARE_POOL.CODE_USED',
    });
    await pools.expectAgreement(poolId);
  });

  describe('crowdfunding', () => {
    const deadlineIn = async (seconds: number) => new Date(Date.parse(await pools.chainNow()) + seconds * 1000).toISOString();

    it('reaching its target allocates the available shares in proportion to contributions; the escrow goes to the Safe', async () => {
      const [x, y] = take(2);
      const poolId = await pools.create({
        wayToAccess: 'crowdfunding',
        pricePerShare: undefined,
        crowdfunding: { target: 1_000n * TOKEN, deadline: await deadlineIn(7 * 24 * HOUR) },
      });
      const pool = await pools.contractOf(poolId);
      for (const m of [x, y]) await pools.fundAndApprove(m, pool);
      const safeBefore = await pools.tokenBalance(contracts.safe);
      await pools.run(poolId, 'ContributeToCrowdfunding', { contributor: x.address, amount: 600n * TOKEN }, x.address);
      await pools.run(poolId, 'ContributeToCrowdfunding', { contributor: y.address, amount: 400n * TOKEN }, y.address);
      const reached = await pools.waitForEvent(poolId, 'CrowdfundingReached');
      expect(reached.data.allocations.map((al) => [al.contributor, al.shares])).toEqual([
        [x.address, 4_200],
        [y.address, 2_800],
      ]);
      expect((await pools.tokenBalance(contracts.safe)) - safeBefore).toBe(1_000n * TOKEN);
      expect(await pools.tokenBalance(pool)).toBe(0n);
      await pools.expectAgreement(poolId);
    });

    it('missing its target by the deadline refunds every contributor in full', async () => {
      const [x, y] = take(2);
      const deadline = await deadlineIn(2 * HOUR);
      const poolId = await pools.create({
        wayToAccess: 'crowdfunding',
        pricePerShare: undefined,
        crowdfunding: { target: 1_000n * TOKEN, deadline },
      });
      const pool = await pools.contractOf(poolId);
      for (const m of [x, y]) await pools.fundAndApprove(m, pool);
      const before = await Promise.all([x, y].map((m) => pools.tokenBalance(m.address)));
      await pools.run(poolId, 'ContributeToCrowdfunding', { contributor: x.address, amount: 300n * TOKEN }, x.address);
      await pools.run(poolId, 'ContributeToCrowdfunding', { contributor: y.address, amount: 123n * TOKEN + 7n }, y.address);
      await pools.settled(poolId);
      expect(await pools.tokenBalance(pool)).toBe(423n * TOKEN + 7n);
      await pools.advanceTo(deadline);
      const refunded = await pools.waitForEvent(poolId, 'CrowdfundingRefunded');
      expect(refunded.data.refunds).toEqual([
        { contributor: x.address, amount: 300n * TOKEN },
        { contributor: y.address, amount: 123n * TOKEN + 7n },
      ]);
      expect(await Promise.all([x, y].map((m) => pools.tokenBalance(m.address)))).toEqual(before);
      expect(await pools.tokenBalance(pool)).toBe(0n);
      await pools.expectAgreement(poolId);
    });
  });

  it('staking: shares accrue on a schedule as the chain grants them, unstaking returns the tokens and keeps the shares', async () => {
    const [staker] = take(1);
    // One share per 100 tokens per 100 seconds (10^36 scale).
    const poolId = await pools.create({
      wayToAccess: 'staking',
      pricePerShare: undefined,
      purchaseToken: undefined,
      staking: { token: world.devChain.testToken, ratePerTokenSecond: 10n ** 14n },
    });
    const pool = await pools.contractOf(poolId);
    await pools.fundAndApprove(staker, pool);
    const before = await pools.tokenBalance(staker.address);
    await pools.run(poolId, 'Stake', { member: staker.address, amount: 100n * TOKEN }, staker.address);
    await pools.waitForEvent(poolId, 'Staked');
    await pools.advance(2 * HOUR);
    const accrued = await pools.waitForEvent(poolId, 'StakeSharesAccrued', (x) => x.shares > 0);
    expect(accrued.data.shares).toBe(Math.floor(accrued.data.seconds / 100));
    await pools.expectAgreement(poolId);
    await pools.run(poolId, 'Unstake', { member: staker.address, amount: 100n * TOKEN }, staker.address);
    await pools.waitForEvent(poolId, 'Unstaked');
    expect(await pools.tokenBalance(staker.address)).toBe(before);
    const s = await pools.state(poolId);
    const earned = (await pools.events(poolId))
      .filter((e) => e.type === 'StakeSharesAccrued')
      .reduce((n, e) => n + (e.data as { shares: number }).shares, 0);
    expect(s.holdings.get(staker.address)).toBe(earned);
    expect(earned).toBeGreaterThanOrEqual(72);
    await pools.expectAgreement(poolId);
  });

  it.each(['after-share-action-send', 'after-share-action-confirm'] as const)(
    'a worker killed %s of a purchase: a fresh worker finishes it, and the chain sold the shares once',
    async (point) => {
      const [buyer] = take(1);
      const poolId = await pools.create();
      const pool = await pools.contractOf(poolId);
      await pools.fundAndApprove(buyer, pool);
      await driver.stop();
      const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/worker/test/execution-crash-worker.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          AYLLU_EXECUTION_CRASH_AT: point,
          AYLLU_CRASH_WORKER: JSON.stringify({ databaseUrl: world.db.url, relayerKey: world.relayerKey, devChain: world.devChain }),
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.once('exit', (code, signal) => resolve(signal ?? code)),
      );
      await pools.run(poolId, 'RequestSharePurchase', { buyer: buyer.address, shares: 1_234 }, buyer.address);
      expect(await exited).toBe('SIGKILL');
      driver = await world.startDriver();
      await pools.waitForEvent(poolId, 'SharesPurchased');
      await pools.settled(poolId);
      const logs = await world.clients.public.getLogs({ address: pool, fromBlock: 0n, toBlock: 'latest' });
      const bought = sharePoolEventsOf(logs, pool).filter((e) => e.eventName === 'SharesBought');
      expect(bought.map((e) => [getAddress(e.args.buyer as string), e.args.shares])).toEqual([[buyer.address, 1_234n]]);
      const events = await world.store.readStream(streams.sharePool.of(poolId).streamId);
      expect(events.filter((e) => e.type === 'SharesPurchased')).toHaveLength(1);
      await pools.expectAgreement(poolId);
      const { rows } = await world.db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM chain_calls WHERE key LIKE $1 AND status <> 'confirmed'`,
        [`%${poolId}%`],
      );
      expect(rows[0].n).toBe(0);
    },
  );

  // Last: every pool this file made, whatever its way in. Log = chain per pool (expectAgreement); here the read
  // models against the chain, and a rebuild from the log against the rows the projections kept.
  it('the read models agree with the chain for every pool, and a rebuild gives the same rows', async () => {
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
    const { rows: pooled } = await world.db.pool.query<{ pool_id: string; contract_address: string | null; available: number }>(
      'SELECT pool_id, contract_address, available FROM rm_share_pools WHERE dao_id = $1 ORDER BY pool_id',
      [daoId],
    );
    expect(pooled.length).toBeGreaterThanOrEqual(6);
    for (const row of pooled) {
      expect({ pool: row.pool_id, deployed: row.contract_address !== null }).toEqual({ pool: row.pool_id, deployed: true });
      await pools.expectAgreement(row.pool_id);
      const chain = await readSharePool(world.clients.public, getAddress(row.contract_address!));
      const { rows: held } = await world.db.pool.query<{ holder: string; shares: number }>(
        'SELECT holder, shares FROM rm_share_holders WHERE pool_id = $1 ORDER BY lower(holder)',
        [row.pool_id],
      );
      const onChain = chain.holders
        .filter((h) => h.shares > 0n)
        .map((h) => ({ holder: getAddress(h.holder), shares: Number(h.shares) }))
        .sort((x, y) => x.holder.toLowerCase().localeCompare(y.holder.toLowerCase()));
      expect({ pool: row.pool_id, available: row.available, holders: held }).toEqual({
        pool: row.pool_id,
        available: Number(chain.available),
        holders: onChain,
      });
    }
  });
});
