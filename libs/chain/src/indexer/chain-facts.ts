import type { Address, Hex } from 'viem';

/** Where a fact came from; `key` (`${chainId}:${txHash}:${logIndex}`) makes appending it idempotent. */
export type FactOrigin = {
  readonly key: string;
  readonly chainId: number;
  readonly blockNumber: bigint;
  readonly blockHash: Hex;
  readonly transactionHash: Hex;
  readonly logIndex: number;
  readonly address: Address;
};

type Fact<T extends string, D> = { readonly type: T; readonly data: D; readonly origin: FactOrigin };

export type ChainFact =
  | Fact<'DepositConfirmed', { member: Address; assets: bigint; shares: bigint }>
  | Fact<'WithdrawalConfirmed', { member: Address; assets: bigint; shares: bigint; usedApproval: boolean }>
  | Fact<'WithdrawalApprovalConfirmed', { member: Address; amount: bigint }>
  | Fact<'MemberRemovalConfirmed', { member: Address; assetsPaid: bigint }>
  | Fact<'EmergencyExitRequestConfirmed', { member: Address; availableAt: bigint }>
  | Fact<'EmergencyExitConfirmed', { member: Address; assetsPaid: bigint }>
  | Fact<'SafeTransactionExecuted', { safeTxHash: Hex; success: boolean }>
  | Fact<'TimelockOperationScheduled', { operationId: Hex; index: bigint; target: Address; value: bigint; data: Hex; delay: bigint }>
  | Fact<'TimelockOperationExecuted', { operationId: Hex; index: bigint; target: Address }>
  | Fact<'TimelockOperationCancelled', { operationId: Hex }>
  | Fact<'SafeOwnerAdded', { owner: Address }>
  | Fact<'SafeOwnerRemoved', { owner: Address }>
  | Fact<'SafeThresholdChanged', { threshold: bigint }>
  | Fact<'TimelockDelayChanged', { oldDelay: bigint; newDelay: bigint }>
  | Fact<'MemberUnitsUpdated', { member: Address; oldUnits: bigint; newUnits: bigint }>
  | Fact<'PayoutClaimed', { member: Address; claimedAmount: bigint }>
  | Fact<'PayoutFlowUpdated', { distributor: Address; oldFlowRate: bigint; newFlowRate: bigint; totalFlowRate: bigint }>
  | Fact<'PayoutDistributed', { distributor: Address; requestedAmount: bigint; actualAmount: bigint }>;

export type ChainFactType = ChainFact['type'];

/** The contracts of one DAO the indexer watches. `gda` is the GDAv1 agreement, which emits flow events. */
export type WatchedContracts = {
  readonly vault: Address;
  readonly safe: Address;
  readonly timelock: Address;
  readonly pool: Address;
  readonly gda: Address;
};
