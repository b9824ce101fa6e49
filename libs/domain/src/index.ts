export type { Command, CommandMetadata, Decider, Event } from './shared/decider';
export { assertNever, fold } from './shared/decider';
export type { DomainErrorKind, FieldError } from './shared/domain-error';
export { DomainError } from './shared/domain-error';

export type { Address } from './shared/address';
export { isChecksumAddress, isHexAddress, normaliseAddress, sameAddress, toChecksumAddress } from './shared/address';
export { keccak256 } from './shared/keccak256';
export type { Hash, Hex } from './shared/hex';
export { isHash, isHex, lowerHex } from './shared/hex';

export type { DaoAccess, DaoConfiguration, DaoConfigurationInput, ProposalType, VotingType, YieldMode } from './dao/dao-configuration';
export { DAO_DEFAULTS, DAO_LIMITS, PROPOSAL_LIMITS, PROPOSAL_TYPES } from './dao/dao-configuration';
export { VAULT_LIMITS, VAULT_WITHDRAWAL_WINDOW_SECONDS } from './dao/vault-limits';
export type { ChainIntegerType } from './shared/chain-integer';
export { CHAIN_INTEGERS, chainIntegerMessage, fitsChainInteger, INT96_MAX, parseWholeNumber, UINT256_MAX } from './shared/chain-integer';
export type { ValidatedDaoConfiguration } from './dao/validate-dao-configuration';
export { validateDaoConfiguration } from './dao/validate-dao-configuration';
export type * from './dao/dao-commands';
export type * from './dao/dao-events';
export type * from './dao/dao-state';
export { initialDaoState } from './dao/dao-state';
export { daoDecider } from './dao/dao-decider';
export type { RequestWithdrawal } from './dao/funds/request-withdrawal';
export { requestWithdrawal } from './dao/funds/request-withdrawal';
export { memberWeight } from './dao/member-weight';
export type * from './dao/admins/admin-events';
export { UNPUBLISHED_EVENT_FIELDS } from './dao/admins/admin-events';
export type * from './dao/admins/admin-commands';
export type { AdminRoster, DaoAdminKey } from './dao/admins/admin-roster';
export { ADMIN_LIMITS, emptyAdminRoster, keyIsLive } from './dao/admins/admin-roster';
export { adminKeyActor, isAdminActor, PLATFORM_ADMIN, siweActor } from './dao/admins/admin-actors';

export type * from './proposal/proposal-commands';
export type * from './proposal/proposal-events';
export type * from './proposal/proposal-payloads';
export type * from './proposal/proposal-state';
export type { Tally, VoteChoice, VotingRules } from './proposal/tally';
export { outcomeDecided, passes, quorumReached, thresholdPassed } from './proposal/tally';
export { initialProposalState } from './proposal/proposal-state';
export { BallotBook } from './proposal/ballot-book';
export { proposalDecider } from './proposal/proposal-decider';
export { validateProposalPayload } from './proposal/validate-proposal-payload';
export { submitProposal } from './proposal/submit-proposal';
export { castVote } from './proposal/cast-vote';
export { canCloseEarly, closeVoting, uncastWeight } from './proposal/close-voting';
export { cancelProposal, vetoProposal } from './proposal/cancel-proposal';
export { expireProposal } from './proposal/expire-proposal';
export { remindVoters, reminderDueAt } from './proposal/remind-voters';
export { queueProposal, recordProposalExecuted, recordProposalExecutionFailed, scheduleProposal } from './proposal/execution';
export { applyProposalEffects } from './proposal/apply-proposal-effects';

// Execution: the DAO's treasury stream and the process manager that drives proposals on chain.
export type * from './execution/treasury-events';
export type * from './execution/treasury-commands';
export type * from './execution/treasury-state';
export type { ExecutionAction, VaultParameterChanges } from './execution/proposal-actions';
export type { ExecutionStep } from './execution/next-execution-step';
export type { ExecutionHistory, ExecutionStates } from './execution/execution-history';
export {
  evolveTreasury,
  initialTreasuryState,
  operationOf,
  organiserTransactionsOf,
  sharePoolCreatorTransactionsOf,
  setupTransactionsOf,
  transactionsOf,
} from './execution/treasury-state';
export type { OrganiserCall } from './execution/rosca-organiser-action';
export {
  decideOrganiserAction,
  describeOrganiserCall,
  organiserCallOf,
  organiserCommand,
  requireOrganisedPool,
} from './execution/rosca-organiser-action';
export type { OrganiserEvents, OrganiserStates } from './execution/propose-rosca-organiser-action';
export { organiserPoolOf, proposeRoscaOrganiserAction, recordRoscaOrganiserExecution } from './execution/propose-rosca-organiser-action';
export type { DistributionUnits, SharePoolCreatorEvents, SharePoolCreatorStates } from './execution/share-pool-creator-action';
export {
  decideSharePoolCreatorAction,
  describeSharePoolCreatorAction,
  isSharePoolDistribution,
  proposeSharePoolCreatorAction,
  recordSharePoolCreatorExecution,
  requireCreatedPool,
  sharePoolCreatorPoolOf,
} from './execution/share-pool-creator-action';
export type { OrganiserStep } from './execution/next-organiser-step';
export { nextOrganiserStep } from './execution/next-organiser-step';
export { describeAction, proposalActions, splitFee } from './execution/proposal-actions';
export { executionSalt } from './execution/execution-salt';
export { nextSafeNonce } from './execution/safe-nonce';
export { nextExecutionStep } from './execution/next-execution-step';
export type { SetupStep } from './execution/next-setup-step';
export { nextSetupStep } from './execution/next-setup-step';
export { NO_OPERATION, proposeModuleEnable, recordSafeModuleEnabled } from './execution/propose-module-enable';
export { recordDaoContractsDeployed, recordDaoDeploymentFailed } from './execution/record-contracts-deployed';
export { proposeSafeTransaction } from './execution/propose-safe-transaction';
export { addSafeSignature, dropSafeSignatures, thresholdMet } from './execution/add-safe-signature';
export { abandonSafeTransaction } from './execution/abandon-safe-transaction';
export { recordSafeTransactionExecuted } from './execution/record-safe-execution';
export { recordTimelockOperationExecuted, recordTimelockOperationFailed } from './execution/record-timelock-outcome';
export { foldExecution } from './execution/execution-history';
export { recordTreasuryChainChange } from './execution/record-treasury-chain-change';
export { retractTreasuryChainChanges } from './execution/retract-treasury-chain-changes';

export type { DomainEvent, DomainEventType, StreamKind, StreamKindName, StreamRef } from './streams/stream-catalogue';
export { parseStreamId, relayerStreamId, streams } from './streams/stream-catalogue';
export type * from './webhooks/webhook-events';
export type * from './processing/processing-events';
export type {
  RelayerBalanceLow,
  RelayerBalanceReading,
  RelayerBalanceRestored,
  RelayerEvent,
  RelayerState,
} from './relayer/relayer-events';
export { noteRelayerBalance } from './relayer/relayer-events';

// Rotating pools (ROSCAs): the pure domain model and its money rules.
export type * from './rotating/rosca-commands';
export type * from './rotating/rosca-events';
export type * from './rotating/rosca-state';
export type { RotatingPoolConfiguration, RotatingPoolConfigurationInput, RotationMethod } from './rotating/rosca-configuration';
export { LATE_PERIOD_SECONDS, ROSCA_DEFAULTS, ROSCA_LIMITS, ROTATION_METHODS, STRIKES_TO_EXPEL } from './rotating/rosca-configuration';
export { validateRoscaConfiguration } from './rotating/validate-rosca-configuration';
export { initialRoscaState, poolHeld } from './rotating/rosca-state';
export { evolveRosca } from './rotating/evolve-rosca';
export { roscaDecider } from './rotating/rosca-decider';
export type { DissolutionInput } from './rotating/rosca-money';
export { activeMembers, dueAtOf } from './rotating/rosca-state';
export type { ChainEffect } from './rotating/rosca-effects';
export { departureKey, nextEffect, settlementKey } from './rotating/rosca-effects';
export { bpsOf, collateralFor, dissolutionRefunds, holdbackFor, latePenalty, releasable, splitDiscount } from './rotating/rosca-money';
export type { DrawInputs } from './rotating/draw-order';
export { drawOrder, drawSeed, lotteryCommitment } from './rotating/draw-order';
export type {
  ContributionEntry,
  EffectConfirmation,
  RoscaHistory,
  RoscaTotals,
  RoundEntry,
  SettlementEntry,
} from './rotating/rosca-history';
export { contributionKey, evolveRoscaHistory, initialRoscaHistory, roscaTotals, roundEntries } from './rotating/rosca-history';
export type { StoredRoscaHistory } from './rotating/rosca-history-codec';
export { restoreRoscaHistory, storeRoscaHistory } from './rotating/rosca-history-codec';

// Share pools (seed 001): 10,000 basis-point shares, five ways in, pro-rata distributions through a GDA pool.
export type * from './shares/share-pool-commands';
export type * from './shares/share-pool-events';
export type * from './shares/share-pool-state';
export type {
  AccessConditionSpec,
  CrowdfundingTerms,
  DistributionType,
  SharePoolConfiguration,
  SharePoolConfigurationInput,
  StakingTerms,
  Visibility,
  WayToAccess,
} from './shares/share-pool-configuration';
export {
  DISTRIBUTION_TYPES,
  SHARE_POOL_DEFAULTS,
  SHARE_POOL_LIMITS,
  STAKE_RATE_SCALE,
  TOTAL_SHARES,
  VISIBILITIES,
  WAYS_TO_ACCESS,
} from './shares/share-pool-configuration';
export { validateSharePoolConfiguration } from './shares/validate-share-pool-configuration';
export type { AccessCheck, AccessCondition, AccessContext, ObservedBalance } from './shares/access-conditions';
export { accessConditionOf, allowlistCondition, minimumBalanceCondition } from './shares/access-conditions';
export { initialSharePoolState, outgoingShares, participants, sharesConserved, sharesOf, unreserved } from './shares/share-pool-state';
export { evolveSharePool } from './shares/evolve-share-pool';
export { sharePoolDecider } from './shares/share-pool-decider';
export type { Allocation, Contribution } from './shares/crowdfunding-allocation';
export { allocateCrowdfunding } from './shares/crowdfunding-allocation';
export type {
  DistributionLedger,
  HolderPayment,
  HolderRate,
  Holding,
  HoldingDisagreement,
  InstantLedger,
  StreamLedger,
} from './shares/distribution-ledger';
export { distributionLedger, streamLedger } from './shares/distribution-ledger';
export type { StakeAccrual, StakeAccrualInput } from './shares/stake-accrual';
export { stakeAccrual } from './shares/stake-accrual';
export type { DistributionEntry, Movement, MovementReason, OpenStream, SharePoolHistory, StatementLine } from './shares/share-pool-history';
export {
  eventTime as sharePoolEventTime,
  evolveSharePoolHistory,
  holderStatement,
  initialSharePoolHistory,
} from './shares/share-pool-history';
export type { StoredSharePoolHistory } from './shares/share-pool-history-codec';
export { restoreSharePoolHistory, storeSharePoolHistory } from './shares/share-pool-history-codec';
