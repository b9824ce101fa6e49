// The public entry point of @ayllu/chain: a plain list of exports, nothing else.
export { cfaForwarderAbi } from './abi/cfa-v1-forwarder';
export { gdaForwarderAbi } from './abi/gda-v1-forwarder';
export { gdaAbi } from './abi/general-distribution-agreement-v1';
export { multiSendCallOnlyAbi } from './abi/multi-send-call-only';
export { safeAbi } from './abi/safe-l2';
export { safeProxyFactoryAbi } from './abi/safe-proxy-factory';
export { superTokenAbi } from './abi/super-token';
export { superfluidPoolAbi } from './abi/superfluid-pool';
export { timelockAbi } from './abi/timelock-controller';
export { deploySafeSingletons } from './local/deploy-safe-singletons';
export type { SafeSingletons } from './local/deploy-safe-singletons';
export { canonicalSafeAddresses, deployCanonicalSafe } from './local/deploy-canonical-safe';
export { deployLocalNetwork } from './local/deploy-local-network';
export { buildSafeTransaction } from './safe/build-safe-transaction';
export type { BuildSafeTransactionParams } from './safe/build-safe-transaction';
export { deploySafe } from './safe/deploy-safe';
export type { DeploySafeParams } from './safe/deploy-safe';
export { encodeMultiSendCallOnly } from './safe/encode-multi-send';
export { encodeSafeSignatures } from './safe/encode-safe-signatures';
export {
  buildSafeSignatureBytes,
  parseRecordedSignature,
  recordedContractSignature,
  safeTransactionPreimage,
  servedSafeMessageTypedData,
} from './safe/contract-signature';
export type { ParsedSafeSignature, ServedSafeMessageTypedData } from './safe/contract-signature';
export { executeSafeTransaction, SafeExecutionError } from './safe/execute-safe-transaction';
export type { SafeExecutionErrorCode, SafeExecutionResult } from './safe/execute-safe-transaction';
export { readSafeExecution } from './safe/read-safe-execution';
export type { SafeExecutionOutcome } from './safe/read-safe-execution';
export { readSafeState } from './safe/read-safe-state';
export type { SafeState } from './safe/read-safe-state';
export { SafeOperation } from './safe/safe-transaction';
export type { SafeCall, SafeSignature, SafeTransaction } from './safe/safe-transaction';
export { hashSafeTransaction, safeTransactionTypedData, safeTxTypes } from './safe/safe-typed-data';
export type { SafeTransactionContext } from './safe/safe-typed-data';
export { verifySafeSignature } from './safe/verify-safe-signature';
export { recoverSigner } from './signatures/recover-signer';
export { normaliseSafeSignature } from './safe/normalise-safe-signature';
export type { NormalisedSafeSignature } from './safe/normalise-safe-signature';
export { safeCallRefusal, safeExecutionRefusal, safeSignatureRefusal } from './safe/check-safe-execution';
export type { SafeSignatureCheck } from './safe/verify-safe-signature';
export { deployTimelock } from './timelock/deploy-timelock';
export { readTimelockOperation, timelockOperationStates } from './timelock/read-timelock-operation';
export type { TimelockOperation, TimelockOperationState } from './timelock/read-timelock-operation';
export type { TimelockBatch } from './timelock/timelock-batch';
export { cancelOperationCall, executeBatchCall, scheduleBatchCall } from './timelock/timelock-calldata';
export { timelockOperationId } from './timelock/timelock-operation-id';
export { bootstrapSafeCalls } from './deploy/bootstrap-safe-calls';
export { deployDao } from './deploy/deploy-dao';
export { deployModuleRelay } from './deploy/deploy-module-relay';
export { findSafeModule, moduleCallOf, moduleRelayCall } from './safe/module-relay';
export type { DaoDeployment, DaoSafeSpec, DeployDaoParams } from './deploy/deploy-dao';
export { deployVaultProxy } from './deploy/deploy-vault-proxy';
export { communityVaultImplementation, deterministicVaultImplementation, SAFE_SINGLETON_FACTORY } from './deploy/vault-implementation';
export type { VaultConfig, VaultParameters } from './deploy/deploy-vault-proxy';
export { claimAllCall, connectPoolCall, distributeCall, distributeFlowCall } from './superfluid/payout-calls';
export type { PayoutPool } from './superfluid/payout-calls';
export { readMemberPayout } from './superfluid/read-member-payout';
export type { MemberPayout } from './superfluid/read-member-payout';
export { readVaultMember } from './vault/read-vault-member';
export type { VaultMember } from './vault/read-vault-member';
export { deployRotatingPool } from './rotating/deploy-rotating-pool';
export type { DeployedRotatingPool, DeployRotatingPoolParams, RotatingPoolTerms } from './rotating/deploy-rotating-pool';
export {
  approveRotatingPoolCall,
  beginRotatingPoolCall,
  claimDeferredCall,
  collectContributionCall,
  dissolveCall,
  joinRotatingPoolCall,
  pauseRotatingPoolCall,
  readCollected,
  readReleased,
  readRotatingPool,
  readSettled,
  releaseCall,
  resumeRotatingPoolCall,
  sendRotatingPoolCall,
  setRotatingPoolOperatorCall,
  settleRoundCall,
  startWithOrderCall,
} from './rotating/rotating-pool-calls';
export type { RotatingPoolPayment, RotatingPoolProgress } from './rotating/rotating-pool-calls';
export { deploySharePool, predictSharePoolAddress, SHARE_POOL_RATE_SCALE, sharePoolSalt } from './shares/deploy-share-pool';
export type { DeployedSharePool, DeploySharePoolParams, SharePoolConfig } from './shares/deploy-share-pool';
export {
  accrueStakeSharesCall,
  approveSharePoolCall,
  assignSharesCall,
  buySharesCall,
  claimSharePoolDeferredCall,
  contributeCall,
  finalizeCrowdfundingCall,
  grantSharesCall,
  setSharePoolOperatorCall,
  setSharePoolPausedCall,
  sharePoolKey,
  stakeCall,
  transferSharesCall,
  unstakeCall,
} from './shares/share-pool-calls';
export { readSharePool, readSharePoolKeyUsed, readSharesOf, sendSharePoolCall } from './shares/share-pool-reads';
export type { SharePoolCrowdfundingStatus, SharePoolHoldings } from './shares/share-pool-reads';
export { PoolUnitsUnaccountedError, readPoolUnitsAt } from './shares/read-pool-units';
export type { PoolUnitsAt, ReadPoolUnitsParams } from './shares/read-pool-units';
export {
  admitMemberCall,
  approveDepositCall,
  approveWithdrawalCall,
  completeEmergencyExitCall,
  depositCall,
  harvestCall,
  removeMemberCall,
  requestEmergencyExitCall,
  setStrategyCall,
  withdrawCall,
} from './vault/vault-calls';
export type { ChainFact, ChainFactType, FactOrigin, WatchedContracts } from './indexer/chain-facts';
export { ChainIndexer, ReorgTooDeepError } from './indexer/chain-indexer';
export type { BlockRef, ChainIndexerOptions, IndexerCheckpoint, PollResult } from './indexer/chain-indexer';
export { decodeChainLogs } from './indexer/decode-chain-logs';
export { defaultRetryPolicy, RpcHealthTracker } from './indexer/rpc-health';
export type { RetryPolicy, RpcHealth, RpcHealthStatus } from './indexer/rpc-health';
export { classifyChainError, isRevert } from './errors/chain-error-kind';
export type { ChainErrorKind, ClassifiedChainError } from './errors/chain-error-kind';
export { FeesAboveCapError, type FeesAboveCapDetails } from './errors/fees-above-cap';
export { builtInNetworks, findBuiltInNetwork } from './networks/built-in-networks';
export { devChainProfile } from './networks/dev-chain-profile';
export { checkNetworkProfile, readNetworkProfile, selectNetworkProfile } from './networks/load-network-profile';
export { NetworkProfileError, parseNetworkProfile, profileContracts } from './networks/network-profile';
export { DEV_NETWORK_PROFILE_FILE, openNetwork, resolveNetwork } from './networks/resolve-network';
export type { NetworkSelection, SelectedNetwork } from './networks/resolve-network';
export type {
  AylluContracts,
  DevelopmentContracts,
  NetworkProfile,
  ProfileToken,
  SafeContracts,
  SuperfluidContracts,
} from './networks/network-profile';
export { servedSafeTypedData } from './safe/served-safe-typed-data';
export type { ServedTypedData } from './safe/served-safe-typed-data';
export { repoRootFrom } from './local/repo-root';
