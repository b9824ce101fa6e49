import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { expectRefused } from '../testing/given';
import {
  confirmed,
  creatorSafe,
  crowdfundingInput,
  deployedPool,
  gdaPool,
  holders,
  poolContract,
  sharePoolInput,
  sharePoolLog,
  stakingInput,
  tx,
} from '../testing/share-pool';
import { STAKE_RATE_SCALE } from './share-pool-configuration';
import { sharesOf } from './share-pool-state';

const [alice, bob] = holders(2);
const relayer = addressOf('relayer');
const rotated = addressOf('rotated-relayer');
const ZERO = '0x0000000000000000000000000000000000000000';
const refused = expectRefused;
const TOKEN = 10n ** 18n;

const paused = (log = deployedPool()) => {
  log.run('PauseSharePool', { txHash: tx(40) }, at(60));
  return log;
};

describe("A share pool's creator controls: pause, resume, operator", () => {
  describe('pause and resume', () => {
    it('records the Safe as actor with the transaction, and refuses pausing a paused pool or resuming a running one', () => {
      const log = deployedPool();
      refused(() => log.run('ResumeSharePool', { txHash: tx(41) }), 'SHARE_POOL.NOT_PAUSED');
      expect(log.run('PauseSharePool', { txHash: tx(40) }, at(60))).toEqual([
        { type: 'SharePoolPaused', data: { txHash: tx(40), pausedBy: creatorSafe, pausedAt: at(60) } },
      ]);
      expect(log.pool().paused).toBe(true);
      refused(() => log.run('PauseSharePool', { txHash: tx(42) }), 'SHARE_POOL.ALREADY_PAUSED');
      expect(log.run('ResumeSharePool', { txHash: tx(41) }, at(120))).toEqual([
        { type: 'SharePoolResumed', data: { txHash: tx(41), resumedBy: creatorSafe, resumedAt: at(120) } },
      ]);
      expect(log.pool().paused).toBe(false);
    });

    it("is the Safe's alone, on a deployed pool, and needs the transaction hash", () => {
      const log = deployedPool();
      refused(() => log.run('PauseSharePool', { txHash: tx(40) }, T0, 'admin-key:k1'), 'SHARE_POOL.NOT_CREATOR');
      refused(() => log.run('PauseSharePool', { txHash: tx(40) }, T0, alice), 'SHARE_POOL.NOT_CREATOR');
      refused(() => log.run('PauseSharePool', { txHash: '0x12' as never }), 'SHARE_POOL.INVALID_TX', 'txHash');
      const undeployed = sharePoolLog();
      undeployed.run('CreateSharePool', { poolId: 'p', ...sharePoolInput() });
      refused(() => undeployed.run('PauseSharePool', { txHash: tx(40) }), 'SHARE_POOL.NOT_DEPLOYED');
    });
  });

  describe('while paused, mirroring the contract', () => {
    it('refuses purchases and takes them again once resumed', () => {
      const log = paused();
      refused(() => log.run('RequestSharePurchase', { buyer: alice, shares: 1 }, T0, alice), 'SHARE_POOL.PAUSED');
      log.run('ResumeSharePool', { txHash: tx(41) });
      expect(log.run('RequestSharePurchase', { buyer: alice, shares: 1 }, T0, alice).map((e) => e.type)).toEqual([
        'SharePurchaseRequested',
      ]);
    });

    it('refuses transfers', () => {
      const log = deployedPool(sharePoolInput({ transfersAllowed: true }));
      confirmed(log, 'RequestSharePurchase', { buyer: alice, shares: 10 });
      paused(log);
      refused(() => log.run('TransferShares', { from: alice, to: bob, shares: 1 }, T0, alice), 'SHARE_POOL.PAUSED');
    });

    it('refuses code redemptions, but codes may still be generated and revoked (no operator call)', () => {
      const log = paused(deployedPool(sharePoolInput({ wayToAccess: 'codes', pricePerShare: undefined })));
      const codeHash = tx(7);
      log.run('GenerateShareCodes', { codes: [{ codeHash, shares: 10 }] }, T0, 'admin-key:k1');
      refused(() => log.run('RedeemShareCode', { member: alice, codeHash }, T0, alice), 'SHARE_POOL.PAUSED');
    });

    it('refuses contributions; the crowdfunding is still finalized', () => {
      const log = deployedPool(crowdfundingInput(1_000n));
      confirmed(log, 'ContributeToCrowdfunding', { contributor: alice, amount: 1_000n });
      paused(log);
      refused(() => log.run('ContributeToCrowdfunding', { contributor: bob, amount: 5n }, T0, bob), 'SHARE_POOL.PAUSED');
      expect(log.run('FinalizeCrowdfunding', { txHash: tx(5) }, at(DAY), 'system:worker').map((e) => e.type)).toEqual([
        'CrowdfundingReached',
      ]);
    });

    it('refuses stakes; unstaking and accrual go on', () => {
      const log = deployedPool(stakingInput(STAKE_RATE_SCALE / TOKEN / 3600n));
      confirmed(log, 'Stake', { member: alice, amount: 10n * TOKEN }, T0, alice);
      paused(log);
      refused(() => log.run('Stake', { member: alice, amount: TOKEN }, at(60), alice), 'SHARE_POOL.PAUSED');
      log.run('AccrueStakeShares', { member: alice, txHash: tx(8), at: at(3600) }, at(3600), 'system:worker');
      expect(sharesOf(log.pool(), alice)).toBeGreaterThan(0);
      expect(log.run('Unstake', { member: alice, amount: 10n * TOKEN }, at(7200), alice).map((e) => e.type)).toEqual(['UnstakeRequested']);
    });

    it("takes requests to join and the Safe's own assignments, which the contract allows while paused", () => {
      const log = paused(deployedPool(sharePoolInput({ wayToAccess: 'request', pricePerShare: undefined, purchaseToken: undefined })));
      log.run('RequestToJoinSharePool', { member: alice }, T0, alice);
      expect(log.run('AssignShares', { to: alice, shares: 5, txHash: tx(9) }).map((e) => e.type)).toEqual([
        'SharesAssigned',
        'JoinRequestApproved',
      ]);
    });

    it('lets a purchase requested before the pause fail or confirm as the chain reports', () => {
      const log = deployedPool();
      log.run('RequestSharePurchase', { buyer: alice, shares: 3 }, T0, alice);
      paused(log);
      expect(
        log.run('FailSharePoolAction', { key: 'purchase-0', reason: 'SharePoolIsPaused' }, at(90), 'system:worker').map((e) => e.type),
      ).toEqual(['SharePurchaseFailed']);
      expect(log.pool()).toMatchObject({ reserved: 0, pending: new Map() });
    });
  });

  describe('operator', () => {
    it('keeps the operator the deployment named, and records a change with the previous one', () => {
      const log = sharePoolLog();
      log.run('CreateSharePool', { poolId: 'sp-op', ...sharePoolInput() });
      log.run('RecordSharePoolDeployment', { address: poolContract, gdaPool, operator: relayer, txHash: tx(1), blockNumber: 5n });
      expect(log.pool().operator).toBe(relayer);
      expect(log.run('ChangeSharePoolOperator', { operator: rotated.toLowerCase() as typeof rotated, txHash: tx(50) }, at(5))).toEqual([
        {
          type: 'SharePoolOperatorChanged',
          data: { previous: relayer, operator: rotated, txHash: tx(50), changedBy: creatorSafe, changedAt: at(5) },
        },
      ]);
      expect(log.pool().operator).toBe(rotated);
      refused(() => log.run('ChangeSharePoolOperator', { operator: rotated, txHash: tx(51) }), 'SHARE_POOL.SAME_OPERATOR', 'operator');
    });

    it('refuses the zero address, a malformed one, and anyone but the Safe', () => {
      const log = deployedPool();
      expect(log.pool().operator).toBeNull();
      refused(
        () => log.run('ChangeSharePoolOperator', { operator: ZERO as never, txHash: tx(50) }),
        'SHARE_POOL.INVALID_ADDRESS',
        'operator',
      );
      refused(
        () => log.run('ChangeSharePoolOperator', { operator: '0x1234' as never, txHash: tx(50) }),
        'SHARE_POOL.INVALID_ADDRESS',
        'operator',
      );
      refused(
        () => log.run('ChangeSharePoolOperator', { operator: rotated, txHash: tx(50) }, T0, 'admin-key:k1'),
        'SHARE_POOL.NOT_CREATOR',
      );
      expect(log.run('ChangeSharePoolOperator', { operator: rotated, txHash: tx(50) })[0]?.data).toMatchObject({ previous: null });
    });
  });
});
