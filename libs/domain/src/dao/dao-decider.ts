import { assertNever, type Decider } from '../shared/decider';
import { addDaoAdminWallet, createDaoAdminKey, removeDaoAdminWallet, revokeDaoAdminKey } from './admins/manage-admins';
import { createDao } from './create-dao';
import type { DaoCommand } from './dao-commands';
import type { DaoEvent } from './dao-events';
import { initialDaoState, type DaoState } from './dao-state';
import { evolveDao } from './evolve-dao';
import { confirmDeposit } from './funds/confirm-deposit';
import { confirmWithdrawal } from './funds/confirm-withdrawal';
import { retractChainFacts } from './funds/retract-chain-facts';
import { completeEmergencyExit, requestEmergencyExit } from './funds/emergency-exit';
import { approveMember } from './membership/approve-member';
import { expireJoinRequest } from './membership/expire-join-request';
import { leaveDao } from './membership/leave-dao';
import { requestToJoin } from './membership/request-to-join';
import { reinstateMember, suspendMember } from './membership/suspend-member';

/**
 * The DAO aggregate, stream `dao-<daoId>`: commands that need only the DAO's own state. Use cases that
 * also touch a proposal stream (submitProposal, requestWithdrawal, castVote, closeVoting, ...) are
 * separate functions returning events per stream.
 */
export const daoDecider: Decider<DaoCommand, DaoEvent, DaoState> = {
  decide: (command, state): readonly DaoEvent[] => {
    switch (command.type) {
      case 'CreateDao':
        return createDao(command, state);
      case 'RequestToJoin':
        return requestToJoin(command, state);
      case 'ExpireJoinRequest':
        return expireJoinRequest(command, state);
      case 'ApproveMember':
        return approveMember(command, state);
      case 'SuspendMember':
        return suspendMember(command, state);
      case 'ReinstateMember':
        return reinstateMember(command, state);
      case 'LeaveDao':
        return leaveDao(command, state);
      case 'RequestEmergencyExit':
        return requestEmergencyExit(command, state);
      case 'CompleteEmergencyExit':
        return completeEmergencyExit(command, state);
      case 'ConfirmDeposit':
        return confirmDeposit(command, state);
      case 'ConfirmWithdrawal':
        return confirmWithdrawal(command, state);
      case 'RetractChainFacts':
        return retractChainFacts(command, state);
      case 'CreateDaoAdminKey':
        return createDaoAdminKey(command, state);
      case 'RevokeDaoAdminKey':
        return revokeDaoAdminKey(command, state);
      case 'AddDaoAdminWallet':
        return addDaoAdminWallet(command, state);
      case 'RemoveDaoAdminWallet':
        return removeDaoAdminWallet(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveDao,
  initialState: initialDaoState,
};
