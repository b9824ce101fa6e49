import { assertNever, type Decider } from '../shared/decider';
import type { RoscaCommand } from './rosca-commands';
import { pauseRotatingPool, requestRoscaExit, resumeRotatingPool, voteToDissolve } from './rosca-departures';
import type { RoscaEvent } from './rosca-events';
import { createRotatingPool, joinRotatingPool, revealLotterySecret, startRotatingPool, voteOnRotationOrder } from './rosca-forming';
import {
  announceRound,
  confirmRotatingPoolEffect,
  failRotatingPoolJoin,
  markContributionsLate,
  recordRotatingPoolDeployment,
  requestEarlyPayment,
  requestToJoinRotatingPool,
} from './rosca-operations';
import { payContribution, placeBid, settleRound } from './rosca-rounds';
import { initialRoscaState, type RoscaState } from './rosca-state';
import { evolveRosca } from './evolve-rosca';

/**
 * A rotating pool (ROSCA), stream `rosca-<poolId>`: members pay a fixed contribution every round and one
 * member a round receives the pot. The money rules (module doc of rosca-money.ts and departure()):
 *
 * No later recipient is ever short. A member who has received the pot can never walk away owing more than
 * the pool holds of theirs: their collateral stays in the pool while it is needed to cover their remaining
 * contributions, and whatever their collateral does not cover is held back from their payout
 * (holdback = max(0, remaining contributions − collateral)). Each round they pay releases what is no longer
 * needed (held-back payout first, then collateral). A default is paid from that cover; a received member who
 * leaves moves what they still owe to the reserve, which pays their share each round. A member who leaves
 * before receiving gives up their slot: it becomes a refund round that returns what they put in (less any exit
 * penalty); what that round's pot does not need goes to the reserve and pays their missing share in the rounds
 * after. The validator refuses a platform fee so high that a payout could not hold back what it must.
 */
export const roscaDecider: Decider<RoscaCommand, RoscaEvent, RoscaState> = {
  decide: (command, state): readonly RoscaEvent[] => {
    switch (command.type) {
      case 'CreateRotatingPool':
        return createRotatingPool(command, state);
      case 'JoinRotatingPool':
        return joinRotatingPool(command, state, evolveRosca);
      case 'RevealLotterySecret':
        return revealLotterySecret(command, state, evolveRosca);
      case 'StartRotatingPool':
        return startRotatingPool(command, state);
      case 'PayContribution':
        return payContribution(command, state, evolveRosca);
      case 'PlaceBid':
        return placeBid(command, state);
      case 'SettleRound':
        return settleRound(command, state, evolveRosca);
      case 'RequestRoscaExit':
        return requestRoscaExit(command, state);
      case 'PauseRotatingPool':
        return pauseRotatingPool(command, state);
      case 'ResumeRotatingPool':
        return resumeRotatingPool(command, state);
      case 'VoteToDissolve':
        return voteToDissolve(command, state);
      case 'RecordRotatingPoolDeployment':
        return recordRotatingPoolDeployment(command, state);
      case 'RequestToJoinRotatingPool':
        return requestToJoinRotatingPool(command, state);
      case 'FailRotatingPoolJoin':
        return failRotatingPoolJoin(command, state);
      case 'VoteOnRotationOrder':
        return voteOnRotationOrder(command, state, evolveRosca);
      case 'RequestEarlyPayment':
        return requestEarlyPayment(command, state);
      case 'AnnounceRound':
        return announceRound(command, state);
      case 'MarkContributionsLate':
        return markContributionsLate(command, state);
      case 'ConfirmRotatingPoolEffect':
        return confirmRotatingPoolEffect(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveRosca,
  initialState: initialRoscaState,
};
