import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { confirmed, crowdfundingInput, deployedPool, holders, stakingInput, tx } from '../testing/share-pool';
import { MAX_CONTRIBUTORS, STAKE_RATE_SCALE } from './share-pool-configuration';
import type { CrowdfundingReached, StakeSharesAccrued } from './share-pool-events';
import { sharesConserved, sharesOf } from './share-pool-state';
import { expectRefused } from '../testing/given';

const [alice, bob, carol] = holders(3);

const refused = expectRefused;

describe('Share pool crowdfunding', () => {
  it('escrows contributions and, on reaching the target, allocates the available shares pro rata', () => {
    const log = deployedPool(crowdfundingInput(1_000n));
    confirmed(log, 'ContributeToCrowdfunding', { contributor: alice, amount: 500n });
    confirmed(log, 'ContributeToCrowdfunding', { contributor: bob, amount: 300n });
    confirmed(log, 'ContributeToCrowdfunding', { contributor: carol, amount: 200n });
    refused(
      () => log.run('FinalizeCrowdfunding', { txHash: tx(5), allocations: [{ contributor: alice, shares: 1 }] }),
      'SHARE_POOL.CHAIN_DISAGREES',
    );
    const [reached] = log.run('FinalizeCrowdfunding', { txHash: tx(5) }, at(DAY), 'system:worker') as CrowdfundingReached[];
    expect(reached.data).toMatchObject({ raised: 1_000n, target: 1_000n });
    expect(reached.data.allocations.map((a) => a.shares)).toEqual([3_500, 2_100, 1_400]);
    const pool = log.pool();
    expect(pool).toMatchObject({ status: 'ACTIVE', available: 0, proceeds: 1_000n });
    expect(sharesConserved(pool)).toBe(true);
    expect(log.run('FinalizeCrowdfunding', { txHash: tx(5) })).toEqual([]);
    refused(() => log.run('ContributeToCrowdfunding', { contributor: alice, amount: 1n }), 'SHARE_POOL.CROWDFUNDING_CLOSED');
  });

  it('refunds every contributor in full when the deadline passes below the target', () => {
    const log = deployedPool(crowdfundingInput(1_000n));
    confirmed(log, 'ContributeToCrowdfunding', { contributor: alice, amount: 400n });
    confirmed(log, 'ContributeToCrowdfunding', { contributor: bob, amount: 100n });
    confirmed(log, 'ContributeToCrowdfunding', { contributor: alice, amount: 50n });
    refused(() => log.run('FinalizeCrowdfunding', { txHash: tx(6) }, at(DAY)), 'SHARE_POOL.CROWDFUNDING_RUNNING');
    refused(() => log.run('ContributeToCrowdfunding', { contributor: carol, amount: 1n }, at(7 * DAY)), 'SHARE_POOL.CROWDFUNDING_CLOSED');
    const [refunded] = log.run('FinalizeCrowdfunding', { txHash: tx(6) }, at(7 * DAY));
    expect(refunded).toMatchObject({
      type: 'CrowdfundingRefunded',
      data: {
        raised: 550n,
        refunds: [
          { contributor: alice, amount: 450n },
          { contributor: bob, amount: 100n },
        ],
        deferred: [],
      },
    });
    expect(log.pool()).toMatchObject({ status: 'CREATED', available: 7_000, proceeds: 0n });
  });

  it('waits for contributions under way before finalizing, and a failed one escrows nothing', () => {
    const log = deployedPool(crowdfundingInput(100n));
    confirmed(log, 'ContributeToCrowdfunding', { contributor: alice, amount: 100n });
    log.run('ContributeToCrowdfunding', { contributor: bob, amount: 5n });
    refused(() => log.run('FinalizeCrowdfunding', { txHash: tx(7) }), 'SHARE_POOL.CONTRIBUTIONS_PENDING');
    log.run('FailSharePoolAction', { key: log.lastKey(), reason: 'balance too low' });
    const [reached] = log.run('FinalizeCrowdfunding', { txHash: tx(7) }) as CrowdfundingReached[];
    expect(reached.data.allocations).toEqual([{ contributor: alice, amount: 100n, shares: 7_000 }]);
  });

  it('takes at most the contributors the contract can allocate in one transaction', () => {
    const log = deployedPool(crowdfundingInput());
    const many = Array.from({ length: MAX_CONTRIBUTORS }, (_, i) => addressOf(`contributor-${i}`));
    for (const c of many) log.run('ContributeToCrowdfunding', { contributor: c, amount: 1n });
    refused(() => log.run('ContributeToCrowdfunding', { contributor: alice, amount: 1n }), 'SHARE_POOL.FULL');
    log.run('ContributeToCrowdfunding', { contributor: many[0], amount: 1n });
  });

  it('refuses a contribution of nothing, and an airdrop while the crowdfunding is open', () => {
    const log = deployedPool(crowdfundingInput());
    refused(() => log.run('ContributeToCrowdfunding', { contributor: alice, amount: 0n }), 'SHARE_POOL.INVALID_AMOUNT', 'amount');
    refused(() => log.run('AssignShares', { to: alice, shares: 1, txHash: tx(1) }), 'SHARE_POOL.CROWDFUNDING_OPEN');
  });
});

describe('Share pool staking', () => {
  // One share per whole token (10^18 wei) per day, scaled by 10^36.
  const TOKEN = 10n ** 18n;
  const RATE = STAKE_RATE_SCALE / (TOKEN * 86_400n);
  const accruedOf = (events: readonly { type: string }[]) =>
    events.find((e) => e.type === 'StakeSharesAccrued') as StakeSharesAccrued | undefined;

  it('accrues shares by amount and time at each touch, carrying the fraction, and stops on a full unstake', () => {
    const log = deployedPool(stakingInput(RATE));
    confirmed(log, 'Stake', { member: alice, amount: 10n * TOKEN }, T0, alice);
    const day = log.run('AccrueStakeShares', { member: alice, txHash: tx(8), at: at(DAY) });
    // 10 tokens × 86,400 s × floor(10^18 / 86,400): just under 10 shares, so 9 and a carried fraction.
    expect(accruedOf(day)?.data).toMatchObject({ shares: 9, seconds: 86_400, capped: false });
    expect(accruedOf(day)?.data.carried).toBe(10n * TOKEN * 86_400n * RATE - 9n * STAKE_RATE_SCALE);
    log.run('Unstake', { member: alice, amount: 10n * TOKEN }, at(2 * DAY), alice);
    const out = log.run('ConfirmSharePoolAction', { key: log.lastKey(), txHash: tx(9), at: at(2 * DAY) });
    expect(out.map((e) => e.type)).toEqual(['StakeSharesAccrued', 'Unstaked']);
    expect(accruedOf(out)?.data.shares).toBe(10);
    const pool = log.pool();
    expect(sharesOf(pool, alice)).toBe(19);
    // Nothing staked any more; the fraction carried stays for a later stake, as on chain.
    expect(pool.stakes.get(alice)?.amount).toBe(0n);
    expect(pool.stakes.get(alice)?.carried).toBe(2n * 10n * TOKEN * 86_400n * RATE - 19n * STAKE_RATE_SCALE);
    refused(() => log.run('AccrueStakeShares', { member: alice, txHash: tx(10), at: at(3 * DAY) }), 'SHARE_POOL.NO_STAKE', 'member');
  });

  it('caps the accrual at the shares available, forfeiting the rest', () => {
    const log = deployedPool(stakingInput(RATE, { creatorShares: 9_990 }));
    confirmed(log, 'Stake', { member: alice, amount: 100n * TOKEN });
    const [accrued] = log.run('AccrueStakeShares', { member: alice, txHash: tx(8), at: at(DAY) }) as StakeSharesAccrued[];
    expect(accrued.data).toMatchObject({ shares: 10, carried: 0n, capped: true });
    expect(log.pool().available).toBe(0);
  });

  it('refuses an unstake beyond what is staked and not already asked back, and a contract that disagrees', () => {
    const log = deployedPool(stakingInput(RATE));
    confirmed(log, 'Stake', { member: alice, amount: 5n });
    log.run('Unstake', { member: alice, amount: 3n });
    refused(() => log.run('Unstake', { member: alice, amount: 3n }), 'SHARE_POOL.NOT_ENOUGH_STAKED', 'amount');
    refused(() => log.run('AccrueStakeShares', { member: alice, txHash: tx(8), at: at(1), chainShares: 4 }), 'SHARE_POOL.CHAIN_DISAGREES');
  });

  it('touches an existing position when more is staked, from the block time of the stake', () => {
    const log = deployedPool(stakingInput(RATE));
    confirmed(log, 'Stake', { member: bob, amount: TOKEN });
    const more = confirmed(log, 'Stake', { member: bob, amount: TOKEN }, at(2 * DAY));
    expect(more.map((e) => e.type)).toEqual(['StakeRequested', 'StakeSharesAccrued', 'Staked']);
    expect(log.pool().stakes.get(bob)).toMatchObject({ amount: 2n * TOKEN, since: at(2 * DAY) });
  });
});
