// A private chain of this file's own: rotating pools move chain time round by round.
import { drawOrder, lotteryCommitment, streams, type DaoContracts, type DrawInputs, type RotationSlot } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { keccak256, toHex, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { fundedAccounts } from '../../../test/chain/accounts';
import { poolAbi } from '../src/rotating/rosca-contract';
import { catchUpReadModels, createDao, readModelsAndRebuild, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { C, DAY, rotatingPools } from './rotating-harness';

jest.setTimeout(600_000);

type Pools = ReturnType<typeof rotatingPools>;

/** What the log says a member's wallet gained (payments out of the pool) and gave (collateral, contributions, penalties). */
const netFromLog = (events: readonly RecordedEvent[], member: Address): bigint => {
  let net = 0n;
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'RotatingPoolMemberJoined' && d.member === member) net -= d.collateral as bigint;
    if (e.type === 'ContributionPaid' && d.member === member) net -= (d.amount as bigint) + (d.penalty as bigint);
    if (e.type === 'RotatingPoolEffectConfirmed')
      for (const p of d.payments as { member: Address; amount: bigint }[]) if (p.member === member) net += p.amount;
  }
  return net;
};

describe('rotating pools on the local chain, run by the worker', () => {
  let world: ExecutionWorld;
  let daoId: string;
  let contracts: DaoContracts;
  let pools: Pools;
  let accounts: PrivateKeyAccount[];
  let next = 0;
  const created: string[] = [];
  const fiveMembers = () => accounts.slice(next, (next += 5));

  beforeAll(async () => {
    world = await startExecutionWorld();
    await world.startDriver();
    ({ daoId, contracts } = await createDao(world));
    pools = rotatingPools(world, daoId, contracts);
    accounts = await fundedAccounts(world.clients, 'rosca-e2e', 40);
  });

  afterAll(async () => {
    await world?.stop();
  });

  /** Creates a pool, funds and approves its members, and asks them in (in order); returns when all have joined. */
  const formPool = async (
    members: readonly PrivateKeyAccount[],
    overrides: Record<string, unknown> = {},
    commitments?: readonly `0x${string}`[],
    of: Pools = pools,
  ) => {
    const poolId = await of.create(overrides);
    created.push(poolId);
    const pool = await pools.contractOf(poolId);
    for (const m of members) await pools.fundAndApprove(m, pool);
    const before = new Map(await Promise.all(members.map(async (m) => [m.address, await pools.tokenBalance(m.address)] as const)));
    for (const [i, m] of members.entries()) await pools.join(poolId, m.address, commitments?.[i]);
    for (const m of members) await pools.waitForEvent(poolId, 'RotatingPoolMemberJoined', (d) => d.member === m.address);
    return { poolId, pool, before };
  };

  /** Log, chain and wallets agree: the contract holds what the log says; each wallet moved as the log says. */
  const expectBooksAgree = async (poolId: string, members: readonly PrivateKeyAccount[], before: Map<Address, bigint>) => {
    await pools.effectsDone(poolId);
    const books = await pools.books(poolId);
    expect(books.onChain).toBe(books.held);
    expect(books.ledger.tokensIn).toBe(books.ledger.tokensOut + books.ledger.fees + books.held);
    const events = await pools.events(poolId);
    for (const m of members) expect((await pools.tokenBalance(m.address)) - before.get(m.address)!).toBe(netFromLog(events, m.address));
  };

  const recipientsOf = async (poolId: string) =>
    (await pools.events(poolId)).filter((e) => e.type === 'RoundSettled').map((e) => (e.data as { recipient: Address }).recipient);

  const playAll = async (
    poolId: string,
    hooks: Parameters<Pools['playRound']>[1] = undefined,
    after: Parameters<Pools['playRound']>[2] = undefined,
  ) => {
    for (;;) {
      const s = await pools.state(poolId);
      if (s.status === 'COMPLETED' || s.status === 'DISSOLVED') break;
      await pools.playRound(poolId, hooks, after);
    }
    await pools.effectsDone(poolId);
  };

  it('runs a join-order pool to COMPLETED: each member receives the pot once, in join order, and the contract ends empty', async () => {
    const members = fiveMembers();
    const { poolId, before } = await formPool(members);
    const started = await pools.waitForEvent(poolId, 'RotatingPoolStarted');
    expect(started.data.order).toEqual(members.map((m) => ({ kind: 'recipient', member: m.address })));
    await playAll(poolId);
    expect(await recipientsOf(poolId)).toEqual(members.map((m) => m.address));
    const settled = (await pools.events(poolId))
      .filter((e) => e.type === 'RoundSettled')
      .map((e) => e.data as { paid: bigint; holdback: bigint });
    // Every recipient's pot was whole: five contributions (part held back until their own are covered, then released).
    for (const s of settled) expect(s.paid + s.holdback).toBe(5n * C);
    await expectBooksAgree(poolId, members, before);
    expect((await pools.books(poolId)).onChain).toBe(0n);
    for (const m of members) expect(await pools.tokenBalance(m.address)).toBe(before.get(m.address));
  });

  it('penalises a late payer and covers a defaulter from their collateral: every recipient is paid in full', async () => {
    const members = fiveMembers();
    const { poolId, pool, before } = await formPool(members);
    const [defaulter, , late] = members;
    await playAll(
      poolId,
      async (round) => {
        if (round === 1) {
          await pools.approve(defaulter, pool, 0n); // received in round 0, now pays nothing
          await pools.approve(late, pool, 0n);
        }
        if (round === 2) await pools.approve(defaulter, pool, 2n ** 255n);
      },
      async (round) => {
        if (round !== 1) return;
        // Past the grace period the late member approves again: the next pull carries one week's penalty.
        const s = await pools.state(poolId);
        if (s.status !== 'ACTIVE') throw new Error('not active');
        await pools.advanceTo(new Date(Date.parse(s.round.dueAt) + (2 * DAY + 60) * 1000).toISOString());
        await pools.approve(late, pool, 2n ** 255n);
        await pools.waitForEvent(poolId, 'ContributionPaid', (d) => d.member === late.address && d.round === 1);
      },
    );
    const events = await pools.events(poolId);
    const latePaid = events.find(
      (e) =>
        e.type === 'ContributionPaid' &&
        (e.data as { member: Address; round: number }).member === late.address &&
        (e.data as { round: number }).round === 1,
    )!;
    expect(latePaid.data).toMatchObject({ timing: 'after-grace', penalty: (C * 500n) / 10_000n, strike: 1 });
    const defaulted = events.find((e) => e.type === 'ContributionDefaulted')!;
    expect(defaulted.data).toMatchObject({ member: defaulter.address, round: 1, fromCollateral: C, fromHoldback: 0n });
    for (const e of events.filter((x) => x.type === 'RoundSettled')) {
      const d = e.data as { gross: bigint; fee: bigint; paid: bigint; holdback: bigint };
      expect(d.gross).toBeGreaterThanOrEqual(5n * C);
      expect(d.paid + d.holdback).toBe(d.gross - d.fee);
    }
    await expectBooksAgree(poolId, members, before);
    expect((await pools.books(poolId)).onChain).toBe(0n);
  });

  it('draws a lottery order from the members’ revealed secrets, recomputable from the log', async () => {
    const members = fiveMembers();
    const secrets = members.map((m) => keccak256(toHex(`secret:${m.address}`)));
    const { poolId, before } = await formPool(
      members,
      { rotationMethod: 'lottery' },
      secrets.map((s, i) => lotteryCommitment(s, members[i].address)),
    );
    for (const [i, m] of members.entries())
      await pools.run(poolId, 'RevealLotterySecret', { member: m.address, secret: secrets[i] }, m.address);
    const started = await pools.waitForEvent(poolId, 'RotatingPoolStarted');
    const draw = started.data.draw as DrawInputs;
    expect(draw.secrets).toEqual(secrets);
    expect(started.data.order).toEqual(drawOrder(draw).map((member) => ({ kind: 'recipient', member })));
    await playAll(poolId);
    expect(await recipientsOf(poolId)).toEqual((started.data.order as RotationSlot[]).map((s) => (s as { member: Address }).member));
    await expectBooksAgree(poolId, members, before);
  });

  it('gives each bidding round to the highest discount and shares the discount among the others', async () => {
    const members = fiveMembers();
    const { poolId, before } = await formPool(members, { rotationMethod: 'bidding' });
    await playAll(poolId, async (round) => {
      const s = await pools.state(poolId);
      if (s.status !== 'ACTIVE') return;
      const waiting = [...s.members.values()].filter((m) => m.receivedRound === null);
      // The last waiting member bids the most: 1%, 2%, ... so the order is the reverse of the join order.
      for (const [i, m] of waiting.entries())
        await pools.run(poolId, 'PlaceBid', { member: m.address, round, discountBps: (i + 1) * 100 }, m.address);
    });
    expect(await recipientsOf(poolId)).toEqual([...members].reverse().map((m) => m.address));
    const first = (await pools.events(poolId)).find((e) => e.type === 'RoundSettled')!.data as {
      discountBps: number;
      discountShares: { amount: bigint }[];
    };
    expect(first.discountBps).toBe(500);
    expect(first.discountShares).toHaveLength(4);
    await expectBooksAgree(poolId, members, before);
  });

  it('starts a consensus pool on the order a majority voted for', async () => {
    const members = fiveMembers();
    const { poolId, before } = await formPool(members, { rotationMethod: 'consensus' });
    const order = [members[3], members[1], members[4], members[0], members[2]].map((m) => m.address);
    for (const m of members.slice(0, 3)) await pools.run(poolId, 'VoteOnRotationOrder', { member: m.address, order }, m.address);
    const started = await pools.waitForEvent(poolId, 'RotatingPoolStarted');
    expect(started.data.orderVotes).toBe(3);
    await playAll(poolId);
    expect(await recipientsOf(poolId)).toEqual(order);
    await expectBooksAgree(poolId, members, before);
  });

  it("starts a manual pool on the organiser's order", async () => {
    const members = fiveMembers();
    const { poolId, before } = await formPool(members, { rotationMethod: 'manual' });
    const order = [...members].reverse().map((m) => m.address);
    await pools.run(poolId, 'StartRotatingPool', { order }, contracts.safe);
    await playAll(poolId);
    expect(await recipientsOf(poolId)).toEqual(order);
    await expectBooksAgree(poolId, members, before);
  });

  it('dissolves a paused pool mid-cycle on a majority vote: the refunds add up to exactly what the contract held', async () => {
    const members = fiveMembers();
    const { poolId, pool, before } = await formPool(members);
    await pools.playRound(poolId);
    await pools.playRound(poolId);
    await pools.organiserCall(pool, 'pause', ['a member is unreachable']);
    await pools.run(poolId, 'PauseRotatingPool', { reason: 'a member is unreachable' }, contracts.safe);
    const held = (await pools.books(poolId)).onChain;
    for (const m of members.slice(0, 3)) await pools.run(poolId, 'VoteToDissolve', { member: m.address }, m.address);
    const dissolved = await pools.waitForEvent(poolId, 'RotatingPoolDissolved');
    expect(dissolved.data.refunds.reduce((n, r) => n + r.amount, 0n)).toBe(held);
    await pools.effectsDone(poolId);
    expect((await pools.books(poolId)).onChain).toBe(0n);
    await expectBooksAgree(poolId, members, before);
    const state = (await world.store.load(streams.rosca.of(poolId))).state;
    expect(state.status).toBe('DISSOLVED');
  });

  it("pays the DAO strategy's yield to the round's recipient, and a dissolution shares the yield not yet recognised, to the wei", async () => {
    // A second DAO whose CHANGE_STRATEGY executed: its vault invests in the dev chain's TestStrategy, and so do its pools.
    const dao = await createDao(world);
    const daoPools = rotatingPools(world, dao.daoId, dao.contracts);
    await daoPools.useTestStrategy();
    const members = fiveMembers();
    const { poolId, pool, before } = await formPool(members, { platformFeeBps: 100 }, undefined, daoPools);
    const deployed = await pools.state(poolId);
    expect(deployed.status !== 'ABSENT' && deployed.strategy).toBe(world.devChain.testStrategy);

    // The collateral waits in the strategy for round 0 and earns; the pool is the strategy's only depositor.
    const earned = 3n * 10n ** 18n + 7n;
    await pools.playRound(poolId, () => daoPools.simulateYield(earned).then(() => undefined));
    const settled = (await pools.events(poolId)).find((e) => e.type === 'RoundSettled')!.data as {
      recipient: Address;
      gross: bigint;
      fee: bigint;
      paid: bigint;
      holdback: bigint;
      yieldEarned: bigint;
    };
    expect(settled.recipient).toBe(members[0].address);
    expect(earned - settled.yieldEarned).toBeLessThanOrEqual(1n); // ERC-4626's virtual share keeps a wei at most
    expect(settled.gross).toBe(5n * C + settled.yieldEarned);
    expect(settled.fee).toBe((settled.gross * 100n) / 10_000n);
    expect(settled.paid + settled.holdback).toBe(5n * C + settled.yieldEarned - settled.fee);
    const [onChain] = await world.clients.public.getContractEvents({
      address: pool,
      abi: poolAbi,
      eventName: 'RoundSettled',
      fromBlock: 0n,
    });
    expect(onChain.args).toEqual({ round: 0n, totalPaid: settled.paid, fee: settled.fee, yieldRecognised: settled.yieldEarned });
    // The recipient's wallet: the pot of contributions × members + yield − fee, less the collateral, contribution and holdback.
    expect((await pools.tokenBalance(members[0].address)) - before.get(members[0].address)!).toBe(
      5n * C + settled.yieldEarned - settled.fee - settled.holdback - C - C,
    );
    await catchUpReadModels(world);
    const { rows: roundRows } = await world.db.pool.query<{ y: string | null }>(
      'SELECT yield_earned::text AS y FROM rm_rosca_rounds WHERE pool_id = $1 AND round = 0',
      [poolId],
    );
    const roundRow = roundRows[0]?.y;
    expect(roundRow).toBe(settled.yieldEarned.toString());

    // More yield the log has not recognised, then a dissolution: the contract shares it pro rata over the refunds.
    await daoPools.simulateYield(5n * 10n ** 18n + 11n);
    await daoPools.organiserCall(pool, 'pause', ['the members want out']);
    await pools.run(poolId, 'PauseRotatingPool', { reason: 'the members want out' }, dao.contracts.safe);
    const held = (await pools.books(poolId)).onChain;
    for (const m of members.slice(0, 3)) await pools.run(poolId, 'VoteToDissolve', { member: m.address }, m.address);
    const dissolved = await pools.waitForEvent(poolId, 'RotatingPoolDissolved');
    const decided = dissolved.data.refunds.reduce((n, r) => n + r.amount, 0n);
    await pools.effectsDone(poolId);
    const confirmed = (await pools.events(poolId)).find(
      (e) => e.type === 'RotatingPoolEffectConfirmed' && (e.data as { key: string }).key === 'dissolution',
    )!.data as { payments: { amount: bigint }[]; surplus: bigint };
    expect(confirmed.payments.reduce((n, p) => n + p.amount, 0n)).toBe(held);
    expect(confirmed.surplus).toBe(held - decided);
    expect(confirmed.surplus).toBeGreaterThan(5n * 10n ** 18n - 2n);
    expect((await pools.books(poolId)).onChain).toBe(0n);
    expect(await pools.tokenBalance(pool)).toBe(0n);
    await expectBooksAgree(poolId, members, before);
    await catchUpReadModels(world);
    const {
      rows: [pooled],
    } = await world.db.pool.query<{ status: string; y: string }>(
      'SELECT status, yield_earned::text AS y FROM rm_rosca_pools WHERE pool_id = $1',
      [poolId],
    );
    expect(pooled.status).toBe('DISSOLVED');
    expect(pooled.y).toBe((settled.yieldEarned + confirmed.surplus).toString());
  });

  it('the read models agree with the log and the chain for every pool, and a rebuild gives the same rows', async () => {
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
    for (const poolId of created) {
      const books = await pools.books(poolId);
      const state = await pools.state(poolId);
      const { rows } = await world.db.pool.query<{ status: string; held: string }>(
        'SELECT status, held FROM rm_rosca_pools WHERE pool_id = $1',
        [poolId],
      );
      expect(rows).toEqual([{ status: state.status, held: books.held.toString() }]);
      expect(books.onChain).toBe(books.held);
    }
  });
});
