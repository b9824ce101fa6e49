import { fold } from '../shared/decider';
import { daoDecider } from '../dao/dao-decider';
import type { DaoEvent } from '../dao/dao-events';
import type { DaoState } from '../dao/dao-state';
import { evolveProposal } from '../proposal/evolve-proposal';
import type { ProposalEvent } from '../proposal/proposal-events';
import { initialProposalState, type ProposalState } from '../proposal/proposal-state';
import type { ExecutionEvents } from './treasury-commands';
import type { TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type TreasuryState } from './treasury-state';

/** The three streams an execution use case reads, as histories (specs) or as loaded states (the worker). */
export interface ExecutionHistory {
  readonly dao: readonly DaoEvent[];
  readonly proposal: readonly ProposalEvent[];
  readonly treasury: readonly TreasuryEvent[];
}

export interface ExecutionStates {
  readonly dao: DaoState;
  readonly proposal: ProposalState;
  readonly treasury: TreasuryState;
}

export const foldExecution = (history: ExecutionHistory): ExecutionStates => ({
  dao: fold(daoDecider, history.dao),
  proposal: history.proposal.reduce(evolveProposal, initialProposalState()),
  treasury: history.treasury.reduce(evolveTreasury, initialTreasuryState()),
});

export const appendExecution = (history: ExecutionHistory, events: ExecutionEvents): ExecutionHistory => ({
  dao: [...history.dao, ...events.dao],
  proposal: [...history.proposal, ...events.proposal],
  treasury: [...history.treasury, ...events.treasury],
});
