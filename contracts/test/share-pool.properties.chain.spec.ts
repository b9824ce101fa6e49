// Runs on a private node (usePrivateSharePool): it moves chain time and reverts one snapshot per run.
// Random sequences of buys, grants, assignments, transfers, contributions, crowdfunding finalizations (reached or,
// past the deadline, refunded), stakes, unstakes, accruals and waits, each predicted by a small model of the
// contract's rules (a call the model refuses must revert with the error it names; one it accepts must succeed),
// and checked after every step:
// - Σ sharesOf(holders) + available() = 10,000, every holder's shares are the model's, and the GDA units equal the
//   shares (the pool contract's own units = available(), the total 10,000);
// - tokens in = tokens out + held, to the wei: every wallet's purchase and staking tokens are the model's, and the
//   pool holds exactly the open escrow and the stakes.
import fc from 'fast-check';
import { getAddress, type Address, type Hex } from 'viem';
import { revertOf } from '../../test/chain/revert';
import { key, MEMBER_FUNDS, STAKING_RATE, tokens, usePrivateSharePool, type SharePoolHandle } from '../../test/chain/share-pool';

const ACCOUNTS = 5; // four members and, last, the creator (who may transfer and receive transfers)
const CREATOR = ACCOUNTS - 1;
const RATE_SCALE = 10n ** 36n;
// A hundred times the fixture's: one share per staked token per 100 s, so short runs earn shares and hit the cap.
const RATE = STAKING_RATE * 100n;
const PRICE = tokens('0.1');
// Low enough that one or two contributions (up to 300 tokens each) reach it, so runs finalize both ways.
const TARGET = tokens(150);
const DEADLINE_AFTER = 30n * 86_400n;

type Op =
  | { kind: 'buy' | 'grant' | 'assign'; who: number; shares: number }
  | { kind: 'transfer'; from: number; to: number; shares: number }
  | { kind: 'contribute'; who: number; amount: number }
  | { kind: 'finalize'; warp: boolean }
  | { kind: 'stake'; who: number; amount: number }
  | { kind: 'unstake'; who: number; bps: number }
  | { kind: 'accrue'; who: number }
  | { kind: 'wait'; seconds: number };

const member = fc.integer({ min: 0, max: CREATOR - 1 });
const account = fc.integer({ min: 0, max: CREATOR });
// Two of the members stake, so that stakes, waits and accruals of the same member meet within short runs.
const staker = fc.integer({ min: 0, max: 1 });
const someShares = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 51, max: 4_000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('buy' as const, 'grant' as const, 'assign' as const), who: member, shares: someShares }),
  fc.record({ kind: fc.constant('transfer' as const), from: account, to: account, shares: someShares }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('contribute' as const), who: member, amount: fc.noBias(fc.integer({ min: 1, max: 300 })) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('finalize' as const), warp: fc.boolean() }) },
  fc.record({ kind: fc.constant('stake' as const), who: staker, amount: fc.noBias(fc.integer({ min: 1, max: 500 })) }),
  fc.record({ kind: fc.constant('unstake' as const), who: staker, bps: fc.integer({ min: 0, max: 10_001 }) }),
  fc.record({ kind: fc.constant('accrue' as const), who: staker }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.noBias(fc.integer({ min: 1, max: 5_000 })) }),
);

type Position = { amount: bigint; since: bigint; carry: bigint };

/** The contract's rules in plain TypeScript, one instance per run. */
class Model {
  shares = Array.from({ length: ACCOUNTS }, (_, i) => (i === CREATOR ? 3_000n : 0n));
  available = 7_000n;
  purchase = Array.from({ length: ACCOUNTS }, (_, i) => (i === CREATOR ? 0n : MEMBER_FUNDS));
  staking = Array.from({ length: ACCOUNTS }, (_, i) => (i === CREATOR ? 0n : MEMBER_FUNDS));
  escrow = 0n;
  contributions: { who: number; amount: bigint }[] = [];
  status: 'Open' | 'Reached' | 'Refunded' = 'Open';
  warped = false;
  stakes: Position[] = Array.from({ length: ACCOUNTS }, () => ({ amount: 0n, since: 0n, carry: 0n }));

  issue(to: number, n: bigint) {
    this.available -= n;
    this.shares[to] += n;
  }

  accrue(who: number, now: bigint) {
    const s = this.stakes[who];
    let earned = 0n;
    let carry = s.carry;
    if (s.amount > 0n) {
      const total = s.amount * (now - s.since) * RATE + s.carry;
      [earned, carry] = [total / RATE_SCALE, total % RATE_SCALE];
      if (earned > this.available) [earned, carry] = [this.available, 0n];
    }
    s.since = now;
    s.carry = carry;
    this.issue(who, earned);
  }

  /** Largest remainder, ties to the earliest contributor (ShareAllocation.sol). */
  allocate() {
    const pot = this.available;
    const total = this.escrow;
    const merged: { who: number; amount: bigint }[] = [];
    for (const c of this.contributions) {
      const found = merged.find((m) => m.who === c.who);
      if (found) found.amount += c.amount;
      else merged.push({ ...c });
    }
    const floors = merged.map((m) => (pot * m.amount) / total);
    const rems = merged.map((m) => (pot * m.amount) % total);
    for (let left = pot - floors.reduce((a, b) => a + b, 0n); left > 0n; left--) {
      let best = 0;
      for (let i = 1; i < rems.length; i++) if (rems[i] > rems[best]) best = i;
      floors[best] += 1n;
      rems[best] = 0n;
    }
    this.available = 0n;
    merged.forEach((m, i) => (this.shares[m.who] += floors[i]));
  }
}

describe('SharePool properties', () => {
  const chain = usePrivateSharePool({ members: CREATOR });

  it('keeps 10,000 shares, units equal to shares, and every token accounted for to the wei', async () => {
    const { clients, deployPool, operator, creator, outsider, members } = chain();
    const deadline = (await chain().pool.steps.now()) + DEADLINE_AFTER;
    const pool: SharePoolHandle = await deployPool(
      { crowdfundingTarget: TARGET, crowdfundingDeadline: deadline, stakingRate: RATE },
      'property',
    );
    const { steps } = pool;
    const addresses: Address[] = [...members.map((m) => m.address), creator.address];
    // What each wallet held of the two tokens before the pool existed (others may hold some of the staking token).
    const initialPurchase = await Promise.all(addresses.map((a) => steps.purchaseBalance(a)));
    const initialStaking = await Promise.all(addresses.map((a) => steps.stakingBalance(a)));
    let snapshot: Hex = await clients.test.snapshot();
    let keys = 0;

    const check = async (model: Model) => {
      const onChain = await Promise.all(addresses.map((a) => steps.sharesOf(a)));
      expect(onChain).toEqual(model.shares);
      const available = await steps.available();
      expect(available).toBe(model.available);
      const holders = await steps.holders();
      const held = await Promise.all(holders.map((h) => steps.sharesOf(h)));
      expect(held.reduce((a, b) => a + b, 0n) + available).toBe(10_000n);
      expect(new Set(holders)).toEqual(new Set(addresses.filter((_, i) => model.shares[i] > 0n).map((a) => getAddress(a))));
      expect(await Promise.all(addresses.map((a) => steps.unitsOf(a)))).toEqual(model.shares);
      expect([await steps.unitsOf(pool.address), await steps.totalUnits()]).toEqual([available, 10_000n]);
      const purchase = await Promise.all(addresses.map((a, i) => steps.purchaseBalance(a).then((b) => b - initialPurchase[i])));
      const staking = await Promise.all(addresses.map((a, i) => steps.stakingBalance(a).then((b) => b - initialStaking[i])));
      expect(purchase).toEqual(model.purchase.map((b, i) => b - (i === CREATOR ? 0n : MEMBER_FUNDS)));
      expect(staking).toEqual(model.staking.map((b, i) => b - (i === CREATOR ? 0n : MEMBER_FUNDS)));
      expect(await steps.purchaseBalance(pool.address)).toBe(model.escrow);
      expect(await steps.stakingBalance(pool.address)).toBe(model.stakes.reduce((a, s) => a + s.amount, 0n));
    };

    /** Sends the op; `refusal` is the error the model expects, or null when it must succeed. */
    const attempt = async (send: () => Promise<{ blockNumber: bigint }>, refusal: string | null) => {
      if (refusal) {
        expect((await revertOf(send())).name).toBe(refusal);
        return null;
      }
      return steps.blockTime((await send()).blockNumber);
    };

    const run = async (model: Model, o: Op) => {
      const k = key(`property-${keys++}`);
      switch (o.kind) {
        case 'buy':
        case 'grant':
        case 'assign': {
          const n = BigInt(o.shares);
          const refusal = n === 0n ? 'SharePoolZeroAmount' : n > model.available ? 'SharePoolInsufficientAvailable' : null;
          const to = addresses[o.who];
          const send =
            o.kind === 'buy'
              ? () => steps.buy(operator, to, n, k)
              : o.kind === 'grant'
                ? () => steps.grant(operator, to, n, k)
                : () => steps.assign(creator, to, n);
          if ((await attempt(send, refusal)) === null) return;
          model.issue(o.who, n);
          if (o.kind === 'buy') {
            model.purchase[o.who] -= n * PRICE;
            model.purchase[CREATOR] += n * PRICE;
          }
          return;
        }
        case 'transfer': {
          const n = BigInt(o.shares);
          const refusal =
            o.from === o.to
              ? 'SharePoolInvalidRecipient'
              : n === 0n
                ? 'SharePoolZeroAmount'
                : n > model.shares[o.from]
                  ? 'SharePoolInsufficientShares'
                  : null;
          if ((await attempt(() => steps.transfer(operator, addresses[o.from], addresses[o.to], n, k), refusal)) === null) return;
          model.shares[o.from] -= n;
          model.shares[o.to] += n;
          return;
        }
        case 'contribute': {
          const amount = tokens(o.amount);
          const refusal = model.status !== 'Open' || model.warped ? 'SharePoolCrowdfundingClosed' : null;
          if ((await attempt(() => steps.contribute(operator, addresses[o.who], amount, k), refusal)) === null) return;
          model.purchase[o.who] -= amount;
          model.escrow += amount;
          model.contributions.push({ who: o.who, amount });
          return;
        }
        case 'finalize': {
          if (o.warp && !model.warped) {
            await steps.nextBlockAt(deadline);
            model.warped = true;
          }
          const reached = model.escrow >= TARGET;
          const refusal =
            model.status !== 'Open' ? 'SharePoolCrowdfundingClosed' : !reached && !model.warped ? 'SharePoolCrowdfundingOpen' : null;
          if ((await attempt(() => steps.finalize(outsider), refusal)) === null) return;
          if (reached) {
            model.allocate();
            model.purchase[CREATOR] += model.escrow;
            model.status = 'Reached';
          } else {
            for (const c of model.contributions) model.purchase[c.who] += c.amount;
            model.status = 'Refunded';
          }
          model.escrow = 0n;
          return;
        }
        case 'stake': {
          const amount = tokens(o.amount);
          const at = await attempt(() => steps.stake(operator, addresses[o.who], amount, k), null);
          model.accrue(o.who, at!);
          model.stakes[o.who].amount += amount;
          model.staking[o.who] -= amount;
          return;
        }
        case 'unstake': {
          const staked = model.stakes[o.who].amount;
          const amount = o.bps > 10_000 ? staked + 1n : (staked * BigInt(o.bps)) / 10_000n;
          const refusal = amount === 0n ? 'SharePoolZeroAmount' : amount > staked ? 'SharePoolInsufficientStake' : null;
          const at = await attempt(() => steps.unstake(operator, addresses[o.who], amount, k), refusal);
          if (at === null) return;
          model.accrue(o.who, at);
          model.stakes[o.who].amount -= amount;
          model.staking[o.who] += amount;
          return;
        }
        case 'accrue': {
          model.accrue(o.who, (await attempt(() => steps.accrue(outsider, addresses[o.who]), null))!);
          return;
        }
        case 'wait':
          await steps.advanceTime(o.seconds);
          return;
        default: {
          const never: never = o;
          throw new Error(`unknown op ${JSON.stringify(never)}`);
        }
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 8 }), async (ops) => {
        await clients.test.revert({ id: snapshot });
        snapshot = await clients.test.snapshot();
        const model = new Model();
        for (const o of ops) {
          await run(model, o);
          await check(model);
        }
      }),
      { numRuns: 20, seed: 20261202, endOnFailure: true },
    );
  });
});
