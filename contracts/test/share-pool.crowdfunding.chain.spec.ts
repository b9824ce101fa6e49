// Runs on a private node (usePrivateSharePool): it moves chain time and reverts a snapshot before each test.
// Crowdfunding: contributions escrowed until the target and the deadline; reaching the target allocates the
// available shares pro rata (largest remainder, ties to the earliest contributor) and pays the escrow to the
// creator; missing it refunds everyone in full, a refused refund deferred and claimable.
import { getAddress } from 'viem';
import { revertOf } from '../../test/chain/revert';
import { key, shareEventsOf, tokens, usePrivateSharePool, type SharePoolHandle } from '../../test/chain/share-pool';

const DAY = 86_400n;
const TARGET = tokens(1_000);

describe('SharePool crowdfunding', () => {
  const chain = usePrivateSharePool({ members: 4 });
  const member = (i: number) => chain().members[i];
  const addr = (i: number) => getAddress(member(i).address);

  let deadline = 0n;
  const crowdfunding = async (overrides: { maxParticipants?: bigint } = {}): Promise<SharePoolHandle> => {
    deadline = (await chain().pool.steps.now()) + DAY;
    return chain().deployPool({ crowdfundingTarget: TARGET, crowdfundingDeadline: deadline, ...overrides });
  };
  const contributeAll = async (pool: SharePoolHandle, amounts: readonly bigint[]) => {
    for (const [i, amount] of amounts.entries()) await pool.steps.contribute(chain().operator, member(i).address, amount, key(`c-${i}`));
  };
  const status = (pool: SharePoolHandle) => pool.steps.read.readContract({ ...pool.steps.target, functionName: 'crowdfundingStatus' });

  describe('reaching the target', () => {
    it('escrows contributions, then allocates the available shares pro rata and pays the escrow to the creator', async () => {
      const { operator, outsider, creator } = chain();
      const pool = await crowdfunding();
      const first = await pool.steps.contribute(operator, member(0).address, tokens(250), key('c-0'));
      expect(shareEventsOf(first.logs, pool.address)).toEqual([
        { eventName: 'Contributed', args: { contributor: addr(0), amount: tokens(250), key: key('c-0') } },
      ]);
      await pool.steps.contribute(operator, member(1).address, tokens(500), key('c-1'));
      await pool.steps.contribute(operator, member(0).address, tokens(250), key('c-2'));
      expect(await pool.steps.purchaseBalance(pool.address)).toBe(TARGET);
      const creatorBefore = await pool.steps.purchaseBalance(creator.address);

      // Reached before the deadline: anyone may finalize at once.
      const receipt = await pool.steps.finalize(outsider);
      expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
        {
          eventName: 'CrowdfundingReached',
          args: {
            totalContributed: TARGET,
            sharesAllocated: 7_000n,
            allocations: [
              { contributor: addr(0), contribution: tokens(500), shares: 3_500n },
              { contributor: addr(1), contribution: tokens(500), shares: 3_500n },
            ],
          },
        },
      ]);
      expect([await pool.steps.sharesOf(addr(0)), await pool.steps.sharesOf(addr(1)), await pool.steps.available()]).toEqual([
        3_500n,
        3_500n,
        0n,
      ]);
      expect([await pool.steps.unitsOf(addr(0)), await pool.steps.unitsOf(pool.address), await pool.steps.totalUnits()]).toEqual([
        3_500n,
        0n,
        10_000n,
      ]);
      expect((await pool.steps.purchaseBalance(creator.address)) - creatorBefore).toBe(TARGET);
      expect(await pool.steps.purchaseBalance(pool.address)).toBe(0n);
      expect(await status(pool)).toBe(2); // Reached
    });

    it('gives the shares the floors leave to the largest remainders, ties to the earliest contributor', async () => {
      const pool = await crowdfunding();
      // 7,000 shares over 1 : 2 : 1 : 2 (units of 1/6): exact 1166.67, 2333.33, 1166.67, 2333.33; floors sum 6,998.
      // The two left go to the remainders 2/3 (contributors 0 and 2); 1/3 gets none.
      await contributeAll(pool, [TARGET / 6n, (TARGET / 6n) * 2n, TARGET / 6n, (TARGET / 6n) * 2n + (TARGET - (TARGET / 6n) * 6n)]);
      // The last contribution carries the 4 wei that 1,000 tokens leave over sixths: negligible for the floors.
      const receipt = await pool.steps.finalize(chain().outsider);
      const [reached] = shareEventsOf(receipt.logs, pool.address);
      const shares = (reached.args as { allocations: readonly { shares: bigint }[] }).allocations.map((a) => a.shares);
      expect(shares).toEqual([1_167n, 2_333n, 1_167n, 2_333n]);
      expect(shares.reduce((a, b) => a + b, 0n)).toBe(7_000n);
    });

    it('breaks an exact tie by contribution order, and may give a tiny contributor 0 shares', async () => {
      const tie = await crowdfunding();
      // Three equal contributions (above the target together): 2,333⅓ each, one share left over, to the first.
      await contributeAll(tie, [tokens(400), tokens(400), tokens(400)]);
      await tie.steps.finalize(chain().outsider);
      expect([await tie.steps.sharesOf(addr(0)), await tie.steps.sharesOf(addr(1)), await tie.steps.sharesOf(addr(2))]).toEqual([
        2_334n,
        2_333n,
        2_333n,
      ]);

      const tiny = await crowdfunding();
      await contributeAll(tiny, [1n, TARGET]);
      const receipt = await tiny.steps.finalize(chain().outsider);
      const [reached] = shareEventsOf(receipt.logs, tiny.address);
      expect((reached.args as { allocations: readonly unknown[] }).allocations).toEqual([
        { contributor: addr(0), contribution: 1n, shares: 0n },
        { contributor: addr(1), contribution: TARGET, shares: 7_000n },
      ]);
      expect(await tiny.steps.holders()).not.toContain(addr(0));
    });

    it('defers the escrow when the token refuses the creator, who claims it later', async () => {
      const { creator, outsider } = chain();
      const pool = await crowdfunding();
      await contributeAll(pool, [TARGET]);
      await pool.steps.setBlocked(creator.address, true);
      const receipt = await pool.steps.finalize(outsider);
      expect(shareEventsOf(receipt.logs, pool.address).map((e) => e.eventName)).toEqual(['CrowdfundingReached', 'PaymentDeferred']);
      expect(await pool.steps.read.readContract({ ...pool.steps.target, functionName: 'deferred', args: [creator.address] })).toBe(TARGET);
      await pool.steps.setBlocked(creator.address, false);
      const claimed = await pool.steps.claim(creator);
      expect(shareEventsOf(claimed.logs, pool.address)).toEqual([
        { eventName: 'DeferredClaimed', args: { to: getAddress(creator.address), amount: TARGET } },
      ]);
      expect(await pool.steps.purchaseBalance(pool.address)).toBe(0n);
    });
  });

  describe('missing the target', () => {
    it('refunds every contributor in full after the deadline; a refused refund is deferred and claimable', async () => {
      const { outsider } = chain();
      const pool = await crowdfunding();
      await contributeAll(pool, [tokens(100), tokens(200)]);
      const before = [await pool.steps.purchaseBalance(addr(0)), await pool.steps.purchaseBalance(addr(1))];
      await pool.steps.setBlocked(addr(1), true);
      await pool.steps.nextBlockAt(deadline);
      const receipt = await pool.steps.finalize(outsider);
      expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
        {
          eventName: 'CrowdfundingRefunded',
          args: {
            totalRefunded: tokens(300),
            refunds: [
              { contributor: addr(0), amount: tokens(100) },
              { contributor: addr(1), amount: tokens(200) },
            ],
          },
        },
        { eventName: 'PaymentDeferred', args: { to: addr(1), amount: tokens(200) } },
      ]);
      expect((await pool.steps.purchaseBalance(addr(0))) - before[0]).toBe(tokens(100));
      expect(await status(pool)).toBe(3); // Refunded
      expect(await pool.steps.available()).toBe(7_000n);

      // Still refused: the claim reverts and the amount stays owed.
      await expect(pool.steps.claim(member(1))).rejects.toThrow();
      await pool.steps.setBlocked(addr(1), false);
      await pool.steps.claim(member(1));
      expect((await pool.steps.purchaseBalance(addr(1))) - before[1]).toBe(tokens(200));
      expect(await pool.steps.purchaseBalance(pool.address)).toBe(0n);
      expect((await revertOf(pool.steps.claim(member(1)))).name).toBe('SharePoolNothingDeferred');
    });

    it('finalizes while the creator has the pool paused', async () => {
      const pool = await crowdfunding();
      await contributeAll(pool, [tokens(1)]);
      await pool.steps.setPaused(chain().creator, true);
      await pool.steps.nextBlockAt(deadline);
      await pool.steps.finalize(chain().outsider);
      expect(await status(pool)).toBe(3);
    });
  });

  describe('should revert', () => {
    it('a contribution at or after the deadline', async () => {
      const pool = await crowdfunding();
      await pool.steps.nextBlockAt(deadline);
      expect(await revertOf(pool.steps.contribute(chain().operator, addr(0), 1n, key('c')))).toEqual({
        name: 'SharePoolCrowdfundingClosed',
        args: [],
      });
    });

    it('a contribution or a second finalization once finalized', async () => {
      const pool = await crowdfunding();
      await contributeAll(pool, [TARGET]);
      await pool.steps.finalize(chain().outsider);
      expect((await revertOf(pool.steps.contribute(chain().operator, addr(1), 1n, key('late')))).name).toBe('SharePoolCrowdfundingClosed');
      expect((await revertOf(pool.steps.finalize(chain().outsider))).name).toBe('SharePoolCrowdfundingClosed');
    });

    it('finalizing before the deadline short of the target', async () => {
      const pool = await crowdfunding();
      await contributeAll(pool, [tokens(999)]);
      expect(await revertOf(pool.steps.finalize(chain().outsider))).toEqual({
        name: 'SharePoolCrowdfundingOpen',
        args: [deadline, tokens(999), TARGET],
      });
    });

    it('contributing to or finalizing a pool without crowdfunding', async () => {
      const { pool, operator, outsider } = chain();
      expect((await revertOf(pool.steps.contribute(operator, addr(0), 1n, key('c')))).name).toBe('SharePoolNotCrowdfunding');
      expect((await revertOf(pool.steps.finalize(outsider))).name).toBe('SharePoolNotCrowdfunding');
    });

    it('a zero contribution, one from anyone but the operator, or one while paused', async () => {
      const pool = await crowdfunding();
      expect((await revertOf(pool.steps.contribute(chain().operator, addr(0), 0n, key('c0')))).name).toBe('SharePoolZeroAmount');
      expect((await revertOf(pool.steps.contribute(member(0), addr(0), 1n, key('c1')))).name).toBe('SharePoolUnauthorized');
      await pool.steps.setPaused(chain().creator, true);
      expect((await revertOf(pool.steps.contribute(chain().operator, addr(0), 1n, key('c2')))).name).toBe('SharePoolIsPaused');
    });

    it('a new contributor beyond maxParticipants (an existing one may add more)', async () => {
      const pool = await crowdfunding({ maxParticipants: 2n });
      await contributeAll(pool, [1n, 1n]);
      await pool.steps.contribute(chain().operator, addr(0), 1n, key('again'));
      expect(await revertOf(pool.steps.contribute(chain().operator, addr(2), 1n, key('third')))).toEqual({
        name: 'SharePoolTooManyContributors',
        args: [2n],
      });
    });
  });
});
