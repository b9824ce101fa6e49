// Runs on a private node (usePrivateSharePool): it sets block times and reverts a snapshot before each test.
// Staking: shares accrue as amount × seconds × rate / 1e36 (STAKING_RATE: one share per 100 tokens per 100 s),
// whole shares granted when the position is touched, the fraction carried, capped by what is available;
// unstaking returns the tokens and stops the accrual, the shares earned stay.
import { getAddress } from 'viem';
import { revertOf } from '../../test/chain/revert';
import { key, shareEventsOf, tokens, usePrivateSharePool } from '../../test/chain/share-pool';

describe('SharePool staking', () => {
  const chain = usePrivateSharePool({ members: 3 });
  const member = (i: number) => chain().members[i];
  const addr = (i: number) => getAddress(member(i).address);
  const pending = (i: number) =>
    chain().pool.steps.read.readContract({ ...chain().pool.steps.target, functionName: 'pendingStakeShares', args: [addr(i)] });

  /** Stakes `amount` for member `i` and returns the block time the accrual starts from. */
  const stakeAt = async (i: number, amount: bigint, label: string) => {
    const { pool, operator } = chain();
    const receipt = await pool.steps.stake(operator, addr(i), amount, key(label));
    return pool.steps.blockTime(receipt.blockNumber);
  };

  it('pulls the stake, then grants whole shares over time and carries the fraction', async () => {
    const { pool, outsider } = chain();
    const before = await pool.steps.stakingBalance(addr(0));
    const receipt = await pool.steps.stake(chain().operator, addr(0), tokens(100), key('s'));
    expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
      { eventName: 'Staked', args: { member: addr(0), amount: tokens(100), key: key('s') } },
    ]);
    expect(before - (await pool.steps.stakingBalance(addr(0)))).toBe(tokens(100));
    const t0 = await pool.steps.blockTime(receipt.blockNumber);

    // 150 s: 1.5 shares, one granted, half carried.
    await pool.steps.nextBlockAt(t0 + 150n);
    const first = await pool.steps.accrue(outsider, addr(0));
    expect(shareEventsOf(first.logs, pool.address)).toEqual([{ eventName: 'StakeSharesAccrued', args: { member: addr(0), shares: 1n } }]);
    // Another 150 s: 1.5 + the carried 0.5 = 2.
    await pool.steps.nextBlockAt(t0 + 300n);
    await pool.steps.accrue(outsider, addr(0));
    expect(await pool.steps.sharesOf(addr(0))).toBe(3n);
    expect([await pool.steps.unitsOf(addr(0)), await pool.steps.unitsOf(pool.address)]).toEqual([3n, 6_997n]);
    expect(await pool.steps.read.readContract({ ...pool.steps.target, functionName: 'stakeOf', args: [addr(0)] })).toBe(tokens(100));
  });

  it('grants what was earned at the old amount before a second stake changes it', async () => {
    const { pool } = chain();
    const t0 = await stakeAt(0, tokens(100), 's1');
    await pool.steps.nextBlockAt(t0 + 1_000n);
    const receipt = await pool.steps.stake(chain().operator, addr(0), tokens(300), key('s2'));
    expect(shareEventsOf(receipt.logs, pool.address).map((e) => e.eventName)).toEqual(['StakeSharesAccrued', 'Staked']);
    expect(await pool.steps.sharesOf(addr(0))).toBe(10n);
    // 400 tokens from now: 4 shares per 100 s.
    await pool.steps.nextBlockAt(t0 + 1_100n);
    await pool.steps.accrue(chain().outsider, addr(0));
    expect(await pool.steps.sharesOf(addr(0))).toBe(14n);
  });

  it('stops the accrual on unstaking, returns the tokens and keeps the shares earned', async () => {
    const { pool, operator, outsider } = chain();
    const before = await pool.steps.stakingBalance(addr(0));
    const t0 = await stakeAt(0, tokens(100), 's');
    await pool.steps.nextBlockAt(t0 + 500n);
    const receipt = await pool.steps.unstake(operator, addr(0), tokens(100), key('u'));
    expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
      { eventName: 'StakeSharesAccrued', args: { member: addr(0), shares: 5n } },
      { eventName: 'Unstaked', args: { member: addr(0), amount: tokens(100), key: key('u') } },
    ]);
    expect(await pool.steps.stakingBalance(addr(0))).toBe(before);
    await pool.steps.advanceTime(10_000);
    expect(await pending(0)).toBe(0n);
    await pool.steps.accrue(outsider, addr(0));
    expect(await pool.steps.sharesOf(addr(0))).toBe(5n);
    expect(await pool.steps.stakingBalance(pool.address)).toBe(0n);
  });

  it('caps the accrual by the available shares and drops what the cap cuts off', async () => {
    const { deployPool, operator, outsider } = chain();
    const pool = await deployPool({ creatorShares: 9_990n });
    const receipt = await pool.steps.stake(operator, addr(0), tokens(100), key('s'));
    const t0 = await pool.steps.blockTime(receipt.blockNumber);
    await pool.steps.nextBlockAt(t0 + 10_050n); // 100.5 shares earned, 10 available
    await pool.steps.accrue(outsider, addr(0));
    expect([await pool.steps.sharesOf(addr(0)), await pool.steps.available(), await pool.steps.unitsOf(pool.address)]).toEqual([
      10n,
      0n,
      0n,
    ]);
    await pool.steps.advanceTime(1_000);
    const again = await pool.steps.accrue(outsider, addr(0));
    expect(shareEventsOf(again.logs, pool.address)).toEqual([]);
  });

  it('shows what accrue would grant', async () => {
    const { pool } = chain();
    const t0 = await stakeAt(1, tokens(250), 's');
    await pool.steps.nextBlockAt(t0 + 200n);
    await chain().clients.test.mine({ blocks: 1 });
    expect(await pending(1)).toBe(5n);
  });

  describe('should revert', () => {
    it('staking, unstaking or accruing in a pool without staking', async () => {
      const { deployPool, operator, outsider } = chain();
      const plain = await deployPool({ stakingToken: '0x0000000000000000000000000000000000000000', stakingRate: 0n });
      expect((await revertOf(plain.steps.stake(operator, addr(0), 1n, key('s')))).name).toBe('SharePoolNotStaking');
      expect((await revertOf(plain.steps.unstake(operator, addr(0), 1n, key('u')))).name).toBe('SharePoolNotStaking');
      expect((await revertOf(plain.steps.accrue(outsider, addr(0)))).name).toBe('SharePoolNotStaking');
    });

    it('unstaking more than staked', async () => {
      const { pool, operator } = chain();
      await stakeAt(0, tokens(1), 's');
      expect(await revertOf(pool.steps.unstake(operator, addr(0), tokens(2), key('u')))).toEqual({
        name: 'SharePoolInsufficientStake',
        args: [addr(0), tokens(2), tokens(1)],
      });
    });

    it('a zero stake, a stake by anyone but the operator, a repeated key', async () => {
      const { pool, operator } = chain();
      expect((await revertOf(pool.steps.stake(operator, addr(0), 0n, key('s0')))).name).toBe('SharePoolZeroAmount');
      expect((await revertOf(pool.steps.stake(member(0), addr(0), 1n, key('s1')))).name).toBe('SharePoolUnauthorized');
      await stakeAt(0, 1n, 's2');
      expect(await revertOf(pool.steps.stake(operator, addr(0), 1n, key('s2')))).toEqual({ name: 'SharePoolKeyUsed', args: [key('s2')] });
    });

    it('staking while paused, though unstaking goes on', async () => {
      const { pool, operator, creator } = chain();
      await stakeAt(0, tokens(1), 's');
      await pool.steps.setPaused(creator, true);
      expect((await revertOf(pool.steps.stake(operator, addr(0), 1n, key('s2')))).name).toBe('SharePoolIsPaused');
      await pool.steps.unstake(operator, addr(0), tokens(1), key('u'));
    });

    it('a new staker beyond maxParticipants', async () => {
      const { deployPool, operator } = chain();
      const capped = await deployPool({ maxParticipants: 1n }); // the creator is the one holder
      expect(await revertOf(capped.steps.stake(operator, addr(0), 1n, key('s')))).toEqual({ name: 'SharePoolFull', args: [1n] });
    });
  });
});
