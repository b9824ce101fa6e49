import { assertNever, type Decider } from '../shared/decider';
import { evolveSharePool } from './evolve-share-pool';
import type { SharePoolCommand } from './share-pool-commands';
import { changeSharePoolOperator, pauseSharePool, resumeSharePool } from './share-pool-controls';
import { confirmSharePoolAction, failSharePoolAction } from './share-pool-confirmations';
import { completeDistributionRound, recordDistribution, stopDistributionStream } from './share-pool-distributions';
import type { SharePoolEvent } from './share-pool-events';
import { accrueStakeShares, contributeToCrowdfunding, finalizeCrowdfunding, stake, unstake } from './share-pool-funds';
import { createSharePool, deleteSharePool, recordSharePoolDeployment } from './share-pool-lifecycle';
import { initialSharePoolState, type SharePoolState } from './share-pool-state';
import {
  assignShares,
  generateShareCodes,
  redeemShareCode,
  rejectJoinRequest,
  requestSharePurchase,
  requestToJoinSharePool,
  revokeShareCodes,
  transferShares,
} from './share-pool-ways-in';

/**
 * A share pool (seed 001), stream `share-pool-<poolId>`: ownership of an asset split into exactly 10,000 shares.
 * The creator (the DAO's Safe) keeps an allocation; the rest is held by the pool's contract (`available`) until a way
 * in moves it: buy, request to join (and airdrop), crowdfunding, staking or one-time codes. Distributions are paid
 * pro rata through a GDA pool whose units are the shares, the contract holding the available ones, so the
 * unallocated part of every distribution stays with the pool (distribution-ledger.ts).
 *
 * Shares move chain-first: a request reserves what it needs and names a key; the worker makes the keyed chain call
 * and reports it (ConfirmSharePoolAction or FailSharePoolAction). Σ holdings + available = 10,000 after every event.
 */
export const sharePoolDecider: Decider<SharePoolCommand, SharePoolEvent, SharePoolState> = {
  decide: (command, state): readonly SharePoolEvent[] => {
    switch (command.type) {
      case 'CreateSharePool':
        return createSharePool(command, state);
      case 'RecordSharePoolDeployment':
        return recordSharePoolDeployment(command, state);
      case 'RequestSharePurchase':
        return requestSharePurchase(command, state);
      case 'RequestToJoinSharePool':
        return requestToJoinSharePool(command, state);
      case 'RejectJoinRequest':
        return rejectJoinRequest(command, state);
      case 'AssignShares':
        return assignShares(command, state);
      case 'GenerateShareCodes':
        return generateShareCodes(command, state);
      case 'RevokeShareCodes':
        return revokeShareCodes(command, state);
      case 'RedeemShareCode':
        return redeemShareCode(command, state);
      case 'TransferShares':
        return transferShares(command, state);
      case 'ContributeToCrowdfunding':
        return contributeToCrowdfunding(command, state);
      case 'FinalizeCrowdfunding':
        return finalizeCrowdfunding(command, state);
      case 'Stake':
        return stake(command, state);
      case 'Unstake':
        return unstake(command, state);
      case 'AccrueStakeShares':
        return accrueStakeShares(command, state);
      case 'ConfirmSharePoolAction':
        return confirmSharePoolAction(command, state);
      case 'FailSharePoolAction':
        return failSharePoolAction(command, state);
      case 'RecordDistribution':
        return recordDistribution(command, state);
      case 'StopDistributionStream':
        return stopDistributionStream(command, state);
      case 'CompleteDistributionRound':
        return completeDistributionRound(command, state);
      case 'PauseSharePool':
        return pauseSharePool(command, state);
      case 'ResumeSharePool':
        return resumeSharePool(command, state);
      case 'ChangeSharePoolOperator':
        return changeSharePoolOperator(command, state);
      case 'DeleteSharePool':
        return deleteSharePool(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveSharePool,
  initialState: initialSharePoolState,
};
