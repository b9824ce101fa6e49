import type { Address } from '../../shared/address';
import type { DaoEvent } from '../dao-events';
import { deciderSpec } from '../../testing/given';
import { activated, activeDao, daoCreated, deposited, joinRequested } from '../../testing/dao-history';
import { adminMeta, alice, asSent, at, bob, carol, dave, meta, T0 } from '../../testing/fixtures';
import { DAO_LIMITS } from '../dao-configuration';
import { daoDecider } from '../dao-decider';
import type { ChainLog, DaoCommand } from '../dao-commands';

const { given } = deciderSpec(daoDecider);

const join = (member: Address, now: string = T0): DaoCommand => ({ type: 'RequestToJoin', data: { member }, metadata: meta(member, now) });
const approve = (member: Address, metadata = adminMeta()): DaoCommand => ({
  type: 'ApproveMember',
  data: { member },
  metadata,
});
const deposit = (member: Address, amount: bigint, log: Partial<ChainLog> = {}): DaoCommand => ({
  type: 'ConfirmDeposit',
  data: { member, amount, chainId: 31337, txHash: '0x0abc', logIndex: 0, ...log },
  metadata: meta('system:indexer'),
});
const withdrawal = (member: Address, amount: bigint): DaoCommand => ({
  type: 'ConfirmWithdrawal',
  data: { member, amount, chainId: 31337, txHash: '0x0def', logIndex: 1 },
  metadata: meta('system:indexer'),
});
const depositFact = (member: Address, amount: bigint): DaoEvent => ({
  type: 'DepositConfirmed' as const,
  data: { member, amount, chainId: 31337, txHash: '0x0abc', logIndex: 0, confirmedAt: T0 },
});

describe('Membership', () => {
  describe('open DAO', () => {
    const open = daoCreated([alice], { access: 'open', minimumDeposit: 50n });

    it('a join request makes the member PENDING', () =>
      given([open])
        .when(join(bob))
        .then([joinRequested(bob)]));

    it('the first confirmed deposit of at least the minimum makes them ACTIVE', () =>
      given([open, joinRequested(bob)])
        .when(deposit(bob, 50n))
        .then([depositFact(bob, 50n), activated(bob)]));

    it('a deposit below the minimum leaves them PENDING', () =>
      given([open, joinRequested(bob)])
        .when(deposit(bob, 49n))
        .then([depositFact(bob, 49n)]));

    it('deposits add up towards the minimum', () =>
      given([open, joinRequested(bob), deposited(bob, 30n)])
        .when(deposit(bob, 20n))
        .then([depositFact(bob, 20n), activated(bob)]));

    it('a replayed chain log changes nothing', () =>
      given([open, joinRequested(bob), depositFact(bob, 10n)])
        .when(deposit(bob, 10n))
        .then([]));

    it('refuses a second request while one is pending', () =>
      given([open, joinRequested(bob)])
        .when(join(bob))
        .thenThrows('MEMBER.ALREADY_REQUESTED'));

    it('refuses a request from a member', () => given([open]).when(join(alice)).thenThrows('MEMBER.ALREADY_MEMBER'));

    it('refuses a lower-case address', () =>
      given([open])
        .when(join(asSent(bob.toLowerCase())))
        .thenThrows('MEMBER.INVALID_ADDRESS'));

    it('refuses to join a DAO that does not exist', () => given([]).when(join(bob)).thenThrows('DAO.NOT_FOUND'));
  });

  describe('max members', () => {
    const full = daoCreated([alice, bob], { maxMembers: 2 });

    it('refuses a join request when every seat is taken', () => given([full]).when(join(carol)).thenThrows('DAO.MEMBER_LIMIT_REACHED'));

    it('records a deposit but does not activate beyond the limit', () =>
      given([daoCreated([alice], { maxMembers: 2 }), joinRequested(bob), joinRequested(carol), deposited(bob, 1n), activated(bob)])
        .when(deposit(carol, 5n))
        .then([depositFact(carol, 5n)]));
  });

  describe('pending join requests', () => {
    const open = daoCreated([alice], { access: 'open' });
    const stranger = (i: number): Address => `0x${(0x1000 + i).toString(16).padStart(40, '0')}`;
    const strangers = Array.from({ length: DAO_LIMITS.maxPendingJoinRequests }, (_, i) => joinRequested(stranger(i)));
    const DAY = 24 * 3600;
    const expire = (member: Address, requestedAt: string, now: string, afterSeconds = 7 * DAY): DaoCommand => ({
      type: 'ExpireJoinRequest',
      data: { member, requestedAt, afterSeconds },
      metadata: meta('system:scheduler', now),
    });
    const expired = (member: Address, requestedAt: string, expiredAt: string) => ({
      type: 'MemberJoinRequestExpired' as const,
      data: { member, requestedAt, expiredAt },
    });

    it(`refuses a request once ${DAO_LIMITS.maxPendingJoinRequests} await a decision`, () =>
      given([open, ...strangers])
        .when(join(bob))
        .thenThrows('DAO.JOIN_REQUESTS_FULL'));
    it('admitted requests (approved, awaiting a deposit) do not count against the cap', () =>
      given([
        daoCreated([alice], { access: 'hybrid' }),
        ...strangers,
        { type: 'MemberApproved', data: { member: stranger(0), approvedBy: 'admin:key-1', approvedAt: T0 } },
      ])
        .when(join(bob))
        .then([joinRequested(bob)]));
    it('a lapsed request frees its place', () =>
      given([open, ...strangers, expired(stranger(3), T0, at(7 * DAY))])
        .when(join(bob, at(7 * DAY)))
        .then([joinRequested(bob, at(7 * DAY))]));
    it('a request nobody acted on lapses after the waiting time: the requester is REMOVED and may ask again', () => {
      given([open, joinRequested(bob)])
        .when(expire(bob, T0, at(7 * DAY)))
        .then([expired(bob, T0, at(7 * DAY))]);
      expect(activeDao([open, joinRequested(bob), expired(bob, T0, at(7 * DAY))]).members.get(bob)?.status).toBe('REMOVED');
      given([open, joinRequested(bob), expired(bob, T0, at(7 * DAY))])
        .when(join(bob, at(8 * DAY)))
        .then([joinRequested(bob, at(8 * DAY))]);
    });
    it('refuses to expire it early (the job is retried)', () =>
      given([open, joinRequested(bob)])
        .when(expire(bob, T0, at(7 * DAY - 1)))
        .thenThrows('MEMBER.JOIN_REQUEST_NOT_DUE'));
    it('expires nothing once someone acted on it, or when a later request replaced it', () => {
      const hybrid = daoCreated([alice], { access: 'hybrid' });
      const approved = { type: 'MemberApproved' as const, data: { member: bob, approvedBy: 'admin:key-1', approvedAt: T0 } };
      given([hybrid, joinRequested(bob), approved])
        .when(expire(bob, T0, at(8 * DAY)))
        .then([]);
      given([hybrid, joinRequested(bob), deposited(bob, 1n)])
        .when(expire(bob, T0, at(8 * DAY)))
        .then([]);
      given([open, joinRequested(bob), expired(bob, T0, at(7 * DAY)), joinRequested(bob, at(8 * DAY))])
        .when(expire(bob, T0, at(9 * DAY)))
        .then([]);
      given([open])
        .when(expire(alice, T0, at(9 * DAY)))
        .then([]);
    });
  });
  describe('closed DAO', () => {
    it('a deposit never activates: only an ADD_MEMBER vote does', () =>
      given([daoCreated([alice], { access: 'closed' }), joinRequested(bob)])
        .when(deposit(bob, 100n))
        .then([depositFact(bob, 100n)]));

    it('admins cannot approve: admission is by vote', () =>
      given([daoCreated([alice], { access: 'closed' }), joinRequested(bob)])
        .when(approve(bob))
        .thenThrows('MEMBER.APPROVAL_NOT_APPLICABLE'));
  });

  describe('hybrid DAO', () => {
    const hybrid = daoCreated([alice], { access: 'hybrid', minimumDeposit: 10n });
    const approved = {
      type: 'MemberApproved' as const,
      data: { member: bob, approvedBy: 'admin:key-1', approvedAt: T0 },
    };

    it('a deposit before approval leaves the member PENDING', () =>
      given([hybrid, joinRequested(bob)])
        .when(deposit(bob, 10n))
        .then([depositFact(bob, 10n)]));

    it('an admin approves, then the first deposit activates', () => {
      given([hybrid, joinRequested(bob)])
        .when(approve(bob))
        .then([approved]);
      given([hybrid, joinRequested(bob), approved])
        .when(deposit(bob, 10n))
        .then([depositFact(bob, 10n), activated(bob)]);
    });

    it('approval of a member who already deposited activates at once', () =>
      given([hybrid, joinRequested(bob), deposited(bob, 10n)])
        .when(approve(bob))
        .then([approved, activated(bob)]));

    it('only an admin may approve', () =>
      given([hybrid, joinRequested(bob)])
        .when(approve(bob, meta(alice)))
        .thenThrows('AUTH.ADMIN_REQUIRED'));

    it('cannot approve twice', () =>
      given([hybrid, joinRequested(bob), approved])
        .when(approve(bob))
        .thenThrows('MEMBER.NOT_PENDING'));
  });

  describe('suspension', () => {
    const dao = daoCreated([alice, bob]);
    const suspend = (reason = 'spam'): DaoCommand => ({
      type: 'SuspendMember',
      data: { member: bob, reason },
      metadata: adminMeta(),
    });
    const reinstate: DaoCommand = {
      type: 'ReinstateMember',
      data: { member: bob, reason: 'appeal' },
      metadata: adminMeta(),
    };
    const suspended = {
      type: 'MemberSuspended' as const,
      data: { member: bob, reason: 'spam', suspendedBy: 'admin:key-1', suspendedAt: T0 },
    };

    it('an admin suspends an ACTIVE member with a reason', () => given([dao]).when(suspend()).then([suspended]));
    it('requires a reason', () => given([dao]).when(suspend('  ')).thenThrows('MEMBER.REASON_REQUIRED'));
    it('reinstates a suspended member', () =>
      given([dao, suspended])
        .when(reinstate)
        .then([
          {
            type: 'MemberReinstated',
            data: { member: bob, reason: 'appeal', reinstatedBy: 'admin:key-1', reinstatedAt: T0 },
          },
        ]));
    it('cannot reinstate someone not suspended', () => given([dao]).when(reinstate).thenThrows('MEMBER.NOT_SUSPENDED'));
    it('a suspended member has no weight', () => expect(activeDao([dao, suspended]).members.get(bob)?.weight).toBe(0n));
    it('refuses an unknown member', () =>
      given([dao])
        .when({ type: 'SuspendMember', data: { member: dave, reason: 'x' }, metadata: adminMeta() })
        .thenThrows('MEMBER.NOT_FOUND'));
  });

  describe('leaving and balances', () => {
    const weighted = daoCreated([alice, bob], { votingType: 'weighted' });

    it('a member with an empty balance leaves (REMOVED)', () =>
      given([weighted])
        .when({ type: 'LeaveDao', data: { member: bob }, metadata: meta(bob) })
        .then([{ type: 'MemberLeft', data: { member: bob, leftAt: T0 } }]));

    it('a member holding funds must withdraw first', () =>
      given([weighted, deposited(bob, 5n)])
        .when({ type: 'LeaveDao', data: { member: bob }, metadata: meta(bob) })
        .thenThrows('MEMBER.HAS_BALANCE'));

    it('weighted voting power follows the balance', () =>
      expect(activeDao([weighted, deposited(bob, 70n), deposited(bob, 30n)]).members.get(bob)).toMatchObject({
        totalDeposited: 100n,
        currentBalance: 100n,
        weight: 100n,
      }));

    it('withdrawing everything makes an ACTIVE member INACTIVE; depositing again reactivates', () => {
      given([weighted, deposited(bob, 5n)])
        .when(withdrawal(bob, 5n))
        .then([
          {
            type: 'WithdrawalConfirmed',
            data: {
              member: bob,
              amount: 5n,
              chainId: 31337,
              txHash: '0x0def',
              logIndex: 1,
              confirmedAt: T0,
              withdrawalId: null,
            },
          },
          { type: 'MemberBecameInactive', data: { member: bob, at: T0 } },
        ]);
      const inactive = { type: 'MemberBecameInactive' as const, data: { member: bob, at: T0 } };
      given([
        weighted,
        deposited(bob, 5n),
        {
          type: 'WithdrawalConfirmed',
          data: {
            member: bob,
            amount: 5n,
            chainId: 1,
            txHash: '0x1',
            logIndex: 0,
            confirmedAt: T0,
            withdrawalId: null,
          },
        },
        inactive,
      ])
        .when(deposit(bob, 1n))
        .then([depositFact(bob, 1n), activated(bob)]);
    });

    it('refuses a confirmed withdrawal above the recorded balance (log out of order)', () =>
      given([weighted, deposited(bob, 5n)])
        .when(withdrawal(bob, 6n))
        .thenThrows('WITHDRAWAL.EXCEEDS_BALANCE'));

    it('refuses a zero deposit', () => given([weighted]).when(deposit(bob, 0n)).thenThrows('DEPOSIT.INVALID_AMOUNT'));
  });
});
