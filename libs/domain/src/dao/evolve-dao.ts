import type { Address } from '../shared/address';
import { assertNever } from '../shared/decider';
import { emptyAdminRoster, evolveAdminRoster } from './admins/admin-roster';
import type { ChainFactRetracted, DaoEvent, DepositConfirmed, WithdrawalConfirmed } from './dao-events';
import type { ActiveDao, DaoState, Member } from './dao-state';
import { chainKey, reweighAll, setStatus, updateMember, updateWithdrawal } from './dao-state-updates';
import { memberWeight } from './member-weight';

export const evolveDao = (state: DaoState, event: DaoEvent): DaoState => {
  if (event.type === 'DaoCreated') return created(event.data);
  if (state.status !== 'Active') return state;
  return evolveActive(state, event);
};

const created = (data: Extract<DaoEvent, { type: 'DaoCreated' }>['data']): ActiveDao => {
  const { daoId, configuration, founders, createdAt, createdBy } = data;
  const members = new Map<Address, Member>(
    founders.map((address) => [
      address,
      {
        address,
        status: 'ACTIVE',
        totalDeposited: 0n,
        currentBalance: 0n,
        accruedYield: 0n,
        joinedAt: createdAt,
        weight: memberWeight('ACTIVE', 0n, configuration.votingType),
        admitted: true,
        units: null,
        pendingRemoval: null,
        requestedAt: null,
      },
    ]),
  );
  return {
    status: 'Active',
    daoId,
    configuration,
    createdAt,
    createdBy,
    members,
    withdrawals: new Map(),
    emergencyExits: new Map(),
    activeProposals: new Set(),
    chainEvents: new Map(),
    admins: emptyAdminRoster(),
  };
};

const evolveActive = (dao: ActiveDao, event: DaoEvent): ActiveDao => {
  switch (event.type) {
    case 'DaoCreated':
      return dao;
    case 'MemberJoinRequested':
      return updateMember(dao, event.data.member, () => ({
        status: 'PENDING',
        admitted: false,
        pendingRemoval: null,
        requestedAt: event.data.requestedAt,
      }));
    case 'MemberJoinRequestExpired':
      return updateMember(dao, event.data.member, setStatus('REMOVED'));
    case 'MemberApproved':
      return updateMember(dao, event.data.member, () => ({ admitted: true }));
    case 'MemberAdmitted':
      return updateMember(dao, event.data.member, (m) => ({
        admitted: true,
        units: event.data.units,
        ...(event.data.active ? setStatus('ACTIVE', event.data.admittedAt)(m) : { status: 'PENDING' as const }),
      }));
    case 'MemberActivated':
      return updateMember(dao, event.data.member, setStatus('ACTIVE', event.data.activatedAt));
    case 'MemberBecameInactive':
      return updateMember(dao, event.data.member, setStatus('INACTIVE'));
    case 'MemberSuspended':
      return updateMember(dao, event.data.member, setStatus('SUSPENDED'));
    case 'MemberReinstated':
      return updateMember(dao, event.data.member, setStatus('ACTIVE', event.data.reinstatedAt));
    case 'MemberLeft':
      return updateMember(dao, event.data.member, setStatus('REMOVED'));
    case 'MemberRemoved':
      return updateMember(dao, event.data.member, () => ({ status: 'REMOVED', pendingRemoval: null, units: 0n }));
    case 'DepositConfirmed': {
      const next = updateMember(dao, event.data.member, (m) => ({
        totalDeposited: m.totalDeposited + event.data.amount,
        currentBalance: m.currentBalance + event.data.amount,
      }));
      return withChainFact(next, event, dao.members.get(event.data.member));
    }
    case 'WithdrawalConfirmed': {
      let next = updateMember(dao, event.data.member, (m) => ({
        currentBalance: m.currentBalance - event.data.amount,
      }));
      if (event.data.withdrawalId) next = updateWithdrawal(next, event.data.withdrawalId, { status: 'confirmed' });
      return withChainFact(next, event, dao.members.get(event.data.member));
    }
    case 'ChainFactRetracted':
      return retracted(dao, event);
    case 'WithdrawalRequested': {
      const { withdrawalId, member, amount, kind, status, proposalId, requestedAt } = event.data;
      const withdrawals = new Map(dao.withdrawals);
      withdrawals.set(withdrawalId, { withdrawalId, member, amount, kind, status, proposalId, requestedAt });
      return { ...dao, withdrawals };
    }
    case 'WithdrawalApproved':
      return event.data.withdrawalId ? updateWithdrawal(dao, event.data.withdrawalId, { status: 'approved' }) : dao;
    case 'EmergencyExitRequested': {
      const { member, requestedAt, availableAt } = event.data;
      return { ...dao, emergencyExits: new Map(dao.emergencyExits).set(member, { member, requestedAt, availableAt }) };
    }
    case 'EmergencyExitCompleted': {
      const emergencyExits = new Map(dao.emergencyExits);
      emergencyExits.delete(event.data.member);
      return { ...updateMember(dao, event.data.member, setStatus('REMOVED')), emergencyExits };
    }
    case 'ProposalOpened': {
      const next = { ...dao, activeProposals: new Set(dao.activeProposals).add(event.data.proposalId) };
      const { subject, type, proposalId } = event.data;
      return type === 'REMOVE_MEMBER' && subject ? updateMember(next, subject, () => ({ pendingRemoval: proposalId })) : next;
    }
    case 'DaoTreasuryChanged': {
      const { treasurers, treasurerThreshold, timelockDelaySeconds } = event.data;
      return { ...dao, configuration: { ...dao.configuration, treasurers, treasurerThreshold, timelockDelaySeconds } };
    }
    case 'ProposalSettled':
      return settled(dao, event.data.proposalId, event.data.outcome);
    case 'DaoConfigurationChanged':
      return reweighAll({ ...dao, configuration: event.data.configuration });
    case 'DaoAdminKeyCreated':
    case 'DaoAdminKeyRevoked':
    case 'DaoAdminWalletAdded':
    case 'DaoAdminWalletRemoved':
      return { ...dao, admins: evolveAdminRoster(dao.admins, event) };
    default:
      return assertNever(event);
  }
};

/** Frees the voting slot; a proposal that will never take effect also releases what it held. */
const settled = (dao: ActiveDao, proposalId: string, outcome: string): ActiveDao => {
  const activeProposals = new Set(dao.activeProposals);
  activeProposals.delete(proposalId);
  let next: ActiveDao = { ...dao, activeProposals };
  if (outcome === 'Succeeded') return next;
  for (const member of dao.members.values())
    if (member.pendingRemoval === proposalId) next = updateMember(next, member.address, () => ({ pendingRemoval: null }));
  for (const w of dao.withdrawals.values())
    if (w.proposalId === proposalId && w.status === 'awaiting-vote') next = updateWithdrawal(next, w.withdrawalId, { status: 'rejected' });
  return next;
};

const withChainFact = (dao: ActiveDao, event: DepositConfirmed | WithdrawalConfirmed, before: Member | undefined): ActiveDao => {
  const { member, amount, chainId, txHash, logIndex, blockNumber, blockHash } = event.data;
  const withdrawalId = event.type === 'WithdrawalConfirmed' ? event.data.withdrawalId : null;
  const chainEvents = new Map(dao.chainEvents).set(chainKey(event.data), {
    fact: event.type,
    member,
    amount,
    chainId,
    txHash,
    logIndex,
    blockNumber: blockNumber ?? null,
    blockHash: blockHash ?? null,
    withdrawalId,
    statusBefore: before?.status ?? 'PENDING',
    joinedAtBefore: before?.joinedAt ?? null,
  });
  return { ...dao, chainEvents };
};

/** Undoes a deposit's or withdrawal's balance from the event alone (read models fold it without the chain keys). */
const retracted = (dao: ActiveDao, event: ChainFactRetracted): ActiveDao => {
  const { fact, member, amount, withdrawalId, restored } = event.data;
  let next =
    fact === 'DepositConfirmed'
      ? updateMember(dao, member, (m) => ({
          totalDeposited: m.totalDeposited - amount,
          currentBalance: m.currentBalance - amount,
          ...(restored ? { status: restored.status, joinedAt: restored.joinedAt } : {}),
        }))
      : updateMember(dao, member, (m) => ({ currentBalance: m.currentBalance + amount }));
  if (withdrawalId) next = updateWithdrawal(next, withdrawalId, { status: 'approved' });
  const chainEvents = new Map(dao.chainEvents);
  chainEvents.delete(chainKey(event.data));
  return { ...next, chainEvents };
};
