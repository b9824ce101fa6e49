// Runs on a private node (usePrivateRotatingPool): it sets block times and reverts a snapshot before each run.
// Random sequences of joins, collects, settlements, releases, pauses, dissolutions, blacklistings and claims,
// each predicted by a small model of the contract's rules (a call the model refuses must revert with the error
// the model names; one it accepts must succeed), and checked after every step:
// - tokens in = tokens out + fees + held (token.balanceOf(pool)), to the wei, deferred payments counted as held;
// - every account's wallet moved by exactly what the model says (nobody is paid what the log did not decide);
// - the deferred balances and their total are the model's, and never exceed what the pool holds.
import fc from 'fast-check';
import { latePenalty } from '@ayllu/domain';
import { keccak256, toHex, type Address, type Hex } from 'viem';
import { rotatingPoolAbi } from '../abi/rotating-pool';
import { testBlacklistTokenAbi } from '../abi/test-blacklist-token';
import type { RotatingPoolPayment } from '../../libs/chain/src/rotating/rotating-pool-calls';
import { DAY, usePrivateRotatingPool } from '../../test/chain/rotating-pool';
import { revertOf } from '../../test/chain/revert';

const CANDIDATES = 5; // one more than the capacity (defaultTerms.memberCount = 4)
const ORGANISER = CANDIDATES;
const OUTSIDER = CANDIDATES + 1;
const ERRORS = [...rotatingPoolAbi, ...testBlacklistTokenAbi];

type PaymentSpec = { to: number; bps: number };
type Op =
  | { kind: 'join' | 'collect' | 'block' | 'unblock' | 'claim'; who: number }
  | { kind: 'begin' | 'pause' | 'resume' }
  | { kind: 'settle'; payments: PaymentSpec[]; feeBps: number; roundOffset: number }
  | { kind: 'release'; key: number; payments: PaymentSpec[] }
  | { kind: 'dissolve'; exact: boolean }
  | { kind: 'wait'; seconds: number };

const candidate = fc.integer({ min: 0, max: CANDIDATES - 1 });
const holder = fc.integer({ min: 0, max: ORGANISER }); // members and the organiser may be blacklisted
// Mostly members who can have joined; sometimes the fifth candidate, the organiser or an outsider.
const recipient = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4, max: OUTSIDER }) },
);
const payments = fc.array(fc.record({ to: recipient, bps: fc.integer({ min: 1, max: 5_000 }) }), { minLength: 1, maxLength: 3 });
const who = <K extends 'join' | 'collect' | 'block' | 'unblock' | 'claim'>(kind: K, arbitrary: fc.Arbitrary<number>) =>
  fc.record({ kind: fc.constant(kind), who: arbitrary });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: who('join', candidate) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('begin' as const) }) },
  { weight: 8, arbitrary: who('collect', candidate) },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      payments,
      feeBps: fc.integer({ min: 0, max: 1_200 }),
      roundOffset: fc.constantFrom(0, 0, 0, 1),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), key: fc.integer({ min: 0, max: 2 }), payments }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resume' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dissolve' as const), exact: fc.boolean() }) },
  { weight: 4, arbitrary: who('block', holder) },
  { weight: 2, arbitrary: who('unblock', holder) },
  { weight: 3, arbitrary: who('claim', holder) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 3600, max: 20 * DAY }) }) },
);

/** Runs start with 2 to 4 members joined and, most of them, the rounds begun, so that the money moves. */
const sequence: fc.Arbitrary<Op[]> = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.array(op, { minLength: 8, maxLength: 20 }))
  .map(([joiners, beginUnlessZero, rest]) => [
    ...Array.from({ length: joiners }, (_, i): Op => ({ kind: 'join', who: i })),
    ...(beginUnlessZero > 0 ? [{ kind: 'begin' } as const] : []),
    ...rest,
  ]);

const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString();

describe('RotatingPool money under random sequences', () => {
  const chain = usePrivateRotatingPool({ members: CANDIDATES });

  it('keeps tokens in = tokens out + fees + held to the wei, and pays nobody anything the log did not decide', async () => {
    const { clients, steps, operator, organiser, outsider, feeRecipient, members, pool, terms } = chain();
    const accounts = [...members, organiser, outsider];
    const addressOf = (i: number): Address => accounts[i].address;
    const watched = [...accounts.map((a) => a.address), feeRecipient.address];
    const read = (functionName: 'totalDeferred' | 'available') => clients.public.readContract({ ...steps.target, functionName });
    const deferredOf = (a: Address) => clients.public.readContract({ ...steps.target, functionName: 'deferred', args: [a] });
    const C = terms.contributionAmount;
    let base = await clients.test.snapshot();

    await fc.assert(
      fc.asyncProperty(sequence, async (ops) => {
        await clients.test.revert({ id: base });
        base = await clients.test.snapshot();
        // The model: the contract's state, and every wallet's expected balance.
        const m = {
          joined: [] as number[],
          firstDueAt: 0n,
          rounds: 0n,
          settled: 0n,
          paused: false,
          dissolved: false,
          collected: new Set<string>(),
          released: new Set<number>(),
          blocked: new Set<number>(),
          deferred: new Map<Address, bigint>(),
        };
        let tokensIn = 0n;
        let tokensOut = 0n;
        let fees = 0n;
        const wallets = new Map<Address, bigint>();
        for (const a of watched) wallets.set(a, await steps.tokenBalance(a));
        const totalDeferred = () => [...m.deferred.values()].reduce((s, v) => s + v, 0n);
        const held = () => tokensIn - tokensOut - fees;
        const funds = () => held() - totalDeferred();
        const isRecipient = (i: number) => m.joined.includes(i) || i === ORGANISER;
        const pay = (to: Address, amount: bigint, blocked: boolean) => {
          if (blocked) m.deferred.set(to, (m.deferred.get(to) ?? 0n) + amount);
          else wallets.set(to, wallets.get(to)! + amount);
        };
        const toPayments = (specs: PaymentSpec[]): RotatingPoolPayment[] =>
          specs.map(({ to, bps }) => ({ to: addressOf(to), amount: (funds() * BigInt(bps)) / 10_000n }));
        /** The error the contract's checks raise for these payments and funds, in its order; null if none. */
        const paymentsRefusal = (specs: PaymentSpec[], list: RotatingPoolPayment[], extra: bigint, available: bigint) => {
          for (const [i, spec] of specs.entries()) {
            if (!isRecipient(spec.to)) return 'RotatingPoolUnknownRecipient';
            if (list[i].amount === 0n) return 'RotatingPoolZeroAmount';
          }
          return list.reduce((s, p) => s + p.amount, 0n) + extra > available ? 'RotatingPoolInsufficientFunds' : null;
        };
        const openRoundRefusal = (round: bigint) =>
          m.firstDueAt === 0n
            ? 'RotatingPoolNotBegun'
            : m.settled >= m.rounds
              ? 'RotatingPoolAllRoundsSettled'
              : round !== m.settled
                ? 'RotatingPoolWrongRound'
                : null;
        const operatorRefusal = () => (m.dissolved ? 'RotatingPoolIsDissolved' : m.paused ? 'RotatingPoolIsPaused' : null);
        // Settlements and releases carry out what the log decided before a pause: only a dissolution stops them.
        const payoutRefusal = () => (m.dissolved ? 'RotatingPoolIsDissolved' : null);

        for (const o of ops) {
          if (o.kind === 'wait') {
            await steps.advanceTime(o.seconds);
            continue;
          }
          let refusal: string | null = null;
          let send: () => Promise<unknown>;
          let apply = () => {};
          switch (o.kind) {
            case 'join': {
              const member = addressOf(o.who);
              refusal =
                operatorRefusal() ??
                (m.firstDueAt !== 0n
                  ? 'RotatingPoolAlreadyBegun'
                  : m.joined.includes(o.who)
                    ? 'RotatingPoolAlreadyMember'
                    : m.joined.length >= terms.memberCount
                      ? 'RotatingPoolFull'
                      : m.blocked.has(o.who) && terms.collateralAmount > 0n
                        ? 'TestBlacklistTokenBlocked'
                        : null);
              send = () => steps.join(operator, member);
              apply = () => {
                m.joined.push(o.who);
                tokensIn += terms.collateralAmount;
                wallets.set(member, wallets.get(member)! - terms.collateralAmount);
              };
              break;
            }
            case 'begin': {
              const firstDueAt = (await steps.now()) + 3600n;
              refusal =
                operatorRefusal() ??
                (m.firstDueAt !== 0n ? 'RotatingPoolAlreadyBegun' : m.joined.length < 2 ? 'RotatingPoolTooFewMembers' : null);
              send = () => steps.begin(operator, firstDueAt);
              apply = () => {
                m.firstDueAt = firstDueAt;
                m.rounds = BigInt(m.joined.length);
              };
              break;
            }
            case 'collect': {
              const member = addressOf(o.who);
              const round = m.settled;
              refusal =
                operatorRefusal() ??
                openRoundRefusal(round) ??
                (!m.joined.includes(o.who)
                  ? 'RotatingPoolNotMember'
                  : m.collected.has(`${round}:${o.who}`)
                    ? 'RotatingPoolAlreadyCollected'
                    : m.blocked.has(o.who)
                      ? 'TestBlacklistTokenBlocked'
                      : null);
              const at = (await steps.now()) + 1n;
              send = async () => {
                if (refusal === null) await steps.nextBlockAt(at);
                return steps.collect(operator, round, member);
              };
              apply = () => {
                const due = m.firstDueAt + round * terms.intervalSeconds;
                const penalty = latePenalty(
                  { contributionAmount: C, gracePeriodSeconds: Number(terms.graceSeconds), penaltyRateBps: terms.penaltyRateBps },
                  iso(due),
                  iso(at),
                );
                m.collected.add(`${round}:${o.who}`);
                tokensIn += C + penalty;
                wallets.set(member, wallets.get(member)! - C - penalty);
              };
              break;
            }
            case 'settle': {
              const round = m.settled + BigInt(o.roundOffset);
              const available = funds();
              const list = toPayments(o.payments);
              const fee = (available * BigInt(o.feeBps)) / 10_000n;
              refusal =
                payoutRefusal() ??
                openRoundRefusal(round) ??
                (fee > (available * 1_000n) / 10_000n ? 'RotatingPoolFeeTooHigh' : paymentsRefusal(o.payments, list, fee, available));
              send = () => steps.settle(operator, round, list, fee);
              apply = () => {
                m.settled += 1n;
                for (const [i, p] of list.entries()) {
                  tokensOut += m.blocked.has(o.payments[i].to) ? 0n : p.amount;
                  pay(p.to, p.amount, m.blocked.has(o.payments[i].to));
                }
                fees += fee;
                pay(feeRecipient.address, fee, false);
              };
              break;
            }
            case 'release': {
              const key: Hex = keccak256(toHex(`release:${o.key}`));
              const list = toPayments(o.payments);
              refusal =
                payoutRefusal() ?? (m.released.has(o.key) ? 'RotatingPoolAlreadyReleased' : paymentsRefusal(o.payments, list, 0n, funds()));
              send = () => steps.release(operator, key, list);
              apply = () => {
                m.released.add(o.key);
                for (const [i, p] of list.entries()) {
                  tokensOut += m.blocked.has(o.payments[i].to) ? 0n : p.amount;
                  pay(p.to, p.amount, m.blocked.has(o.payments[i].to));
                }
              };
              break;
            }
            case 'dissolve': {
              // The members' equal shares, the remainder to the organiser; one wei too many unless exact.
              const all = funds();
              const share = m.joined.length > 0 ? all / BigInt(m.joined.length) : 0n;
              const specs: { to: number; amount: bigint }[] = share > 0n ? m.joined.map((i) => ({ to: i, amount: share })) : [];
              const rest = all - share * BigInt(specs.length) + (o.exact ? 0n : 1n);
              if (rest > 0n) specs.push({ to: ORGANISER, amount: rest });
              const list = specs.map(({ to, amount }) => ({ to: addressOf(to), amount }));
              refusal = m.dissolved
                ? 'RotatingPoolIsDissolved'
                : !m.paused
                  ? 'RotatingPoolNotPaused'
                  : o.exact
                    ? null
                    : 'RotatingPoolRefundsMismatch';
              send = () => steps.dissolve(operator, list);
              apply = () => {
                m.dissolved = true;
                for (const [i, p] of list.entries()) {
                  tokensOut += m.blocked.has(specs[i].to) ? 0n : p.amount;
                  pay(p.to, p.amount, m.blocked.has(specs[i].to));
                }
              };
              break;
            }
            case 'pause':
            case 'resume':
              refusal = m.dissolved ? 'RotatingPoolIsDissolved' : o.kind === 'resume' && !m.paused ? 'RotatingPoolNotPaused' : null;
              send = () => (o.kind === 'pause' ? steps.pause(organiser, 'property') : steps.resume(organiser));
              apply = () => {
                m.paused = o.kind === 'pause';
              };
              break;
            case 'block':
            case 'unblock':
              send = () => steps.setBlocked(addressOf(o.who), o.kind === 'block');
              apply = () => void (o.kind === 'block' ? m.blocked.add(o.who) : m.blocked.delete(o.who));
              break;
            case 'claim': {
              // Someone owed, when anyone is (else `who`, who is owed nothing).
              const owedNow = accounts.map((_, i) => i).filter((i) => (m.deferred.get(addressOf(i)) ?? 0n) > 0n);
              const by = owedNow.length > 0 ? owedNow[o.who % owedNow.length] : o.who;
              const claimant = addressOf(by);
              const owed = m.deferred.get(claimant) ?? 0n;
              refusal = owed === 0n ? 'RotatingPoolNothingDeferred' : m.blocked.has(by) ? 'TestBlacklistTokenBlocked' : null;
              send = () => steps.claim(accounts[by]);
              apply = () => {
                m.deferred.delete(claimant);
                tokensOut += owed;
                wallets.set(claimant, wallets.get(claimant)! + owed);
              };
              break;
            }
          }
          if (refusal === null) {
            await send();
            apply();
          } else {
            expect({ op: o, error: (await revertOf(send(), ERRORS)).name }).toEqual({ op: o, error: refusal });
          }

          // Invariants after every step.
          const poolBalance = await steps.tokenBalance(pool);
          expect(tokensIn).toBe(tokensOut + fees + poolBalance);
          expect(await read('totalDeferred')).toBe(totalDeferred());
          expect(totalDeferred()).toBeLessThanOrEqual(poolBalance);
          expect(await read('available')).toBe(poolBalance - totalDeferred());
          for (const a of watched) {
            expect({ a, balance: await steps.tokenBalance(a) }).toEqual({ a, balance: wallets.get(a) });
            expect({ a, deferred: await deferredOf(a) }).toEqual({ a, deferred: m.deferred.get(a) ?? 0n });
          }
        }
      }),
      { numRuns: 25, seed: 20261201, endOnFailure: true },
    );
  }, 600_000);
});
