import fc from 'fast-check';
import type { Address } from '../shared/address';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { Hash } from '../shared/hex';
import { addressOf, at, DAY, meta } from '../testing/fixtures';
import { creatorSafe, gdaPool, poolContract, purchaseToken, sharePoolInput, stakingToken, tx } from '../testing/share-pool';
import { allocateCrowdfunding } from './crowdfunding-allocation';
import { distributionLedger } from './distribution-ledger';
import { STAKE_RATE_SCALE, TOTAL_SHARES, WAYS_TO_ACCESS, type WayToAccess } from './share-pool-configuration';
import type { SharePoolCommand } from './share-pool-commands';
import { sharePoolDecider } from './share-pool-decider';
import { evolveSharePoolHistory, initialSharePoolHistory } from './share-pool-history';
import type { SharePoolEvent } from './share-pool-events';
import { sharesConserved, type SharePoolState } from './share-pool-state';

const people = [0, 1, 2].map((i) => addressOf(`property-holder-${i}`));
const contributors = Array.from({ length: 41 }, (_, i) => addressOf(`contributor-${i}`));
/** Event types the random histories produced: the property must reach every way shares move, or it proves little. */
const seen = new Set<string>();
const codeHash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

/** One step of a random history: a command with its actor, or the worker settling a pending action. */
type Step =
  | { readonly kind: 'command'; readonly type: SharePoolCommand['type']; readonly data: unknown; readonly actor: 'creator' | number }
  | { readonly kind: 'settle'; readonly pick: number; readonly ok: boolean };

const who = fc.integer({ min: 0, max: people.length - 1 });
const shares = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: TOTAL_SHARES }));
const amount = fc.bigInt({ min: 1n, max: 10n ** 21n });
const command = (type: SharePoolCommand['type'], data: fc.Arbitrary<unknown>, actor: fc.Arbitrary<'creator' | number> = who) =>
  fc.record({ kind: fc.constant('command' as const), type: fc.constant(type), data, actor });

const creator = fc.constant('creator' as const);
const code = fc.integer({ min: 0, max: 2 });
const settle = fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), ok: fc.boolean() });

/** Steps of the pool's own way in, weighted up, among those every pool takes. */
const waySteps: Record<WayToAccess, fc.Arbitrary<Step>[]> = {
  buy: [command('RequestSharePurchase', fc.record({ buyer: who, shares }))],
  request: [
    command('RequestToJoinSharePool', fc.record({ member: who })),
    command('AssignShares', fc.record({ to: who, shares }), creator),
    command('RejectJoinRequest', fc.record({ member: who, reason: fc.constant('no') }), creator),
  ],
  codes: [
    command('GenerateShareCodes', fc.record({ code, shares }), creator),
    command('RevokeShareCodes', fc.record({ code }), creator),
    command('RedeemShareCode', fc.record({ member: who, code })),
  ],
  crowdfunding: [
    command('ContributeToCrowdfunding', fc.record({ contributor: who, amount })),
    command('FinalizeCrowdfunding', fc.constant({}), creator),
  ],
  staking: [
    command('Stake', fc.record({ member: who, amount })),
    command('Unstake', fc.record({ member: who, amount: fc.oneof(amount, fc.bigInt({ min: 1n, max: 1_000n })) })),
    command('AccrueStakeShares', fc.record({ member: who })),
  ],
};
const stepFor = (way: WayToAccess): fc.Arbitrary<Step> =>
  fc.oneof(
    ...waySteps[way].map((arbitrary) => ({ arbitrary, weight: 4 })),
    { arbitrary: settle, weight: 6 },
    { arbitrary: command('AssignShares', fc.record({ to: who, shares }), creator), weight: 1 },
    {
      arbitrary: command('TransferShares', fc.record({ from: fc.oneof(who, fc.constant(-1)), to: who, shares }), fc.constant(0)),
      weight: 2,
    },
    {
      arbitrary: command('RecordDistribution', fc.record({ amount: fc.bigInt({ min: 10_000n, max: 10n ** 24n }) }), creator),
      weight: 1,
    },
  );

/** The command's data with indices turned into addresses, codes and hashes. */
const dataOf = (step: Extract<Step, { kind: 'command' }>, n: number, now: string): Record<string, unknown> => {
  const d = step.data as Record<string, number & bigint>;
  const person = (i: number): Address => (i < 0 ? creatorSafe : people[i]);
  switch (step.type) {
    case 'RequestSharePurchase':
      return { buyer: person(d.buyer), shares: d.shares };
    case 'RequestToJoinSharePool':
    case 'Stake':
    case 'Unstake':
      return { ...d, member: person(d.member) };
    case 'RejectJoinRequest':
      return { ...d, member: person(d.member) };
    case 'AssignShares':
      return { to: person(d.to), shares: d.shares, txHash: tx(n) };
    case 'GenerateShareCodes':
      return { codes: [{ codeHash: codeHash(d.code), shares: d.shares }] };
    case 'RevokeShareCodes':
      return { codeHashes: [codeHash(d.code)] };
    case 'RedeemShareCode':
      return { member: person(d.member), codeHash: codeHash(d.code) };
    case 'TransferShares':
      return { from: person(d.from), to: person(d.to), shares: d.shares };
    case 'ContributeToCrowdfunding':
      return { contributor: person(d.contributor), amount: d.amount };
    case 'FinalizeCrowdfunding':
      return { txHash: tx(n) };
    case 'AccrueStakeShares':
      return { member: person(d.member), txHash: tx(n), at: now };
    case 'RecordDistribution':
      return { distribution: { kind: 'instant', amount: d.amount }, txHash: tx(n) };
    default:
      throw new Error(`no data for ${step.type}`);
  }
};

/** Runs a random history against one pool, checking the share invariant after every accepted command. */
const runHistory = (way: WayToAccess, creatorShares: number, maxParticipants: number, steps: readonly Step[]): SharePoolState => {
  const terms: Record<WayToAccess, object> = {
    buy: {},
    request: { pricePerShare: undefined },
    codes: { pricePerShare: undefined },
    crowdfunding: { pricePerShare: undefined, crowdfunding: { target: 10n ** 21n, deadline: at(4 * DAY) } },
    staking: { pricePerShare: undefined, staking: { token: stakingToken, ratePerTokenSecond: STAKE_RATE_SCALE / 10n ** 24n } },
  };
  const events: SharePoolEvent[] = [];
  let state = sharePoolDecider.initialState();
  const decide = (command: SharePoolCommand) => {
    try {
      const decided = sharePoolDecider.decide(command, state);
      for (const e of decided) seen.add(e.type);
      events.push(...decided);
      state = decided.reduce(sharePoolDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  const input = sharePoolInput({ wayToAccess: way, creatorShares, maxParticipants, transfersAllowed: true, purchaseToken, ...terms[way] });
  decide({ type: 'CreateSharePool', data: { poolId: 'prop', ...input }, metadata: meta('admin:key-1', at(0)) });
  decide({
    type: 'RecordSharePoolDeployment',
    data: { address: poolContract, gdaPool, txHash: tx(1), blockNumber: 1n },
    metadata: meta('system:worker', at(0)),
  });
  steps.forEach((s, i) => {
    const now = at((i + 1) * 8 * 3600);
    if (s.kind === 'settle') {
      const keys = state.status === 'ABSENT' ? [] : [...state.pending.keys()];
      if (keys.length === 0) return;
      const key = keys[s.pick % keys.length];
      decide(
        s.ok
          ? { type: 'ConfirmSharePoolAction', data: { key, txHash: tx(i + 2), at: now }, metadata: meta('system:worker', now) }
          : { type: 'FailSharePoolAction', data: { key, reason: 'refused' }, metadata: meta('system:worker', now) },
      );
    } else {
      const actor = s.actor === 'creator' ? creatorSafe : people[s.actor];
      decide({ type: s.type, data: dataOf(s, i + 2, now), metadata: meta(actor, now) } as SharePoolCommand);
    }
    if (!sharesConserved(state)) throw new Error(`Shares not conserved after step ${i}: ${JSON.stringify(s)}`);
    if (state.status !== 'ABSENT' && (state.reserved < 0 || state.reserved > state.available))
      throw new Error(`Reserved ${state.reserved} of ${state.available} available after step ${i}`);
  });
  // The state kept step by step is the one the whole log folds to.
  expect(fold(sharePoolDecider, events)).toEqual(state);
  // The read side accounts for every wei distributed: Σ holders' lines + kept by the pool + left with the Safe.
  const history = events.reduce(evolveSharePoolHistory, initialSharePoolHistory());
  let lines = 0n;
  for (const statement of history.statements.values()) for (const line of statement) lines += line.amount;
  const distributed = history.distributions.reduce((n, d) => n + d.amount, 0n);
  const left = history.distributions.reduce((n, d) => n + d.leftWithDistributor, 0n);
  expect(lines + history.keptByPool + left).toBe(distributed);
  return state;
};

describe('share pool properties', () => {
  it('(a) no sequence of commands makes Σ holders + available differ from 10,000 or any holding negative', () => {
    const mustSee = [
      'SharesPurchased',
      'SharePurchaseFailed',
      'SharesGranted',
      'ShareGrantFailed',
      'SharesAssigned',
      'SharesTransferred',
      'ShareCodesRevoked',
      'CrowdfundingReached',
      'CrowdfundingRefunded',
      'StakeSharesAccrued',
      'Unstaked',
      'DistributionRecorded',
    ];
    // Random histories reach some outcomes (a crowdfunding reaching its target) only now and then: more rounds of
    // 200 run, each checking the invariant, until every outcome has been through it (at most 2,000 histories).
    for (let round = 0; round < 10 && mustSee.some((type) => !seen.has(type)); round++)
      fc.assert(
        fc.property(
          fc
            .constantFrom(...WAYS_TO_ACCESS)
            .chain((way) => fc.tuple(fc.constant(way), fc.array(stepFor(way), { minLength: 1, maxLength: 60, size: 'medium' }))),
          fc.oneof(fc.integer({ min: 0, max: TOTAL_SHARES - 1 }), fc.constantFrom(0, 3_000, 9_990)),
          fc.integer({ min: 0, max: 4 }),
          ([way, steps], creatorShares, maxParticipants) => {
            const state = runHistory(way, creatorShares, maxParticipants, steps);
            expect(state.status).not.toBe('ABSENT');
            if (state.status !== 'ABSENT' && maxParticipants > 0) expect(state.holdings.size).toBeLessThanOrEqual(maxParticipants);
          },
        ),
        { numRuns: 200 },
      );
    for (const type of mustSee) expect([...seen].sort().join(' ')).toContain(type);
  });

  it('(b) crowdfunding allocates exactly the available shares, each within 1 of its exact pro-rata share', () =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.integer({ min: 0, max: 40 }), amount: fc.bigInt({ min: 1n, max: 10n ** 27n }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: TOTAL_SHARES }),
        (raw, available) => {
          const contributions = raw.map((c) => ({ contributor: contributors[c.who], amount: c.amount }));
          const allocations = allocateCrowdfunding(contributions, available);
          const total = contributions.reduce((n, c) => n + c.amount, 0n);
          expect(allocations.reduce((n, a) => n + a.shares, 0)).toBe(available);
          expect(allocations.reduce((n, a) => n + a.amount, 0n)).toBe(total);
          for (const a of allocations) {
            // |shares − amount × available / total| < 1, in integers.
            const gap = BigInt(a.shares) * total - a.amount * BigInt(available);
            expect(gap < total && -gap < total).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    ));

  describe('(c) the distribution ledger', () => {
    it("pays the seed's example exactly: 1,000 tokens over 3,000 / 2,000 / 1,500 / 500 shares, 3,000 unallocated", () => {
      const token = 10n ** 18n;
      const ledger = distributionLedger(1_000n * token, [
        { holder: people[0], shares: 3_000 },
        { holder: people[1], shares: 2_000 },
        { holder: people[2], shares: 1_500 },
        { holder: people[3], shares: 500 },
      ]);
      expect(ledger.payments.map((p) => p.amount)).toEqual([300n * token, 200n * token, 150n * token, 50n * token]);
      expect([ledger.kept, ledger.leftWithDistributor]).toEqual([300n * token, 0n]);
    });

    it('accounts for every wei: Σ paid + kept + left with the distributor = amount', () =>
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 2n ** 200n }),
          fc.array(fc.integer({ min: 0, max: 2_500 }), { maxLength: 4 }),
          (amount, parts) => {
            const ledger = distributionLedger(
              amount,
              parts.map((shares, i) => ({ holder: people[i], shares })),
            );
            const paid = ledger.payments.reduce((n, p) => n + p.amount, 0n);
            expect(paid).toBe(ledger.paid);
            expect(ledger.paid + ledger.kept + ledger.leftWithDistributor).toBe(amount);
            expect(ledger.leftWithDistributor >= 0n && ledger.leftWithDistributor < 10_000n).toBe(true);
            for (const p of ledger.payments) expect(p.amount).toBe(ledger.perUnit * BigInt(p.shares));
          },
        ),
        { numRuns: 500 },
      ));
  });
});
