import type { Address } from '../shared/address';
import type { DaoConfiguration } from '../dao/dao-configuration';
import type { DaoEvent } from '../dao/dao-events';
import { activeDao, activated, daoCreated, deposited, joinRequested, twoStreamSpec } from '../testing/dao-history';
import { addressOf, alice, at, bob, carol, dave, DAY, meta, T0 } from '../testing/fixtures';
import { castVote } from './cast-vote';
import { closeVoting, uncastWeight } from './close-voting';
import { evolveProposal } from './evolve-proposal';
import { initialProposalState, type ActiveProposal } from './proposal-state';
import type { CastVote, CloseVoting, SubmitProposal } from './proposal-commands';
import type { ProposalEvent, VoteCast } from './proposal-events';
import { submitProposal } from './submit-proposal';
import type { VoteChoice } from './tally';

const { given: givenVote } = twoStreamSpec((command: CastVote, s) => castVote(command, s.proposal, s.dao));
const { given: givenClose } = twoStreamSpec((command: CloseVoting, s) => closeVoting(command, s.proposal));

const submit = (proposer: Address, type = 'CHANGE_STRATEGY', payload: unknown = { strategy: carol }, now = T0): SubmitProposal => ({
  type: 'SubmitProposal',
  data: { proposalId: 'p-1', proposer, type, payload },
  metadata: meta(proposer, now),
});
/** Submits through the real use case, so specs vote on exactly what submission freezes. */
const opened = (dao: readonly DaoEvent[], command = submit(alice)) => {
  const events = submitProposal(command, activeDao(dao));
  return { dao: [...dao, ...events.dao], proposal: [...events.proposal] };
};
const vote = (voter: Address, choice: VoteChoice, now = at(60)): CastVote => ({
  type: 'CastVote',
  data: { proposalId: 'p-1', voter, choice },
  metadata: meta(voter, now),
});
const ballot = (voter: Address, choice: VoteChoice, weight = 1n, replaces: VoteChoice | null = null, castAt = at(60)): VoteCast => ({
  type: 'VoteCast',
  data: { proposalId: 'p-1', voter, choice, weight, replaces, castAt },
});
const close = (now = at(3 * DAY)): CloseVoting => ({
  type: 'CloseVoting',
  data: { proposalId: 'p-1' },
  metadata: meta('system:deadline', now),
});
const outcomeOf = (history: { dao: readonly DaoEvent[]; proposal: readonly ProposalEvent[] }) =>
  givenClose(history).when(close()).result().proposal[0]?.type;

const three = (config: Partial<DaoConfiguration> = {}) => [daoCreated([alice, bob, carol], config)];

describe('Voting', () => {
  describe('who may vote', () => {
    it('records a vote by an eligible member with their frozen weight', () =>
      givenVote(opened(three()))
        .when(vote(bob, 'for'))
        .then({ dao: [], proposal: [ballot(bob, 'for')] }));

    it('keeps the reason the voter signed with their ballot', () =>
      givenVote(opened(three()))
        .when({ ...vote(bob, 'for'), data: { ...vote(bob, 'for').data, reason: 'Better yield' } })
        .then({ dao: [], proposal: [{ ...ballot(bob, 'for'), data: { ...ballot(bob, 'for').data, reason: 'Better yield' } }] }));

    it('refuses a non-member', () => givenVote(opened(three())).when(vote(dave, 'for')).thenThrows('VOTE.NOT_ELIGIBLE'));

    it('refuses a PENDING member', () =>
      givenVote(opened([...three(), joinRequested(dave)]))
        .when(vote(dave, 'for'))
        .thenThrows('VOTE.NOT_ELIGIBLE'));

    it('refuses a member who joined after the proposal was created', () => {
      const history = opened([...three(), joinRequested(dave)]);
      givenVote({ ...history, dao: [...history.dao, deposited(dave, 1n), activated(dave)] })
        .when(vote(dave, 'for'))
        .thenThrows('VOTE.NOT_ELIGIBLE');
    });

    it('refuses a member SUSPENDED before the proposal', () => {
      const suspended: DaoEvent = {
        type: 'MemberSuspended',
        data: { member: bob, reason: 'x', suspendedBy: 'admin:k', suspendedAt: T0 },
      };
      givenVote(opened([...three(), suspended]))
        .when(vote(bob, 'for'))
        .thenThrows('VOTE.NOT_ELIGIBLE');
    });

    it('refuses a member SUSPENDED while the proposal runs', () => {
      const history = opened(three());
      const suspended: DaoEvent = {
        type: 'MemberSuspended',
        data: { member: bob, reason: 'x', suspendedBy: 'admin:k', suspendedAt: T0 },
      };
      givenVote({ ...history, dao: [...history.dao, suspended] })
        .when(vote(bob, 'for'))
        .thenThrows('MEMBER.NOT_ACTIVE');
    });

    it('refuses a REMOVED member', () => {
      const left: DaoEvent = { type: 'MemberLeft', data: { member: bob, leftAt: T0 } };
      givenVote(opened([...three(), left]))
        .when(vote(bob, 'for'))
        .thenThrows('VOTE.NOT_ELIGIBLE');
      const history = opened(three());
      givenVote({ ...history, dao: [...history.dao, left] })
        .when(vote(bob, 'for'))
        .thenThrows('MEMBER.NOT_ACTIVE');
    });

    it('refuses a vote at or after the deadline', () =>
      givenVote(opened(three()))
        .when(vote(bob, 'for', at(3 * DAY)))
        .thenThrows('PROPOSAL.VOTING_ENDED'));

    it('refuses a vote on a closed proposal', () => {
      const history = opened(three());
      givenVote({ ...history, proposal: [...history.proposal, ...givenClose(history).when(close()).result().proposal] })
        .when(vote(bob, 'for'))
        .thenThrows('PROPOSAL.NOT_ACTIVE');
    });

    it('refuses an unknown choice', () =>
      givenVote(opened(three()))
        .when(vote(bob, 'maybe' as VoteChoice))
        .thenThrows('VOTE.INVALID_CHOICE'));
  });

  describe('voting twice', () => {
    it('refuses a second ballot when the DAO does not allow changes', () => {
      const history = opened(three());
      givenVote({ ...history, proposal: [...history.proposal, ballot(bob, 'for')] })
        .when(vote(bob, 'against'))
        .thenThrows('VOTE.ALREADY_CAST');
    });

    it('records a change as a new ballot that names what it replaces, when allowed', () => {
      const history = opened(three({ allowVoteChange: true }));
      givenVote({ ...history, proposal: [...history.proposal, ballot(bob, 'for')] })
        .when(vote(bob, 'against', at(120)))
        .then({ dao: [], proposal: [ballot(bob, 'against', 1n, 'for', at(120))] });
    });

    it('counts only the latest ballot of a voter', () => {
      const history = opened(three({ allowVoteChange: true }));
      const proposal = [...history.proposal, ballot(alice, 'for'), ballot(bob, 'for'), ballot(bob, 'against', 1n, 'for')];
      expect(
        givenClose({ ...history, proposal })
          .when(close())
          .result().proposal[0],
      ).toMatchObject({
        type: 'ProposalDefeated',
        data: { tally: { for: 1n, against: 1n, abstain: 0n } },
      });
    });

    it('treats the same choice again as already recorded', () => {
      const history = opened(three({ allowVoteChange: true }));
      givenVote({ ...history, proposal: [...history.proposal, ballot(bob, 'for')] })
        .when(vote(bob, 'for'))
        .then({ dao: [], proposal: [] });
    });
  });

  describe('outcome', () => {
    // Ten democratic voters make the boundaries exact: quorum 5100 bps of 10 needs 5.1 → 6 ballots.
    const ten = Array.from({ length: 10 }, (_, i) => addressOf(`voter-${i}`));
    const tenDao = (config: Partial<DaoConfiguration> = {}) => opened([daoCreated(ten, config)], submit(ten[0]));
    const ballots = (history: ReturnType<typeof tenDao>, choices: VoteChoice[]) => ({
      ...history,
      proposal: [...history.proposal, ...choices.map((choice, i) => ballot(ten[i], choice))],
    });

    it('quorum is met exactly at the boundary (≥)', () => {
      // quorum 5000 bps of 10 = 5 ballots: 5 meet it, 4 do not.
      expect(outcomeOf(ballots(tenDao({ quorumBps: 5000 }), ['for', 'for', 'for', 'against', 'abstain']))).toBe('ProposalSucceeded');
      expect(outcomeOf(ballots(tenDao({ quorumBps: 5000 }), ['for', 'for', 'for', 'against']))).toBe('ProposalDefeated');
    });

    it('quorum counts abstentions', () =>
      expect(outcomeOf(ballots(tenDao({ quorumBps: 5000 }), ['for', 'abstain', 'abstain', 'abstain', 'abstain']))).toBe(
        'ProposalSucceeded',
      ));

    it('reports a defeat for lack of quorum', () =>
      expect(
        givenClose(ballots(tenDao(), ['for', 'for']))
          .when(close())
          .result().proposal[0],
      ).toMatchObject({
        type: 'ProposalDefeated',
        data: { quorumReached: false },
      }));

    it('a tie is defeated: more than half is needed', () =>
      expect(outcomeOf(ballots(tenDao(), ['for', 'for', 'for', 'against', 'against', 'against']))).toBe('ProposalDefeated'));

    it('abstain-only ballots meet quorum but never pass', () =>
      expect(outcomeOf(ballots(tenDao(), Array<VoteChoice>(10).fill('abstain')))).toBe('ProposalDefeated'));

    describe('REMOVE_MEMBER needs more than 60%', () => {
      const removal = (choices: VoteChoice[]) => {
        const history = opened([daoCreated(ten)], submit(ten[0], 'REMOVE_MEMBER', { member: ten[9], reason: 'absent' }));
        return ballots(history, choices);
      };
      it('freezes the 6000 bps threshold', () => expect(removal([]).proposal[0]).toMatchObject({ data: { thresholdBps: 6000 } }));
      it('exactly 60% is defeated', () =>
        expect(outcomeOf(removal(['for', 'for', 'for', 'for', 'for', 'for', 'against', 'against', 'against', 'against']))).toBe(
          'ProposalDefeated',
        ));
      it('7 of 10 passes', () =>
        expect(outcomeOf(removal(['for', 'for', 'for', 'for', 'for', 'for', 'for', 'against', 'against', 'against']))).toBe(
          'ProposalSucceeded',
        ));
    });

    it('weighted and democratic voting give different outcomes on the same ballots', () => {
      // alice holds 100, bob and carol 1 each. alice for; bob and carol against.
      const funded = (votingType: DaoConfiguration['votingType']) => [
        daoCreated([alice, bob, carol], { votingType }),
        deposited(alice, 100n),
        deposited(bob, 1n),
        deposited(carol, 1n),
      ];
      const run = (votingType: DaoConfiguration['votingType']) => {
        const history = opened(funded(votingType));
        const weight = (who: Address) => (votingType === 'weighted' ? (who === alice ? 100n : 1n) : 1n);
        return outcomeOf({
          ...history,
          proposal: [
            ...history.proposal,
            ballot(alice, 'for', weight(alice)),
            ballot(bob, 'against', weight(bob)),
            ballot(carol, 'against', weight(carol)),
          ],
        });
      };
      expect(run('weighted')).toBe('ProposalSucceeded');
      expect(run('democratic')).toBe('ProposalDefeated');
    });

    it('weighs a weighted vote by the balance frozen at submission, not a later deposit', () => {
      const history = opened([daoCreated([alice, bob], { votingType: 'weighted' }), deposited(alice, 10n), deposited(bob, 30n)]);
      givenVote({ ...history, dao: [...history.dao, deposited(bob, 1000n)] })
        .when(vote(bob, 'for'))
        .then({ dao: [], proposal: [ballot(bob, 'for', 30n)] });
    });
  });

  describe('closing', () => {
    it('refuses to close before the deadline without early close', () =>
      givenClose(opened(three()))
        .when(close(at(DAY)))
        .thenThrows('PROPOSAL.VOTING_NOT_ENDED'));

    it('closes at the deadline and frees the DAO slot', () => {
      const history = opened(three());
      givenClose({ ...history, proposal: [...history.proposal, ballot(alice, 'for'), ballot(bob, 'for')] })
        .when(close())
        .then({
          dao: [{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Succeeded' } }],
          proposal: [
            {
              type: 'ProposalSucceeded',
              data: {
                proposalId: 'p-1',
                tally: { for: 2n, against: 0n, abstain: 0n },
                closedAt: at(3 * DAY),
                early: false,
                queueBy: at(10 * DAY),
              },
            },
          ],
        });
    });

    it('closes exactly once: a second close decides nothing', () => {
      const history = opened(three());
      const first = givenClose(history).when(close()).result();
      givenClose({ dao: [...history.dao, ...first.dao], proposal: [...history.proposal, ...first.proposal] })
        .when(close(at(3 * DAY + 5)))
        .then({ dao: [], proposal: [] });
    });

    describe('early close', () => {
      const early = (extra: Partial<DaoConfiguration> = {}) => opened(three({ earlyClose: true, ...extra }));

      it('closes as soon as everyone voted', () => {
        const history = early();
        const result = givenVote({
          ...history,
          proposal: [...history.proposal, ballot(alice, 'for'), ballot(bob, 'against')],
        })
          .when(vote(carol, 'abstain'))
          .result();
        expect(result.proposal.map((e) => e.type)).toEqual(['VoteCast', 'ProposalDefeated']);
        expect(result.dao).toEqual([{ type: 'ProposalSettled', data: { proposalId: 'p-1', outcome: 'Defeated' } }]);
      });

      it('counts as uncast exactly the frozen weight of the voters without a ballot, through changed votes', () => {
        const history = opened([
          ...three({ votingType: 'weighted', allowVoteChange: true }),
          deposited(alice, 700n),
          deposited(bob, 200n),
          deposited(carol, 100n),
        ]);
        const submitted = history.proposal[0] as Extract<ProposalEvent, { type: 'ProposalSubmitted' }>;
        const weights = new Map(submitted.data.eligibleVoters.map((v) => [v.voter, v.weight]));
        let state = history.proposal.reduce(evolveProposal, initialProposalState());
        const walk = (p: ActiveProposal) => [...p.eligibleVoters].filter(([v]) => !p.ballots.has(v)).reduce((sum, [, w]) => sum + w, 0n);
        const sequence: [Address, VoteChoice][] = [
          [bob, 'for'],
          [bob, 'against'],
          [alice, 'abstain'],
          [bob, 'abstain'],
          [carol, 'for'],
          [alice, 'for'],
        ];
        for (const [voter, choice] of sequence) {
          const previous = (state as ActiveProposal).ballots.get(voter);
          state = evolveProposal(state, ballot(voter, choice, weights.get(voter), previous?.choice ?? null));
          expect(uncastWeight(state as ActiveProposal)).toBe(walk(state as ActiveProposal));
        }
        expect(uncastWeight(state as ActiveProposal)).toBe(0n);
      });

      it('closes when the remaining weight cannot flip the outcome', () => {
        const history = early();
        const result = givenVote({ ...history, proposal: [...history.proposal, ballot(alice, 'for')] })
          .when(vote(bob, 'for'))
          .result();
        expect(result.proposal.map((e) => e.type)).toEqual(['VoteCast', 'ProposalSucceeded']);
      });

      it('stays open while the outcome can still change', () =>
        givenVote(early())
          .when(vote(bob, 'for'))
          .then({ dao: [], proposal: [ballot(bob, 'for')] }));

      it('does not close early when the DAO did not opt in', () =>
        givenVote({ ...opened(three()), proposal: [...opened(three()).proposal, ballot(alice, 'for')] })
          .when(vote(bob, 'for'))
          .then({ dao: [], proposal: [ballot(bob, 'for')] }));

      it('the deadline job may still close early-decided proposals', () =>
        expect(
          givenClose({ ...early(), proposal: [...early().proposal, ballot(alice, 'against'), ballot(bob, 'against')] })
            .when(close(at(DAY)))
            .result().proposal[0],
        ).toMatchObject({ type: 'ProposalDefeated', data: { early: true } }));
    });
  });

  describe('frozen rules', () => {
    it('a parameter change after submission does not alter the running proposal', () => {
      const history = opened(three({ quorumBps: 5100 }));
      const dao = activeDao(history.dao);
      const changed: DaoEvent = {
        type: 'DaoConfigurationChanged',
        data: {
          proposalId: 'p-0',
          changes: { quorumBps: 10_000 },
          configuration: { ...dao.configuration, quorumBps: 10_000 },
          changedAt: at(10),
        },
      };
      // 2 of 3 meet the frozen 51% quorum, though the new configuration would need all three.
      expect(
        outcomeOf({
          dao: [...history.dao, changed],
          proposal: [...history.proposal, ballot(alice, 'for'), ballot(bob, 'for')],
        }),
      ).toBe('ProposalSucceeded');
      expect(history.proposal[0]).toMatchObject({ data: { quorumBps: 5100, totalEligibleWeight: 3n } });
    });
  });

  it('counts 50 voters exactly', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => addressOf(`member-${i}`));
    let history = opened([daoCreated(fifty, { maxMembers: 50 })], submit(fifty[0]));
    for (const [i, voter] of fifty.entries()) {
      const result = givenVote(history)
        .when(vote(voter, i % 5 === 0 ? 'against' : 'for'))
        .result();
      history = { dao: [...history.dao, ...result.dao], proposal: [...history.proposal, ...result.proposal] };
    }
    expect(history.proposal.filter((e) => e.type === 'VoteCast')).toHaveLength(50);
    expect(givenClose(history).when(close()).result().proposal[0]).toMatchObject({
      data: { tally: { for: 40n, against: 10n, abstain: 0n } },
    });
  });
});
