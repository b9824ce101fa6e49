import type { Hash } from '../shared/hex';
import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { confirmed, creatorSafe, deployedPool, holders, purchaseToken, sharePoolInput, sharePoolLog, tx } from '../testing/share-pool';
import { sharesConserved, sharesOf, unreserved } from './share-pool-state';
import { expectRefused } from '../testing/given';

const [alice, bob, carol] = holders(3);

const refused = expectRefused;

describe('Share pool ways in', () => {
  it('starts CREATED with the creator holding their allocation and the rest available', () => {
    const pool = deployedPool().pool();
    expect(pool).toMatchObject({ status: 'CREATED', available: 7_000, contract: addressOf('share-pool-contract') });
    expect([...pool.holdings]).toEqual([[creatorSafe, 3_000]]);
  });

  it('takes no way in before the contract is deployed', () => {
    const log = sharePoolLog();
    log.run('CreateSharePool', { poolId: 'p', ...sharePoolInput() });
    refused(() => log.run('RequestSharePurchase', { buyer: alice, shares: 1 }), 'SHARE_POOL.NOT_DEPLOYED');
  });

  describe('buy', () => {
    it('reserves the shares, then moves them and pays the creator once the chain call is confirmed', () => {
      const log = deployedPool();
      const [requested] = log.run('RequestSharePurchase', { buyer: alice, shares: 2_000 }, T0, alice);
      expect(requested).toEqual({
        type: 'SharePurchaseRequested',
        data: { key: 'purchase-0', buyer: alice, shares: 2_000, cost: 2_000n * 10n ** 15n, requestedAt: T0 },
      });
      expect(unreserved(log.pool())).toBe(5_000);
      log.run('ConfirmSharePoolAction', { key: 'purchase-0', txHash: tx(2) }, at(12));
      const pool = log.pool();
      expect(pool).toMatchObject({ status: 'ACTIVE', available: 5_000, reserved: 0, proceeds: 2n * 10n ** 18n });
      expect(sharesOf(pool, alice)).toBe(2_000);
      expect(log.run('ConfirmSharePoolAction', { key: 'purchase-0', txHash: tx(2) })).toEqual([]);
    });

    it('compares addresses case-insensitively: a lower-case buyer is the same holder', () => {
      const log = deployedPool();
      confirmed(log, 'RequestSharePurchase', { buyer: alice, shares: 10 });
      confirmed(log, 'RequestSharePurchase', { buyer: alice.toLowerCase() as typeof alice, shares: 5 });
      expect([...log.pool().holdings]).toEqual([
        [creatorSafe, 3_000],
        [alice, 15],
      ]);
    });

    it('frees the reservation when the chain refuses the purchase', () => {
      const log = deployedPool();
      log.run('RequestSharePurchase', { buyer: alice, shares: 7_000 });
      refused(() => log.run('RequestSharePurchase', { buyer: bob, shares: 1 }), 'SHARE_POOL.NOT_ENOUGH_SHARES', 'shares');
      expect(log.run('FailSharePoolAction', { key: 'purchase-0', reason: 'allowance too low' }).map((e) => e.type)).toEqual([
        'SharePurchaseFailed',
      ]);
      expect(log.run('FailSharePoolAction', { key: 'purchase-0', reason: 'again' })).toEqual([]);
      log.run('RequestSharePurchase', { buyer: bob, shares: 7_000 });
    });

    it('refuses a key it never handed out, a share count out of range, another way in, and an expired pool', () => {
      const log = deployedPool(sharePoolInput({ expiration: at(DAY) }));
      refused(() => log.run('ConfirmSharePoolAction', { key: 'purchase-9', txHash: tx(1) }), 'SHARE_POOL.NO_SUCH_ACTION', 'key');
      refused(() => log.run('RequestSharePurchase', { buyer: alice, shares: 0 }), 'SHARE_POOL.INVALID_SHARES', 'shares');
      refused(() => log.run('RequestSharePurchase', { buyer: alice, shares: 1.5 }), 'SHARE_POOL.INVALID_SHARES', 'shares');
      refused(() => log.run('RequestSharePurchase', { buyer: '0xnot' as typeof alice, shares: 1 }), 'SHARE_POOL.INVALID_ADDRESS', 'buyer');
      refused(() => log.run('RequestToJoinSharePool', { member: alice }), 'SHARE_POOL.WRONG_WAY_IN');
      refused(() => log.run('RequestSharePurchase', { buyer: alice, shares: 1 }, at(DAY)), 'SHARE_POOL.EXPIRED');
    });

    it('refuses a newcomer once the pool has its maximum of participants, the holding creator and purchases under way counted', () => {
      const log = deployedPool(sharePoolInput({ maxParticipants: 3 }));
      confirmed(log, 'RequestSharePurchase', { buyer: alice, shares: 1 });
      log.run('RequestSharePurchase', { buyer: bob, shares: 1 });
      const error = refused(() => log.run('RequestSharePurchase', { buyer: carol, shares: 1 }), 'SHARE_POOL.FULL');
      expect(error.message).toContain('maximum of 3 participants');
      log.run('RequestSharePurchase', { buyer: alice, shares: 1 });
    });
  });

  describe('access conditions', () => {
    const gated = () =>
      deployedPool(
        sharePoolInput({
          accessConditions: [
            { kind: 'allowlist', addresses: [alice.toLowerCase(), bob] },
            { kind: 'minimumBalance', token: purchaseToken, amount: 100n },
          ],
        }),
      );

    it('admits a listed member whose observed balance meets the minimum', () =>
      expect(
        gated().run('RequestSharePurchase', { buyer: alice, shares: 1, observedBalances: [{ token: purchaseToken, balance: 100n }] }),
      ).toHaveLength(1));

    it('refuses with every failed condition and its reason', () => {
      const error = refused(
        () => gated().run('RequestSharePurchase', { buyer: carol, shares: 1, observedBalances: [{ token: purchaseToken, balance: 99n }] }),
        'SHARE_POOL.ACCESS_DENIED',
      );
      expect(error.kind).toBe('forbidden');
      expect(error.errors.map((e) => e.message)).toEqual([
        `allowlist: ${carol} is not on the pool's allowlist`,
        `minimumBalance: ${carol} holds 99 of ${purchaseToken}, below the minimum of 100`,
      ]);
    });

    it('refuses when the balance the condition needs was not observed', () =>
      expect(refused(() => gated().run('RequestSharePurchase', { buyer: bob, shares: 1 }), 'SHARE_POOL.ACCESS_DENIED').message).toContain(
        'was not observed',
      ));
  });

  describe('request to join and airdrop', () => {
    const requestPool = () => deployedPool(sharePoolInput({ wayToAccess: 'request', pricePerShare: undefined }));

    it('records a request, and the Safe approves it by assigning shares: nothing is left for the relayer to grant', () => {
      const log = requestPool();
      log.run('RequestToJoinSharePool', { member: alice }, T0, alice);
      refused(() => log.run('RequestToJoinSharePool', { member: alice }), 'SHARE_POOL.JOIN_PENDING');
      refused(() => log.run('AssignShares', { to: alice, shares: 100, txHash: tx(3) }, T0, alice), 'SHARE_POOL.NOT_CREATOR');
      refused(() => log.run('AssignShares', { to: alice, shares: 100, txHash: tx(3) }, T0, 'admin-key:k1'), 'SHARE_POOL.NOT_CREATOR');
      const events = log.run('AssignShares', { to: alice, shares: 100, txHash: tx(3) }, T0, creatorSafe.toLowerCase());
      expect(events.map((e) => e.type)).toEqual(['SharesAssigned', 'JoinRequestApproved']);
      expect(events[1]).toMatchObject({ data: { member: alice, shares: 100, txHash: tx(3) } });
      expect(sharesOf(log.pool(), alice)).toBe(100);
      expect(log.pool().pending.size).toBe(0);
      expect(log.pool().joinRequests.has(alice)).toBe(false);
      refused(() => log.run('RequestToJoinSharePool', { member: alice }), 'SHARE_POOL.ALREADY_HOLDER');
    });

    it('rejects with a reason, by a DAO admin or the Safe, not by anyone else', () => {
      const log = requestPool();
      log.run('RequestToJoinSharePool', { member: bob });
      refused(() => log.run('RejectJoinRequest', { member: bob, reason: ' ' }), 'SHARE_POOL.REASON_REQUIRED', 'reason');
      refused(() => log.run('RejectJoinRequest', { member: bob, reason: 'no' }, T0, bob), 'SHARE_POOL.NOT_CREATOR');
      const [rejected] = log.run('RejectJoinRequest', { member: bob, reason: 'not a resident' }, T0, 'admin-key:k1');
      expect(rejected).toMatchObject({ type: 'JoinRequestRejected', data: { rejectedBy: 'admin-key:k1' } });
      refused(() => log.run('RejectJoinRequest', { member: bob, reason: 'again' }), 'SHARE_POOL.NO_JOIN_REQUEST', 'member');
    });

    it('records the Safe’s assign as an airdrop, already on chain', () => {
      const log = requestPool();
      refused(() => log.run('AssignShares', { to: carol, shares: 50, txHash: tx(4) }, T0, carol), 'SHARE_POOL.NOT_CREATOR');
      log.run('AssignShares', { to: carol, shares: 50, txHash: tx(4) });
      expect(sharesOf(log.pool(), carol)).toBe(50);
      refused(() => log.run('AssignShares', { to: carol, shares: 7_000, txHash: tx(5) }), 'SHARE_POOL.NOT_ENOUGH_SHARES');
    });
  });

  describe('codes', () => {
    const codeHash = (n: number): Hash => `0x${'ab'.repeat(31)}${n.toString(16).padStart(2, '0')}`;
    const codesPool = () => deployedPool(sharePoolInput({ wayToAccess: 'codes', pricePerShare: undefined }));

    it('reserves the shares of generated codes; a code is redeemed once, by hash, in any case', () => {
      const log = codesPool();
      log.run('GenerateShareCodes', {
        codes: [
          { codeHash: codeHash(1), shares: 25 },
          { codeHash: codeHash(2), shares: 6_975 },
        ],
      });
      expect(unreserved(log.pool())).toBe(0);
      const events = confirmed(log, 'RedeemShareCode', { member: alice, codeHash: codeHash(1).toUpperCase().replace('0X', '0x') as Hash });
      expect(events.map((e) => e.type)).toEqual(['ShareCodeRedeemed', 'SharesGranted']);
      expect(sharesOf(log.pool(), alice)).toBe(25);
      refused(() => log.run('RedeemShareCode', { member: bob, codeHash: codeHash(1) }), 'SHARE_POOL.CODE_USED');
      refused(() => log.run('RedeemShareCode', { member: bob, codeHash: codeHash(3) }), 'SHARE_POOL.UNKNOWN_CODE', 'codeHash');
    });

    it('puts a code back when its grant fails, and frees a revoked code’s shares', () => {
      const log = codesPool();
      log.run('GenerateShareCodes', { codes: [{ codeHash: codeHash(1), shares: 10 }] });
      log.run('RedeemShareCode', { member: alice, codeHash: codeHash(1) });
      log.run('FailSharePoolAction', { key: log.lastKey(), reason: 'reverted' });
      expect(log.pool().codes.get(codeHash(1))?.status).toBe('outstanding');
      expect(unreserved(log.pool())).toBe(6_990);
      log.run('RevokeShareCodes', { codeHashes: [codeHash(1)] });
      expect(unreserved(log.pool())).toBe(7_000);
      refused(() => log.run('RedeemShareCode', { member: alice, codeHash: codeHash(1) }), 'SHARE_POOL.CODE_USED');
    });

    it('refuses duplicate codes and more shares than are available', () => {
      const log = codesPool();
      refused(
        () =>
          log.run('GenerateShareCodes', {
            codes: [
              { codeHash: codeHash(1), shares: 1 },
              { codeHash: codeHash(1), shares: 1 },
            ],
          }),
        'SHARE_POOL.DUPLICATE_CODE',
        'codes[1].codeHash',
      );
      refused(() => log.run('GenerateShareCodes', { codes: [{ codeHash: codeHash(1), shares: 7_001 }] }), 'SHARE_POOL.NOT_ENOUGH_SHARES');
    });
  });

  describe('transfers', () => {
    it('are refused unless the pool allows them', () => {
      const log = deployedPool();
      confirmed(log, 'RequestSharePurchase', { buyer: alice, shares: 10 });
      refused(() => log.run('TransferShares', { from: alice, to: bob, shares: 1 }), 'SHARE_POOL.TRANSFERS_NOT_ALLOWED');
    });

    it('move shares between holders once confirmed, never more than the sender has not promised', () => {
      const log = deployedPool(sharePoolInput({ transfersAllowed: true }));
      confirmed(log, 'RequestSharePurchase', { buyer: alice, shares: 10 });
      log.run('TransferShares', { from: alice, to: bob, shares: 6 }, T0, alice);
      refused(() => log.run('TransferShares', { from: alice, to: carol, shares: 5 }), 'SHARE_POOL.NOT_ENOUGH_SHARES', 'shares');
      log.run('ConfirmSharePoolAction', { key: log.lastKey(), txHash: tx(7) });
      confirmed(log, 'TransferShares', { from: alice, to: bob, shares: 4 });
      const pool = log.pool();
      expect([sharesOf(pool, alice), sharesOf(pool, bob)]).toEqual([0, 10]);
      expect(pool.holdings.has(alice)).toBe(false);
      expect(sharesConserved(pool)).toBe(true);
    });
  });
});
