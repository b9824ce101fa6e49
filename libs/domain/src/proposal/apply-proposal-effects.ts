import type { CommandMetadata } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { DaoConfigurationInput } from '../dao/dao-configuration';
import type { DaoEvent } from '../dao/dao-events';
import { hasFreeSeat, requireDao } from '../dao/dao-guards';
import type { DaoState } from '../dao/dao-state';
import { validateDaoConfiguration } from '../dao/validate-dao-configuration';
import { TREASURY_FIELDS, type ProposalOf } from './proposal-payloads';
import type { ExistingProposal } from './proposal-state';

/**
 * What an executed proposal changes in the DAO's own records. CHANGE_STRATEGY, DISTRIBUTE_YIELDS and
 * UPGRADE_CONTRACT act on the vault and the payout pool only; their results come back as chain events.
 * Rules are checked again against the DAO as it is now, since it may have changed during the vote.
 */
export const applyProposalEffects = (proposal: ExistingProposal, state: DaoState, metadata: CommandMetadata): DaoEvent[] => {
  const dao = requireDao(state);
  const { now } = metadata;
  const { proposalId } = proposal;
  // The stored record is not a discriminated union any more (Omit flattens it); rebuild the pair.
  const decided = { type: proposal.type, payload: proposal.payload } as ProposalOf;
  switch (decided.type) {
    case 'ADD_MEMBER': {
      const { member, units } = decided.payload;
      const current = dao.members.get(member);
      if (current && current.status !== 'PENDING' && current.status !== 'REMOVED') return [];
      if (!hasFreeSeat(dao))
        throw new DomainError('DAO.MEMBER_LIMIT_REACHED', `The DAO has its ${dao.configuration.maxMembers} members`, 'conflict');
      // Closed DAOs: the vote is the admission. Open or hybrid: admitted, ACTIVE once the minimum is deposited.
      const balance = current?.currentBalance ?? 0n;
      const active = dao.configuration.access === 'closed' || (balance > 0n && balance >= dao.configuration.minimumDeposit);
      return [{ type: 'MemberAdmitted', data: { member, proposalId, units: units ?? null, active, admittedAt: now } }];
    }
    case 'REMOVE_MEMBER': {
      const { member, reason } = decided.payload;
      if (dao.members.get(member)?.status === 'REMOVED') return [];
      return [{ type: 'MemberRemoved', data: { member, proposalId, reason, removedAt: now } }];
    }
    case 'WITHDRAW_FUNDS': {
      const { recipient, amount, withdrawalId } = decided.payload;
      return [
        {
          type: 'WithdrawalApproved',
          data: { proposalId, withdrawalId: withdrawalId ?? null, recipient, amount, approvedAt: now },
        },
      ];
    }
    case 'CHANGE_PARAMETERS': {
      // The Safe's owners and threshold and the timelock's delay change when the chain says so
      // (DaoTreasuryChanged from the indexer), not because the proposal asked for them.
      const changes = Object.fromEntries(
        Object.entries(decided.payload.changes).filter(([key]) => !(TREASURY_FIELDS as readonly string[]).includes(key)),
      );
      if (Object.keys(changes).length === 0) return [];
      const { configuration } = validateDaoConfiguration({ ...dao.configuration, ...changes } as DaoConfigurationInput);
      return [{ type: 'DaoConfigurationChanged', data: { proposalId, changes, configuration, changedAt: now } }];
    }
    case 'CHANGE_STRATEGY':
    case 'DISTRIBUTE_YIELDS':
    case 'UPGRADE_CONTRACT':
      return [];
  }
};
