import type { Address } from '../shared/address';
import type { DaoEvent } from '../dao/dao-events';
import { requestWithdrawal, type RequestWithdrawal } from '../dao/funds/request-withdrawal';
import { activeDao, daoCreated, deposited, joinRequested, twoStreamSpec } from '../testing/dao-history';
import { specFor } from '../testing/given';
import { adminMeta, alice, at, bob, carol, dave, DAY, HOUR, meta, T0 } from '../testing/fixtures';
import { applyProposalEffects } from './apply-proposal-effects';
import { cancelProposal, vetoProposal } from './cancel-proposal';
import { expireProposal } from './expire-proposal';
import type { CancelProposal, StreamEvents, SubmitProposal, VetoProposal } from './proposal-commands';
import type { ProposalEvent } from './proposal-events';
import { remindVoters } from './remind-voters';
import { submitProposal } from './submit-proposal';
import { fold } from '../shared/decider';
import { daoDecider } from '../dao/dao-decider';
import { proposalDecider } from './proposal-decider';
import { VAULT_LIMITS } from '../dao/vault-limits';

const { given: givenDao } = specFor(
  (events: readonly DaoEvent[]) => fold(daoDecider, events),
  (c: SubmitProposal, s) => submitProposal(c, s),
);
const { given } = twoStreamSpec((run: (s: ReturnType<typeof import('../testing/dao-history').foldStreams>) => unknown, s) => run(s));

const submit = (type: string, payload: unknown, id = 'p-1', proposer = alice): SubmitProposal => ({
  type: 'SubmitProposal',
  data: { proposalId: id, proposer, type, payload },
  metadata: meta(proposer),
});
const base = [daoCreated([alice, bob, carol])];
const open = (dao: readonly DaoEvent[] = base, command = submit('CHANGE_STRATEGY', { strategy: dave })) => {
  const events = submitProposal(command, activeDao(dao));
  return { dao: [...dao, ...events.dao], proposal: [...events.proposal] as ProposalEvent[] };
};
const append = (h: { dao: readonly DaoEvent[]; proposal: readonly ProposalEvent[] }, r: StreamEvents) => ({
  dao: [...h.dao, ...r.dao],
  proposal: [...h.proposal, ...r.proposal],
});
const vote = (voter: Address): ProposalEvent => ({
  type: 'VoteCast',
  data: { proposalId: 'p-1', voter, choice: 'for', weight: 1n, replaces: null, castAt: T0 },
});
const succeeded = (h: ReturnType<typeof open>) => {
  const voted = { ...h, proposal: [...h.proposal, vote(alice), vote(bob)] };
  const closed: ProposalEvent = {
    type: 'ProposalSucceeded',
    data: {
      proposalId: 'p-1',
      tally: { for: 2n, against: 0n, abstain: 0n },
      closedAt: at(3 * DAY),
      early: false,
      queueBy: at(10 * DAY),
    },
  };
  return append(voted, {
    dao: [{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Succeeded' } }],
    proposal: [closed],
  });
};

describe('Submitting a proposal', () => {
  it('opens it on the DAO and freezes voters, weights, quorum, threshold and deadline', () => {
    const events = givenDao(base)
      .when(submit('ADD_MEMBER', { member: dave }))
      .result();
    expect(events.dao).toEqual([
      { type: 'ProposalOpened', data: { proposalId: 'p-1', type: 'ADD_MEMBER', subject: null, withdrawalId: null } },
    ]);
    expect(events.proposal[0]).toMatchObject({
      type: 'ProposalSubmitted',
      data: {
        eligibleVoters: [
          { voter: alice, weight: 1n },
          { voter: bob, weight: 1n },
          { voter: carol, weight: 1n },
        ],
        totalEligibleWeight: 3n,
        quorumBps: 5100,
        thresholdBps: 5000,
        votingStartsAt: T0,
        votingEndsAt: at(3 * DAY),
        allowVoteChange: false,
        earlyClose: false,
        executionWindowSeconds: 7 * DAY,
      },
    });
  });

  it('keeps the signed title with the frozen rules, and refuses a multi-line or overlong one', () => {
    const titled = (title: string): SubmitProposal => ({
      ...submit('CHANGE_STRATEGY', { strategy: dave }),
      data: { ...submit('CHANGE_STRATEGY', { strategy: dave }).data, title },
    });
    expect(givenDao(base).when(titled('Move idle funds')).result().proposal[0]).toMatchObject({
      data: { title: 'Move idle funds' },
    });
    givenDao(base).when(titled('two\nlines')).thenThrows('PROPOSAL.INVALID_TITLE');
    givenDao(base)
      .when(titled('t'.repeat(201)))
      .thenThrows('PROPOSAL.INVALID_TITLE');
  });

  it('refuses a proposer who is not an ACTIVE member', () => {
    givenDao(base)
      .when(submit('CHANGE_STRATEGY', { strategy: dave }, 'p-1', dave))
      .thenThrows('MEMBER.NOT_FOUND');
    givenDao([...base, joinRequested(dave)])
      .when(submit('CHANGE_STRATEGY', { strategy: dave }, 'p-1', dave))
      .thenThrows('MEMBER.NOT_ACTIVE');
  });

  it('refuses the 11th active proposal', () => {
    let dao: DaoEvent[] = [...base];
    for (let i = 0; i < 10; i++) dao = open(dao, submit('CHANGE_STRATEGY', { strategy: dave }, `p-${i}`)).dao;
    givenDao(dao)
      .when(submit('CHANGE_STRATEGY', { strategy: dave }, 'p-10'))
      .thenThrows('DAO.TOO_MANY_ACTIVE_PROPOSALS');
  });

  it('a settled proposal frees its slot', () => {
    let dao: DaoEvent[] = [...base];
    for (let i = 0; i < 10; i++) dao = open(dao, submit('CHANGE_STRATEGY', { strategy: dave }, `p-${i}`)).dao;
    dao.push({ type: 'ProposalSettled', data: { proposalId: 'p-3', outcome: 'Defeated' } });
    expect(
      givenDao(dao)
        .when(submit('CHANGE_STRATEGY', { strategy: dave }, 'p-10'))
        .result().dao,
    ).toHaveLength(1);
  });

  it.each<[string, unknown, string[]]>([
    ['ADD_MEMBER', { member: 'dave' }, ['payload.member']],
    ['ADD_MEMBER', { member: dave, units: -1n }, ['payload.units']],
    ['REMOVE_MEMBER', { member: bob }, ['payload.reason']],
    ['WITHDRAW_FUNDS', { recipient: dave, amount: 0n }, ['payload.amount']],
    ['WITHDRAW_FUNDS', { recipient: dave.toLowerCase(), amount: '5' }, ['payload.recipient', 'payload.amount']],
    ['CHANGE_PARAMETERS', { changes: {} }, ['payload.changes']],
    ['CHANGE_PARAMETERS', { changes: { color: 'red' } }, ['payload.changes.color']],
    [
      'CHANGE_PARAMETERS',
      { changes: { quorumBps: 0, platformFeeBps: 2000 } },
      ['payload.changes.quorumBps', 'payload.changes.platformFeeBps'],
    ],
    ['CHANGE_PARAMETERS', { changes: { maxMembers: 2 } }, ['payload.changes.maxMembers']],
    ['CHANGE_STRATEGY', {}, ['payload.strategy']],
    ['DISTRIBUTE_YIELDS', { mode: 'stream' }, ['payload.flowRatePerSecond']],
    ['DISTRIBUTE_YIELDS', { mode: 'instant', amount: 5n, flowRatePerSecond: 1n }, ['payload.flowRatePerSecond']],
    ['DISTRIBUTE_YIELDS', { mode: 'rain' }, ['payload.mode']],
    ['UPGRADE_CONTRACT', { implementation: '0x1234' }, ['payload.implementation']],
  ])('validates the %s payload %p', (type, payload, fields) =>
    givenDao(base).when(submit(type, payload)).thenThrows('PROPOSAL.INVALID_PAYLOAD', fields),
  );

  // A value shaped like the event store's bigint tag is what made unknown keys dangerous: nothing but the
  // type's own fields may reach the log.
  const tagLike = { $bigint: '1' };
  it.each<[string, Record<string, unknown>]>([
    ['ADD_MEMBER', { member: dave, extra: tagLike }],
    ['REMOVE_MEMBER', { member: bob, reason: 'inactive', extra: tagLike }],
    ['WITHDRAW_FUNDS', { recipient: dave, amount: 5n, extra: tagLike }],
    ['CHANGE_PARAMETERS', { changes: { quorumBps: 6000 }, extra: tagLike }],
    ['CHANGE_STRATEGY', { strategy: dave, extra: tagLike }],
    ['DISTRIBUTE_YIELDS', { mode: 'stop', extra: tagLike }],
    ['UPGRADE_CONTRACT', { implementation: dave, extra: tagLike }],
  ])('refuses a %s payload with a key its type does not define, naming it', (type, payload) =>
    givenDao(base).when(submit(type, payload)).thenThrows('PROPOSAL.INVALID_PAYLOAD', ['payload.extra']),
  );

  it('names every unknown key, beside the errors of the known ones', () =>
    givenDao(base)
      .when(submit('WITHDRAW_FUNDS', { recipient: dave, amount: 0n, $bigint: '1', memo: 'x' }))
      .thenThrows('PROPOSAL.INVALID_PAYLOAD', ['payload.amount', 'payload.$bigint', 'payload.memo']));

  it('refuses a key of another proposal type', () =>
    givenDao(base)
      .when(submit('CHANGE_STRATEGY', { strategy: dave, amount: 5n }))
      .thenThrows('PROPOSAL.INVALID_PAYLOAD', ['payload.amount']));

  it('refuses a CHANGE_PARAMETERS change that is not a configuration field, whatever its value', () =>
    givenDao(base)
      .when(submit('CHANGE_PARAMETERS', { changes: { quorumBps: 6000, extra: tagLike } }))
      .thenThrows('PROPOSAL.INVALID_PAYLOAD', ['payload.changes.extra']));

  it('accepts each valid payload shape', () => {
    for (const [type, payload] of [
      ['ADD_MEMBER', { member: dave, units: 10n }],
      ['REMOVE_MEMBER', { member: bob, reason: 'inactive' }],
      ['WITHDRAW_FUNDS', { recipient: dave, amount: 5n }],
      ['CHANGE_PARAMETERS', { changes: { quorumBps: 6000 } }],
      ['DISTRIBUTE_YIELDS', { mode: 'stop' }],
      ['DISTRIBUTE_YIELDS', { mode: 'instant', amount: 1n }],
      ['UPGRADE_CONTRACT', { implementation: dave }],
    ] as const)
      expect(givenDao(base).when(submit(type, payload)).result().proposal).toHaveLength(1);
  });

  describe('holds amounts, flow rates and vault settings to what the chain accepts', () => {
    const U256 = 2n ** 256n - 1n;
    const I96 = 2n ** 95n - 1n;
    const WAIT = VAULT_LIMITS.maxEmergencyExitWaitSeconds;
    it.each<[string, Record<string, unknown>, string]>([
      ['WITHDRAW_FUNDS', { recipient: dave, amount: U256 + 1n }, 'payload.amount'],
      ['DISTRIBUTE_YIELDS', { mode: 'instant', amount: U256 + 1n }, 'payload.amount'],
      ['DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: I96 + 1n }, 'payload.flowRatePerSecond'],
      ['ADD_MEMBER', { member: dave, units: U256 + 1n }, 'payload.units'],
      ['CHANGE_PARAMETERS', { changes: { minimumDeposit: U256 + 1n } }, 'payload.changes.minimumDeposit'],
      ['CHANGE_PARAMETERS', { changes: { emergencyExitWaitSeconds: 3_000_000 } }, 'payload.changes.emergencyExitWaitSeconds'],
      ['CHANGE_PARAMETERS', { changes: { emergencyExitWaitSeconds: WAIT + 1 } }, 'payload.changes.emergencyExitWaitSeconds'],
      ['CHANGE_PARAMETERS', { changes: { smallWithdrawalLimitBps: 10_001 } }, 'payload.changes.smallWithdrawalLimitBps'],
    ])('refuses %s %p just outside', (type, payload, field) =>
      givenDao(base).when(submit(type, payload)).thenThrows('PROPOSAL.INVALID_PAYLOAD', [field]),
    );
    it.each<[string, Record<string, unknown>]>([
      ['WITHDRAW_FUNDS', { recipient: dave, amount: U256 }],
      ['DISTRIBUTE_YIELDS', { mode: 'instant', amount: U256 }],
      ['DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: I96 }],
      ['CHANGE_PARAMETERS', { changes: { minimumDeposit: U256 } }],
      ['CHANGE_PARAMETERS', { changes: { emergencyExitWaitSeconds: WAIT } }],
      ['CHANGE_PARAMETERS', { changes: { smallWithdrawalLimitBps: 10_000 } }],
    ])('accepts %s %p at the boundary', (type, payload) =>
      expect(givenDao(base).when(submit(type, payload)).result().proposal).toHaveLength(1),
    );
  });

  it('refuses an unknown type', () => givenDao(base).when(submit('SELL_ALL', {})).thenThrows('PROPOSAL.INVALID_TYPE'));
  it('refuses to add an existing member', () =>
    givenDao(base)
      .when(submit('ADD_MEMBER', { member: bob }))
      .thenThrows('MEMBER.ALREADY_MEMBER'));
  it('refuses a second removal vote about the same member', () => {
    const dao = open(base, submit('REMOVE_MEMBER', { member: bob, reason: 'x' })).dao;
    givenDao(dao)
      .when(submit('REMOVE_MEMBER', { member: bob, reason: 'y' }, 'p-2'))
      .thenThrows('MEMBER.REMOVAL_PENDING');
  });
});

describe('Canceling, vetoing, expiring, reminding', () => {
  const cancel = (by = alice): CancelProposal => ({
    type: 'CancelProposal',
    data: { proposalId: 'p-1', canceledBy: by },
    metadata: meta(by),
  });
  const veto = (metadata = adminMeta()): VetoProposal => ({
    type: 'VetoProposal',
    data: { proposalId: 'p-1', reason: 'fraud' },
    metadata,
  });

  it('the proposer cancels before any vote', () =>
    given(open())
      .when((s) => cancelProposal(cancel(), s.proposal))
      .then({
        dao: [{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Canceled' } }],
        proposal: [{ type: 'ProposalCanceled', data: { proposalId: 'p-1', canceledBy: alice, canceledAt: T0 } }],
      }));
  it('nobody else may cancel', () =>
    given(open())
      .when((s) => cancelProposal(cancel(bob), s.proposal))
      .thenThrows('PROPOSAL.NOT_PROPOSER'));
  it('no cancel after a vote', () =>
    given({ ...open(), proposal: [...open().proposal, vote(bob)] })
      .when((s) => cancelProposal(cancel(), s.proposal))
      .thenThrows('PROPOSAL.HAS_VOTES'));

  it('an admin vetoes with a reason; it is recorded as Canceled with vetoed: true', () => {
    const result = given(open())
      .when((s) => vetoProposal(veto(), s.proposal))
      .result() as StreamEvents;
    const state = fold(proposalDecider, [...open().proposal, ...result.proposal]);
    expect(state).toMatchObject({ status: 'Canceled', vetoed: true, reason: 'fraud' });
    expect(result.dao).toEqual([{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Vetoed' } }]);
  });
  it('only an admin vetoes', () =>
    given(open())
      .when((s) => vetoProposal(veto(meta(bob)), s.proposal))
      .thenThrows('AUTH.ADMIN_REQUIRED'));

  it('a Succeeded proposal not queued within the execution window expires', () => {
    const expire = (now: string) => ({
      type: 'ExpireProposal' as const,
      data: { proposalId: 'p-1' },
      metadata: meta('system:expiry', now),
    });
    given(succeeded(open()))
      .when((s) => expireProposal(expire(at(10 * DAY - 1)), s.proposal))
      .thenThrows('PROPOSAL.NOT_EXPIRED');
    given(succeeded(open()))
      .when((s) => expireProposal(expire(at(10 * DAY)), s.proposal))
      .then({
        dao: [{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Expired' } }],
        proposal: [{ type: 'ProposalExpired', data: { proposalId: 'p-1', expiredAt: at(10 * DAY) } }],
      });
  });

  it('a reminder is due 24 h before voting ends, once, naming who has not voted', () => {
    const remind = (now: string) => ({
      type: 'RemindVoters' as const,
      data: { proposalId: 'p-1' },
      metadata: meta('system:reminder', now),
    });
    const history = { ...open(), proposal: [...open().proposal, vote(bob)] };
    given(history)
      .when((s) => remindVoters(remind(at(2 * DAY - HOUR)), s.proposal))
      .thenThrows('PROPOSAL.REMINDER_NOT_DUE');
    const reminder = given(history)
      .when((s) => remindVoters(remind(at(2 * DAY)), s.proposal))
      .result() as ProposalEvent[];
    expect(reminder).toEqual([
      {
        type: 'ProposalReminderDue',
        data: { proposalId: 'p-1', votingEndsAt: at(3 * DAY), notVoted: [alice, carol], remindedAt: at(2 * DAY) },
      },
    ]);
    given({ ...history, proposal: [...history.proposal, ...reminder] })
      .when((s) => remindVoters(remind(at(2 * DAY + 5)), s.proposal))
      .then([]);
  });
});

describe('Withdrawal requests', () => {
  const funded = [daoCreated([alice, bob, carol]), deposited(bob, 1000n)];
  const request = (amount: bigint, member = bob): RequestWithdrawal => ({
    type: 'RequestWithdrawal',
    data: { withdrawalId: 'w-1', member, amount, proposalId: 'p-w1' },
    metadata: meta(member),
  });
  const { given: givenRequest } = specFor((events: readonly DaoEvent[]) => fold(daoDecider, events), requestWithdrawal);

  it('up to the small limit: recorded as approved, no vote', () =>
    givenRequest(funded)
      .when(request(100n))
      .then({
        dao: [
          {
            type: 'WithdrawalRequested',
            data: {
              withdrawalId: 'w-1',
              member: bob,
              amount: 100n,
              kind: 'small',
              status: 'approved',
              proposalId: null,
              requestedAt: T0,
            },
          },
        ],
        proposal: [],
      }));

  it('above the limit: opens a WITHDRAW_FUNDS proposal for it', () => {
    const result = givenRequest(funded).when(request(101n)).result();
    expect(result.dao.map((e) => e.type)).toEqual(['WithdrawalRequested', 'ProposalOpened']);
    expect(result.dao[0]).toMatchObject({ data: { kind: 'large', status: 'awaiting-vote', proposalId: 'p-w1' } });
    expect(result.proposal[0]).toMatchObject({
      data: { type: 'WITHDRAW_FUNDS', payload: { recipient: bob, amount: 101n, withdrawalId: 'w-1' } },
    });
  });

  it.each([0n, -5n])('refuses the amount %p', (amount) =>
    givenRequest(funded).when(request(amount)).thenThrows('WITHDRAWAL.INVALID_AMOUNT'),
  );
  it('refuses more than the balance', () => givenRequest(funded).when(request(1001n)).thenThrows('WITHDRAWAL.EXCEEDS_BALANCE'));
  it('a member under a REMOVE_MEMBER vote may still withdraw', () => {
    const underVote = open(funded, submit('REMOVE_MEMBER', { member: bob, reason: 'absent' })).dao;
    expect(activeDao(underVote).members.get(bob)?.pendingRemoval).toBe('p-1');
    expect(givenRequest(underVote).when(request(100n)).result().dao[0]).toMatchObject({ data: { status: 'approved' } });
  });
  it('a defeated large withdrawal is rejected', () => {
    const dao = [...funded, ...givenRequest(funded).when(request(500n)).result().dao];
    const settled = activeDao([...dao, { type: 'ProposalSettled', data: { proposalId: 'p-w1', outcome: 'Defeated' } }]);
    expect(settled.withdrawals.get('w-1')?.status).toBe('rejected');
  });
});

describe('Execution effects', () => {
  const executed = (dao: readonly DaoEvent[], command: SubmitProposal) => {
    const h = open(dao, command);
    const state = fold(proposalDecider, h.proposal);
    if (state.status === 'Absent') throw new Error('no proposal');
    return applyProposalEffects(state, activeDao(h.dao), adminMeta(at(5 * DAY)));
  };

  it('ADD_MEMBER admits a pending member of a closed DAO as ACTIVE', () =>
    expect(executed([daoCreated([alice], { access: 'closed' }), joinRequested(dave)], submit('ADD_MEMBER', { member: dave }))).toEqual([
      {
        type: 'MemberAdmitted',
        data: { member: dave, proposalId: 'p-1', units: null, active: true, admittedAt: at(5 * DAY) },
      },
    ]));

  it('REMOVE_MEMBER removes the member', () =>
    expect(executed(base, submit('REMOVE_MEMBER', { member: bob, reason: 'absent' }))[0]).toMatchObject({
      type: 'MemberRemoved',
      data: { member: bob },
    }));

  it('CHANGE_PARAMETERS yields the validated new configuration, used by later proposals only', () => {
    const [changed] = executed(base, submit('CHANGE_PARAMETERS', { changes: { quorumBps: 7000 } }));
    expect(changed).toMatchObject({ type: 'DaoConfigurationChanged', data: { configuration: { quorumBps: 7000 } } });
    const later = open([...base, changed], submit('CHANGE_STRATEGY', { strategy: dave }, 'p-2'));
    expect(later.proposal[0]).toMatchObject({ data: { quorumBps: 7000 } });
  });

  it('WITHDRAW_FUNDS approves the withdrawal', () =>
    expect(executed(base, submit('WITHDRAW_FUNDS', { recipient: dave, amount: 5n }))[0]).toMatchObject({
      type: 'WithdrawalApproved',
      data: { recipient: dave, amount: 5n, withdrawalId: null },
    }));
});
