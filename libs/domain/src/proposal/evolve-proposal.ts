import { assertNever } from '../shared/decider';
import type { ProposalEvent } from './proposal-events';
import type { ProposalState } from './proposal-state';
import { addBallot, EMPTY_TALLY } from './tally';
import { BallotBook, ballotBookOf } from './ballot-book';

export const evolveProposal = (state: ProposalState, event: ProposalEvent): ProposalState => {
  if (event.type === 'ProposalSubmitted') {
    const { eligibleVoters, ...rest } = event.data;
    return {
      ...rest,
      status: 'Active',
      eligibleVoters: new Map(eligibleVoters.map((v) => [v.voter, v.weight])),
      ballots: BallotBook.EMPTY,
      tally: EMPTY_TALLY,
      reminded: false,
    };
  }
  if (state.status === 'Absent') return state;
  // Each transition keeps the record (frozen rules, ballots, tally) and adds what the new status needs.
  switch (event.type) {
    case 'VoteCast': {
      if (state.status !== 'Active') return state;
      const { voter, choice, weight } = event.data;
      const previous = state.ballots.get(voter);
      const withdrawn = previous ? addBallot(state.tally, previous.choice, -previous.weight) : state.tally;
      return {
        ...state,
        ballots: ballotBookOf(state.ballots).with(voter, { choice, weight }),
        tally: addBallot(withdrawn, choice, weight),
      };
    }
    case 'ProposalReminderDue':
      return { ...state, reminded: true };
    case 'ProposalSucceeded':
      return { ...state, status: 'Succeeded', closedAt: event.data.closedAt, queueBy: event.data.queueBy };
    case 'ProposalDefeated':
      return { ...state, status: 'Defeated', closedAt: event.data.closedAt };
    case 'ProposalCanceled':
      return {
        ...state,
        status: 'Canceled',
        canceledAt: event.data.canceledAt,
        canceledBy: event.data.canceledBy,
        vetoed: false,
        reason: null,
      };
    case 'ProposalVetoed':
      return {
        ...state,
        status: 'Canceled',
        canceledAt: event.data.vetoedAt,
        canceledBy: event.data.vetoedBy,
        vetoed: true,
        reason: event.data.reason,
      };
    case 'ProposalExpired':
      return { ...state, status: 'Expired', expiredAt: event.data.expiredAt };
    case 'ProposalQueued':
      return { ...state, status: 'Queued', safeTxHash: event.data.safeTxHash };
    case 'ProposalScheduled':
      return {
        ...state,
        status: 'Scheduled',
        safeTxHash: state.status === 'Queued' ? state.safeTxHash : '0x',
        operationId: event.data.operationId,
        eta: event.data.eta,
      };
    case 'ProposalExecuted':
      return { ...state, status: 'Executed', txHash: event.data.txHash, executedAt: event.data.executedAt };
    case 'ProposalExecutionFailed':
      return { ...state, status: 'Failed', reason: event.data.reason, failedAt: event.data.failedAt };
    default:
      return assertNever(event);
  }
};
