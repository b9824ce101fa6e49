import { randomBytes } from 'node:crypto';
import { DomainError, type ProposalState } from '@ayllu/domain';

/** A proposal id under another DAO's route is as absent as one that never existed. */
export const requireProposalIn = (daoId: string, state: ProposalState): void => {
  if (state.status === 'Absent' || state.daoId !== daoId)
    throw new DomainError('PROPOSAL.NOT_FOUND', 'No such proposal in this DAO', 'not-found');
};

/** Time-ordered, unguessable ids, like DAO ids: `<prefix>_` + 12 hex of milliseconds + 16 random hex. */
export const newId = (prefix: 'prop' | 'wd'): string =>
  `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
