import fc from 'fast-check';
import {
  collateralFor,
  DomainError,
  fold,
  latePenalty,
  poolHeld,
  roscaDecider,
  toChecksumAddress,
  type Address,
  type RoscaCommand,
  type RoscaEvent,
  type RoscaState,
  type RotatingPoolConfiguration,
} from '@ayllu/domain';

const DAY = 24 * 3600;
const WEEK = 7 * DAY;
const T0 = '2026-01-01T00:00:00.000Z';
const safe = toChecksumAddress(`0x${'5a'.repeat(20)}`);
const members = (n: number): Address[] =>
  Array.from({ length: n }, (_, i) => toChecksumAddress(`0x${(i + 1).toString(16).padStart(40, '0')}`));
const addSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

type Data<T extends RoscaCommand['type']> = Extract<RoscaCommand, { type: T }>['data'];
/** A pool driven command by command: the log grows with each accepted command, as the store would append it. */
const poolLog = () => {
  const events: RoscaEvent[] = [];
  const state = () => fold(roscaDecider, events);
  const run = <T extends RoscaCommand['type']>(type: T, data: Data<T>, now = T0, actor: string = safe) => {
    events.push(...roscaDecider.decide({ type, data, metadata: { actor, now } } as RoscaCommand, state()));
  };
  return { events, state, run };
};
const poolInput = (c: object) => ({ daoId: 'dao-1', organiser: safe, rotationIntervalSeconds: WEEK, startDate: T0, ...c });

/**
 * Random sequences of payments (on time, late within grace, late after grace), defaults (rounds settled with
 * members unpaid), exits, bids, pauses and dissolution votes, over random pools. After every accepted command:
 * (1) tokens in = tokens out + fees + held, to the wei, held summed from the pool's parts;
 * (2) every payout round's pot is whole: the contributions of all members (paid, covered, or from the
 *     reserve for members who left) reach it, and the recipient gets it less only the fee, their own bid's
 *     shares and their holdback; a completed pool holds nothing (every holdback and collateral went back);
 * (3) a dissolution's refunds add up to exactly what the pool held.
 */
type Op =
  | { readonly t: 'pay'; readonly who: number; readonly when: 'early' | 'grace' | 'after'; readonly weeks: number }
  | { readonly t: 'settle'; readonly yieldEarned: bigint }
  | { readonly t: 'exit' | 'vote'; readonly who: number }
  | { readonly t: 'bid'; readonly who: number; readonly bps: number }
  | { readonly t: 'pause' | 'resume' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('pay' as const),
      who: fc.nat(9),
      when: fc.constantFrom('early' as const, 'grace' as const, 'after' as const),
      weeks: fc.nat(3),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('settle' as const), yieldEarned: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1000n })) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('exit' as const), who: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('vote' as const), who: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('bid' as const), who: fc.nat(9), bps: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('pause' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resume' as const) }) },
);

const config = fc
  .record({
    memberCount: fc.integer({ min: 2, max: 6 }),
    contributionAmount: fc.bigInt({ min: 1n, max: 10n ** 21n }),
    collateralPercent: fc.oneof(fc.constantFrom(0, 10, 50, 100), fc.nat(100)),
    penaltyRateBps: fc.nat(2_000),
    earlyExitPenaltyBps: fc.nat(3_000),
    fee: fc.nat(1_000),
    rotationMethod: fc.constantFrom('join-order' as const, 'bidding' as const),
  })
  .map(({ fee, ...c }) => ({
    ...c,
    platformFeeBps: Math.min(fee, Math.floor((10_000 + 100 * c.memberCount * c.collateralPercent) / c.memberCount)),
  }));

const running = (s: RoscaState) => (s.status === 'ACTIVE' || s.status === 'EMERGENCY' ? s : null);

const checkSettlement = (before: RoscaState, event: RoscaEvent) => {
  const s = running(before);
  if (event.type !== 'RoundSettled' || !s) return;
  const d = event.data;
  const shares = d.discountShares.reduce((n, x) => n + x.amount, 0n);
  expect(d.paid + d.holdback + d.fee + shares + d.toReserve).toBe(d.gross);
  if (d.kind !== 'payout') return;
  const whole = BigInt(s.rounds) * s.configuration.contributionAmount;
  const contributions = s.round.collected + d.reserveFill;
  if (d.round === s.rounds - 1) expect(contributions).toBeGreaterThanOrEqual(whole);
  else expect(contributions).toBe(whole);
  const net = d.gross - d.fee;
  expect(shares).toBeLessThanOrEqual((net * BigInt(d.discountBps)) / 10_000n);
};

const checkStep = (events: readonly RoscaEvent[], from: number) => {
  let before = fold(roscaDecider, events.slice(0, from));
  for (let i = from; i < events.length; i++) {
    checkSettlement(before, events[i]);
    const e = events[i];
    if (e.type === 'RotatingPoolDissolved') {
      expect(e.data.balance).toBe(poolHeld(before));
      expect(e.data.refunds.reduce((n, r) => n + r.amount, 0n)).toBe(poolHeld(before));
    }
    before = roscaDecider.evolve(before, e);
  }
  for (const e of events.slice(from)) seen.set(eventKind(e), (seen.get(eventKind(e)) ?? 0) + 1);
  const state = fold(roscaDecider, events);
  if (state.status === 'ABSENT') return;
  const live = running(state);
  // The holdback rule: a member who has received always has in the pool at least what they still owe.
  if (live)
    for (const m of live.members.values()) {
      if (m.departed !== null || m.receivedRound === null) continue;
      const unpaid = live.round.contributions.get(m.address) === 'PENDING' ? 1 : 0;
      const owed = BigInt(Math.max(0, live.rounds - 1 - live.round.index + unpaid)) * live.configuration.contributionAmount;
      expect(m.collateral + m.heldBack).toBeGreaterThanOrEqual(owed);
    }
  if (state.status === 'COMPLETED') for (const m of state.members.values()) if (m.departed === null) expect(m.receivedRound).not.toBeNull();
  const { tokensIn, tokensOut, fees } = state.ledger;
  expect(tokensIn).toBe(tokensOut + fees + poolHeld(state));
  if (state.status === 'COMPLETED' || state.status === 'DISSOLVED') expect(poolHeld(state)).toBe(0n);
};

/** How often each kind of event happened over all runs, so the spec shows it exercised what it claims to. */
const seen = new Map<string, number>();
const eventKind = (e: RoscaEvent): string => {
  if (e.type === 'RotatingPoolMemberDeparted') return `${e.type}:${e.data.reason}:${e.data.refundSlot === null ? 'received' : 'waiting'}`;
  if (e.type === 'RoundSettled')
    return `${e.type}:${e.data.kind}${e.data.discountBps > 0 ? ':discount' : ''}${e.data.holdback > 0n ? ':holdback' : ''}`;
  if (e.type === 'ContributionPaid') return `${e.type}:${e.data.timing}`;
  return e.type;
};

const attempt = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
};

describe('rotating pool money properties', () => {
  it('conserves tokens, keeps every pot whole and refunds a dissolution exactly', () =>
    fc.assert(
      fc.property(config, fc.array(op, { maxLength: 60 }), (cfg, ops) => {
        const log = poolLog();
        const people = members(cfg.memberCount);
        log.run('CreateRotatingPool', { poolId: 'p', ...poolInput(cfg) });
        const c = (log.state() as { configuration: RotatingPoolConfiguration }).configuration;
        for (const m of people) log.run('JoinRotatingPool', { member: m, collateral: collateralFor(c) });
        checkStep(log.events, 0);
        const apply = (o: Op) => {
          const s = running(log.state());
          if (!s) return;
          const due = s.round.dueAt;
          const who = people[('who' in o ? o.who : 0) % people.length];
          const from = log.events.length;
          attempt(() => {
            switch (o.t) {
              case 'pay': {
                const offset =
                  o.when === 'early' ? -DAY : o.when === 'grace' ? c.gracePeriodSeconds : c.gracePeriodSeconds + 1 + o.weeks * WEEK;
                const now = addSeconds(due, offset);
                log.run(
                  'PayContribution',
                  { member: who, round: s.round.index, amount: c.contributionAmount + latePenalty(c, due, now) },
                  now,
                  who,
                );
                break;
              }
              case 'settle':
                log.run('SettleRound', { round: s.round.index, yieldEarned: o.yieldEarned }, addSeconds(due, c.gracePeriodSeconds + 3600));
                break;
              case 'exit':
                log.run('RequestRoscaExit', { member: who }, due, who);
                break;
              case 'vote':
                log.run('VoteToDissolve', { member: who }, due, who);
                break;
              case 'bid':
                log.run('PlaceBid', { member: who, round: s.round.index, discountBps: o.bps }, due, who);
                break;
              case 'pause':
                log.run('PauseRotatingPool', { reason: 'check' }, due, safe);
                break;
              case 'resume':
                log.run('ResumeRotatingPool', {}, due, safe);
                break;
            }
          });
          checkStep(log.events, from);
        };
        ops.forEach(apply);
        // Then run the pool to its end with everyone paying on time, resuming it if paused.
        for (let guard = 0; guard < 3 * cfg.memberCount + 3 && running(log.state()); guard++) {
          const s = running(log.state());
          if (s?.status === 'EMERGENCY') apply({ t: 'resume' });
          else people.forEach((_, who) => apply({ t: 'pay', who, when: 'early', weeks: 0 }));
          apply({ t: 'settle', yieldEarned: 0n });
        }
        expect(['COMPLETED', 'DISSOLVED']).toContain(log.state().status);
      }),
      // A fixed seed keeps CI deterministic and the path check below stable; change it to explore further.
      { numRuns: 400, seed: 20261201 },
    ));

  it('exercised every path it claims to', () => {
    const kinds = [
      'ContributionPaid:on-time',
      'ContributionPaid:grace',
      'ContributionPaid:after-grace',
      'ContributionDefaulted',
      'RotatingPoolMemberDeparted:exit:received',
      'RotatingPoolMemberDeparted:exit:waiting',
      'RotatingPoolMemberDeparted:expelled:received',
      'RotatingPoolMemberDeparted:expelled:waiting',
      'RoundSettled:refund',
      'RoundSettled:payout:discount',
      'RoundSettled:payout:holdback',
      'RotatingPoolCompleted',
      'RotatingPoolDissolved',
    ];
    expect(kinds.filter((kind) => !seen.has(kind))).toEqual([]);
  });
});
