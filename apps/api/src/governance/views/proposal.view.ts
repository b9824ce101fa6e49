import type { ProposalState } from '@ayllu/domain';
import { ProposalView, proposalViewOf } from '../../governance-reads/proposals/proposal.view';

export { ProposalView };

/** A write answers with the same proposal shape as `GET /v1/daos/:id/proposals/:pid`. */
export const toProposalView = (state: ProposalState): ProposalView | null =>
  state.status === 'Absent' ? null : proposalViewOf(state, true);
