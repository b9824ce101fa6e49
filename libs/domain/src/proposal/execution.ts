import { DomainError } from '../shared/domain-error';
import { isAtOrAfter } from '../shared/time';
import { requireDao } from '../dao/dao-guards';
import type { DaoState } from '../dao/dao-state';
import { applyProposalEffects } from './apply-proposal-effects';
import type {
  QueueProposal,
  RecordProposalExecuted,
  RecordProposalExecutionFailed,
  ScheduleProposal,
  StreamEvents,
} from './proposal-commands';
import type { ProposalQueued, ProposalScheduled } from './proposal-events';
import { requireStatus } from './proposal-guards';
import type { ProposalState } from './proposal-state';

/**
 * The execution path after a vote: Succeeded → Queued (Safe tx proposed to the treasurers) → Scheduled
 * (in the timelock) → Executed | Failed. Driven by the execution process manager; defined here so its
 * transitions are rules, not conventions.
 */
export const queueProposal = (command: QueueProposal, state: ProposalState): ProposalQueued[] => {
  const proposal = requireStatus(state, 'Succeeded');
  if (isAtOrAfter(command.metadata.now, proposal.queueBy))
    throw new DomainError('PROPOSAL.EXECUTION_WINDOW_PASSED', `It had to be queued before ${proposal.queueBy}`, 'conflict');
  const { safeTxHash } = command.data;
  return [{ type: 'ProposalQueued', data: { proposalId: proposal.proposalId, safeTxHash, queuedAt: command.metadata.now } }];
};

export const scheduleProposal = (command: ScheduleProposal, state: ProposalState): ProposalScheduled[] => {
  const proposal = requireStatus(state, 'Queued');
  const { operationId, eta } = command.data;
  return [
    {
      type: 'ProposalScheduled',
      data: { proposalId: proposal.proposalId, operationId, eta, scheduledAt: command.metadata.now },
    },
  ];
};

/** The operation ran on chain: the proposal is Executed and its effects land on the DAO. */
export const recordProposalExecuted = (command: RecordProposalExecuted, state: ProposalState, dao: DaoState): StreamEvents => {
  const proposal = requireStatus(state, 'Scheduled');
  const { now } = command.metadata;
  return {
    dao: applyProposalEffects(proposal, requireDao(dao), command.metadata),
    proposal: [
      {
        type: 'ProposalExecuted',
        data: { proposalId: proposal.proposalId, txHash: command.data.txHash, executedAt: now },
      },
    ],
  };
};

export const recordProposalExecutionFailed = (command: RecordProposalExecutionFailed, state: ProposalState): StreamEvents => {
  const proposal = requireStatus(state, 'Queued', 'Scheduled');
  const { proposalId } = proposal;
  return {
    dao: [{ type: 'ProposalSettled', data: { proposalId, outcome: 'Failed' } }],
    proposal: [
      {
        type: 'ProposalExecutionFailed',
        data: { proposalId, reason: command.data.reason, failedAt: command.metadata.now },
      },
    ],
  };
};
