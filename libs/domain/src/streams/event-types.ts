import type { DaoEvent } from '../dao/dao-events';
import type { TreasuryEvent } from '../execution/treasury-events';
import type { ProcessingEvent } from '../processing/processing-events';
import type { ProposalEvent } from '../proposal/proposal-events';
import type { RelayerEvent } from '../relayer/relayer-events';
import type { RoscaEvent } from '../rotating/rosca-events';
import type { SharePoolEvent } from '../shares/share-pool-events';
import type { WebhookEvent } from '../webhooks/webhook-events';

/**
 * A union of event types as a list at run time. Given as a record so that the compiler refuses a list that
 * misses a type of the union or names one it does not hold: a new event cannot be forgotten by a processor
 * that handles every event of its stream.
 */
const typesOf = <T extends string>(types: { readonly [K in T]: true }): readonly T[] => Object.keys(types) as T[];

export const DAO_EVENT_TYPES = typesOf<DaoEvent['type']>({
  DaoCreated: true,
  MemberJoinRequested: true,
  MemberJoinRequestExpired: true,
  MemberApproved: true,
  MemberAdmitted: true,
  MemberActivated: true,
  MemberBecameInactive: true,
  MemberSuspended: true,
  MemberReinstated: true,
  MemberLeft: true,
  MemberRemoved: true,
  DepositConfirmed: true,
  WithdrawalConfirmed: true,
  ChainFactRetracted: true,
  WithdrawalRequested: true,
  WithdrawalApproved: true,
  EmergencyExitRequested: true,
  EmergencyExitCompleted: true,
  DaoTreasuryChanged: true,
  ProposalOpened: true,
  ProposalSettled: true,
  DaoConfigurationChanged: true,
  DaoAdminKeyCreated: true,
  DaoAdminKeyRevoked: true,
  DaoAdminWalletAdded: true,
  DaoAdminWalletRemoved: true,
});

export const PROPOSAL_EVENT_TYPES = typesOf<ProposalEvent['type']>({
  ProposalSubmitted: true,
  VoteCast: true,
  ProposalCanceled: true,
  ProposalVetoed: true,
  ProposalSucceeded: true,
  ProposalDefeated: true,
  ProposalExpired: true,
  ProposalReminderDue: true,
  ProposalQueued: true,
  ProposalScheduled: true,
  ProposalExecuted: true,
  ProposalExecutionFailed: true,
});

export const TREASURY_EVENT_TYPES = typesOf<TreasuryEvent['type']>({
  DaoContractsDeployed: true,
  DaoDeploymentFailed: true,
  SafeTransactionProposed: true,
  SafeTransactionSignatureAdded: true,
  SafeTransactionSignatureReplaced: true,
  SafeTransactionSignatureDropped: true,
  SafeTransactionAbandoned: true,
  SafeTransactionExecuted: true,
  SafeTransactionReplaced: true,
  RoscaOrganiserActionRefused: true,
  SharePoolCreatorActionRefused: true,
  SafeModuleEnabled: true,
  TimelockOperationScheduled: true,
  TimelockOperationExecuted: true,
  TimelockOperationFailed: true,
  TimelockOperationCancelled: true,
  SafeOwnerAdded: true,
  SafeOwnerRemoved: true,
  SafeThresholdChanged: true,
  TimelockDelayChanged: true,
  TreasuryChainChangesRetracted: true,
});

export const WEBHOOK_EVENT_TYPES = typesOf<WebhookEvent['type']>({ WebhookEndpointDisabled: true });

export const PROCESSING_EVENT_TYPES = typesOf<ProcessingEvent['type']>({ StreamQuarantined: true });

export const RELAYER_EVENT_TYPES = typesOf<RelayerEvent['type']>({ RelayerBalanceLow: true, RelayerBalanceRestored: true });

export const ROSCA_EVENT_TYPES = typesOf<RoscaEvent['type']>({
  RotatingPoolCreated: true,
  RotatingPoolMemberJoined: true,
  LotterySecretRevealed: true,
  RotatingPoolStarted: true,
  ContributionPaid: true,
  ContributionDefaulted: true,
  RotatingPoolMemberDeparted: true,
  BidPlaced: true,
  RoundSettled: true,
  RotatingPoolCompleted: true,
  RotatingPoolPaused: true,
  RotatingPoolResumed: true,
  DissolutionVoted: true,
  RotatingPoolDissolved: true,
  RotatingPoolDeployed: true,
  RotatingPoolJoinRequested: true,
  RotatingPoolJoinFailed: true,
  RotationOrderVoted: true,
  EarlyPaymentRequested: true,
  RoundAnnounced: true,
  ContributionsLate: true,
  RotatingPoolEffectConfirmed: true,
});

export const SHARE_POOL_EVENT_TYPES = typesOf<SharePoolEvent['type']>({
  SharePoolCreated: true,
  SharePoolDeployed: true,
  SharePurchaseRequested: true,
  SharesPurchased: true,
  SharePurchaseFailed: true,
  SharePoolJoinRequested: true,
  JoinRequestApproved: true,
  JoinRequestRejected: true,
  SharesAssigned: true,
  ShareCodesGenerated: true,
  ShareCodesRevoked: true,
  ShareCodeRedeemed: true,
  SharesGranted: true,
  ShareGrantFailed: true,
  ShareTransferRequested: true,
  SharesTransferred: true,
  ShareTransferFailed: true,
  ContributionRequested: true,
  ContributionEscrowed: true,
  ContributionFailed: true,
  CrowdfundingReached: true,
  CrowdfundingRefunded: true,
  StakeRequested: true,
  Staked: true,
  StakeFailed: true,
  UnstakeRequested: true,
  Unstaked: true,
  UnstakeFailed: true,
  StakeSharesAccrued: true,
  DistributionRecorded: true,
  DistributionStreamStopped: true,
  DistributionRoundCompleted: true,
  SharePoolPaused: true,
  SharePoolResumed: true,
  SharePoolOperatorChanged: true,
  SharePoolDeleted: true,
});
