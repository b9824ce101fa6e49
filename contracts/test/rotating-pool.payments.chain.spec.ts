// Runs on private nodes (usePrivateRotatingPool): it sets block times and reverts a snapshot before every test.
// Late penalties, on-chain and in the domain's `latePenalty`, at the boundaries; and payments that fail
// (a token blacklisting the recipient) being deferred instead of blocking the pool, then claimed.
import { latePenalty } from '@ayllu/domain';
import { keccak256, toHex } from 'viem';
import { testBlacklistTokenAbi } from '../abi/test-blacklist-token';
import { DAY, defaultTerms, poolEventsOf, usePrivateRotatingPool, WEEK, type RotatingPoolFixture } from '../../test/chain/rotating-pool';
import { revertOf } from '../../test/chain/revert';

const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString();
const domainConfig = ({ terms }: RotatingPoolFixture) => ({
  contributionAmount: terms.contributionAmount,
  gracePeriodSeconds: Number(terms.graceSeconds),
  penaltyRateBps: terms.penaltyRateBps,
});

/** Members 0..count-1 joined and the rounds begun, round 0 due an hour from now; returns round 0's due date. */
const begin = async ({ steps, operator, members }: RotatingPoolFixture, count = 4) => {
  for (let i = 0; i < count; i++) await steps.join(operator, members[i].address);
  const firstDueAt = (await steps.now()) + 3600n;
  await steps.begin(operator, firstDueAt);
  return firstDueAt;
};

const penaltyAt = ({ steps }: RotatingPoolFixture, round: bigint, timestamp: bigint) =>
  steps.read.readContract({ ...steps.target, functionName: 'penaltyAt', args: [round, timestamp] });

describe('RotatingPool late penalties', () => {
  describe.each([
    ['the default terms (5% a week after 2 days)', {}],
    [
      'odd terms that leave a remainder (7.77% a week after an hour and a second)',
      { contributionAmount: 1_234_567n, penaltyRateBps: 777, graceSeconds: 3601n },
    ],
  ])('with %s', (_, terms) => {
    const chain = usePrivateRotatingPool({ members: 4, terms });

    it('equal the domain latePenalty at the boundaries of the grace period and the weeks after it', async () => {
      const pool = chain();
      const due0 = await begin(pool);
      const grace = pool.terms.graceSeconds;
      const c = pool.terms.contributionAmount;
      const bps = BigInt(pool.terms.penaltyRateBps);
      const weeks = (n: bigint) => (c * bps * n) / 10_000n;
      const boundaries: [bigint, bigint][] = [
        [-100n, 0n],
        [0n, 0n],
        [grace, 0n],
        [grace + 1n, weeks(1n)],
        [grace + BigInt(WEEK), weeks(1n)],
        [grace + BigInt(WEEK) + 1n, weeks(2n)],
        [grace + 2n * BigInt(WEEK), weeks(2n)],
        [grace + 2n * BigInt(WEEK) + 1n, weeks(3n)],
      ];
      for (const round of [0n, 3n]) {
        const due = due0 + round * pool.terms.intervalSeconds;
        for (const [offset, expected] of boundaries) {
          const at = due + offset;
          const onChain = await penaltyAt(pool, round, at);
          expect({ round, offset, penalty: onChain }).toEqual({ round, offset, penalty: expected });
          expect(onChain).toBe(latePenalty(domainConfig(pool), iso(due), iso(at)));
        }
      }
    });

    it('are pulled with the contribution at the block time of the collection', async () => {
      const pool = chain();
      const { steps, operator, members } = pool;
      const due0 = await begin(pool);
      const grace = pool.terms.graceSeconds;
      const c = pool.terms.contributionAmount;
      const cases: [number, bigint][] = [
        [0, due0 + grace],
        [1, due0 + grace + 1n],
        [2, due0 + grace + BigInt(WEEK) + 1n],
        [3, due0 + grace + 2n * BigInt(WEEK) + 1n],
      ];
      for (const [i, at] of cases) {
        const expected = latePenalty(domainConfig(pool), iso(due0), iso(at));
        const before = await steps.tokenBalance(members[i].address);
        await steps.nextBlockAt(at);
        const receipt = await steps.collect(operator, 0n, members[i].address);
        expect(poolEventsOf(receipt.logs, pool.pool)).toEqual([
          {
            eventName: 'ContributionCollected',
            args: { round: 0n, member: members[i].address, amount: c, penalty: expected, timestamp: at },
          },
        ]);
        expect(await steps.tokenBalance(members[i].address)).toBe(before - c - expected);
        const collected = await steps.read.readContract({ ...steps.target, functionName: 'collected', args: [0n, members[i].address] });
        expect(collected).toBe(c + expected);
      }
    });
  });
});

describe('RotatingPool deferred payments', () => {
  const chain = usePrivateRotatingPool({ members: 4 });
  const C = defaultTerms.contributionAmount;
  const COLLATERAL = defaultTerms.collateralAmount;
  const view = async (functionName: 'totalDeferred' | 'available') =>
    chain().steps.read.readContract({ ...chain().steps.target, functionName });
  const deferredOf = (who: `0x${string}`) =>
    chain().steps.read.readContract({ ...chain().steps.target, functionName: 'deferred', args: [who] });

  /** Round 0 collected from everyone, then member 2 blacklisted by the token. */
  const collectedThenBlocked = async () => {
    const pool = chain();
    await begin(pool);
    for (const m of pool.members) await pool.steps.collect(pool.operator, 0n, m.address);
    await pool.steps.setBlocked(pool.members[2].address, true);
  };

  it('credits a failed payment to the recipient without stopping the round, and pays it on claim', async () => {
    const { steps, operator, members, pool, feeRecipient } = chain();
    await collectedThenBlocked();
    const [alice, , carol] = members;
    const aliceBefore = await steps.tokenBalance(alice.address);
    const carolBefore = await steps.tokenBalance(carol.address);
    const fee = C / 10n;
    const receipt = await steps.settle(
      operator,
      0n,
      [
        { to: carol.address, amount: 3n * C },
        { to: alice.address, amount: C - fee },
      ],
      fee,
    );
    const key = await steps.read.readContract({ ...steps.target, functionName: 'roundKey', args: [0n] });
    expect(poolEventsOf(receipt.logs, pool)).toEqual([
      { eventName: 'RoundSettled', args: { round: 0n, totalPaid: 4n * C - fee, fee, yieldRecognised: 0n } },
      { eventName: 'Paid', args: { key, to: carol.address, amount: 3n * C } },
      { eventName: 'PaymentDeferred', args: { to: carol.address, amount: 3n * C } },
      { eventName: 'Paid', args: { key, to: alice.address, amount: C - fee } },
    ]);
    expect(await steps.tokenBalance(carol.address)).toBe(carolBefore);
    expect(await steps.tokenBalance(alice.address)).toBe(aliceBefore + C - fee);
    expect(await steps.tokenBalance(feeRecipient.address)).toBe(fee);
    expect([await deferredOf(carol.address), await view('totalDeferred')]).toEqual([3n * C, 3n * C]);
    // The pool holds the deferred amount but may not spend it.
    expect(await steps.tokenBalance(pool)).toBe(4n * COLLATERAL + 3n * C);
    expect(await view('available')).toBe(4n * COLLATERAL);
    expect(await revertOf(steps.release(operator, keccak256(toHex('x')), [{ to: alice.address, amount: 4n * COLLATERAL + 1n }]))).toEqual({
      name: 'RotatingPoolInsufficientFunds',
      args: [4n * COLLATERAL + 1n, 4n * COLLATERAL],
    });

    // Still blacklisted: the claim reverts and the amount stays owed.
    expect((await revertOf(steps.claim(carol), testBlacklistTokenAbi)).name).toBe('TestBlacklistTokenBlocked');
    expect(await deferredOf(carol.address)).toBe(3n * C);

    await steps.setBlocked(carol.address, false);
    const claimed = await steps.claim(carol);
    expect(poolEventsOf(claimed.logs, pool)).toEqual([{ eventName: 'DeferredClaimed', args: { to: carol.address, amount: 3n * C } }]);
    expect(await steps.tokenBalance(carol.address)).toBe(carolBefore + 3n * C);
    expect([await deferredOf(carol.address), await view('totalDeferred')]).toEqual([0n, 0n]);
    expect(await revertOf(steps.claim(carol))).toEqual({ name: 'RotatingPoolNothingDeferred', args: [carol.address] });
  });

  it('defers a fee the fee recipient cannot receive', async () => {
    const { steps, operator, members, feeRecipient, pool } = chain();
    await collectedThenBlocked();
    await steps.setBlocked(feeRecipient.address, true);
    const receipt = await steps.settle(operator, 0n, [{ to: members[0].address, amount: C }], 7n);
    expect(poolEventsOf(receipt.logs, pool).at(-1)).toEqual({
      eventName: 'PaymentDeferred',
      args: { to: feeRecipient.address, amount: 7n },
    });
    expect(await deferredOf(feeRecipient.address)).toBe(7n);
  });

  it('leaves deferred balances out of the dissolution, and claimable after it', async () => {
    const { steps, operator, organiser, members, pool } = chain();
    await collectedThenBlocked();
    const carol = members[2];
    await steps.release(operator, keccak256(toHex('departure:carol')), [{ to: carol.address, amount: COLLATERAL }]);
    await steps.pause(organiser, 'dissolving');
    const balance = await steps.tokenBalance(pool);
    const held = balance - COLLATERAL;
    expect(await revertOf(steps.dissolve(operator, [{ to: organiser.address, amount: balance }]))).toEqual({
      name: 'RotatingPoolRefundsMismatch',
      args: [balance, held],
    });
    await steps.dissolve(operator, [
      { to: members[0].address, amount: held - 1n },
      { to: organiser.address, amount: 1n },
    ]);
    expect(await steps.tokenBalance(pool)).toBe(COLLATERAL);
    await steps.setBlocked(carol.address, false);
    await steps.claim(carol);
    expect(await steps.tokenBalance(pool)).toBe(0n);
  });

  it('keeps the next rounds going while a recipient stays blacklisted', async () => {
    const { steps, operator, members } = chain();
    await collectedThenBlocked();
    await steps.settle(operator, 0n, [{ to: members[2].address, amount: 4n * C }], 0n);
    await steps.advanceTime(30 * DAY);
    for (const m of [members[0], members[1], members[3]]) await steps.collect(operator, 1n, m.address);
    await steps.settle(operator, 1n, [{ to: members[0].address, amount: 3n * C }], 0n);
    expect(await deferredOf(members[2].address)).toBe(4n * C);
    expect(await view('available')).toBe(4n * COLLATERAL);
  });
});
