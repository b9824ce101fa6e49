import type { Hash, Hex } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';

/**
 * Stream `treasury-<daoId>`: the DAO's on-chain treasury as the platform drives it. One stream per DAO so that
 * Safe nonces form a strict queue under optimistic concurrency (two proposals never take the same nonce).
 */

/** The addresses the DAO's chain calls go to, recorded once its contracts exist (or its Safe was attached). */
export interface DaoContracts {
  readonly chainId: number;
  readonly safe: Address;
  readonly timelock: Address;
  readonly vault: Address;
  readonly pool: Address;
  /** The Super Token streamed to members. */
  readonly payoutToken: Address;
  readonly gdaForwarder: Address;
  readonly cfaForwarder: Address;
  readonly owners: readonly Address[];
  readonly threshold: number;
  readonly timelockDelaySeconds: number;
  /** First block to index for this DAO. */
  readonly fromBlock: bigint;
  /**
   * The TimelockModuleRelay through which the timelock acts as the Safe (recorded since DAOs could attach a
   * Safe; absent on older records, whose module the chain tells).
   */
  readonly moduleRelay?: Address;
}

export type DaoContractsDeployed = Event<
  'DaoContractsDeployed',
  DaoContracts & { readonly daoId: string; readonly attached: boolean; readonly deployedAt: string }
>;

/**
 * The chain refused to deploy the DAO's contracts (a deployment call reverted, e.g. the vault refusing one of
 * the DAO's settings): trying again with the same settings gets the same answer, so the deployment stops here.
 */
export type DaoDeploymentFailed = Event<
  'DaoDeploymentFailed',
  { readonly daoId: string; readonly reason: string; readonly failedAt: string }
>;

/** What the Safe signs, minus the nonce (kept beside it) and the signatures. */
export interface SafeTransactionFields {
  readonly to: Address;
  readonly value: bigint;
  readonly data: Hex;
  readonly operation: 0 | 1;
  readonly safeTxGas: bigint;
  readonly baseGas: bigint;
  readonly gasPrice: bigint;
  readonly gasToken: Address;
  readonly refundReceiver: Address;
}

/**
 * `schedule` puts the proposal's batch in the timelock; `cancel` takes a vetoed one out; `reject` is a call
 * to the Safe itself that does nothing but use the nonce of a schedule transaction whose proposal was vetoed
 * before it ran (the Safe's queue is strict: an unused nonce would block every later transaction).
 * `enable_module` is the DAO's own setup transaction, not a proposal's: an attached Safe enabling the DAO's
 * module relay (`enableModule(relay)` on the Safe), without which the timelock cannot act as the Safe.
 * `rosca_organiser` is the Safe acting as a rotating pool's organiser (start, pause, resume on the pool's
 * contract), asked by a DAO admin; once it runs, the pool's command is recorded with the Safe as its actor.
 */
export type SafeTransactionPurpose = 'schedule' | 'cancel' | 'reject' | 'enable_module' | 'rosca_organiser' | 'share_pool_creator';

/** The purposes a proposal's Safe transactions have; the others belong to the DAO itself. */
export type ProposalSafeTransactionPurpose = Exclude<SafeTransactionPurpose, 'enable_module' | 'rosca_organiser' | 'share_pool_creator'>;

/**
 * What the Safe does as a share pool's creator (`share_pool_creator`): `assign` calls the pool's `assign(to, shares)`
 * (an airdrop, or the approval of `to`'s open request); `distribute` and `stream` call the GDAv1Forwarder's
 * `distribute` / `distributeFlow` from the Safe into the pool's GDA pool (`flowRate` 0 stops the stream); `pause` and
 * `resume` call the pool's `setPaused(true | false)`; `operator` its `setOperator(operator)` (a new relayer key). Once
 * executed, the pool records AssignShares, RecordDistribution, StopDistributionStream, PauseSharePool, ResumeSharePool
 * or ChangeSharePoolOperator with the Safe as actor.
 */
export type SharePoolCreatorAction =
  | { readonly poolId: string; readonly action: 'assign'; readonly to: Address; readonly shares: number }
  | { readonly poolId: string; readonly action: 'distribute'; readonly amount: bigint }
  | { readonly poolId: string; readonly action: 'stream'; readonly flowRate: bigint }
  | { readonly poolId: string; readonly action: 'pause' }
  | { readonly poolId: string; readonly action: 'resume' }
  | { readonly poolId: string; readonly action: 'operator'; readonly operator: Address };

/** What the Safe does as a rotating pool's organiser; the pool's contract has one function for each. */
export type RoscaOrganiserActionKind = 'start' | 'pause' | 'resume';

/**
 * The rotating-pool command a `rosca_organiser` Safe transaction carries out, recorded with it so that its
 * execution records the same command on the pool's stream. `order`: the start's order as the admin gave it
 * (manual pools; null otherwise); `reason`: the pause's.
 */
export interface RoscaOrganiserAction {
  readonly poolId: string;
  readonly action: RoscaOrganiserActionKind;
  readonly order: readonly Address[] | null;
  readonly reason: string | null;
}

/** One call of the timelock batch, in words and in data, so treasurers see what they sign. */
export interface OperationCall {
  readonly to: Address;
  readonly value: bigint;
  readonly data: Hex;
  readonly description: string;
}

export type SafeTransactionProposed = Event<
  'SafeTransactionProposed',
  {
    readonly daoId: string;
    /** The proposal it carries out; null for the DAO's own transactions (`enable_module`, `rosca_organiser`). */
    readonly proposalId: string | null;
    readonly purpose: SafeTransactionPurpose;
    /** Purpose `rosca_organiser` only: the pool's command it carries out. */
    readonly organiserAction?: RoscaOrganiserAction;
    /** Purpose `share_pool_creator` only: what the Safe does to the share pool. */
    readonly sharePoolAction?: SharePoolCreatorAction;
    readonly safeTxHash: Hash;
    readonly nonce: bigint;
    readonly transaction: SafeTransactionFields;
    /** The timelock operation (zero for the DAO's own transactions, which schedule none). */
    readonly operationId: Hash;
    readonly salt: Hash;
    /**
     * The timelock batch the operation runs (the scheduled calls; for a cancellation, the cancelled ones);
     * for the DAO's own transactions, the Safe's call, described.
     */
    readonly calls: readonly OperationCall[];
    readonly proposedAt: string;
  }
>;

export type SafeTransactionSignatureAdded = Event<
  'SafeTransactionSignatureAdded',
  { readonly safeTxHash: Hash; readonly signer: Address; readonly signature: Hex; readonly addedAt: string }
>;

/** An owner signed again with a different signature: the newer one replaces theirs. */
export type SafeTransactionSignatureReplaced = Event<
  'SafeTransactionSignatureReplaced',
  {
    readonly safeTxHash: Hash;
    readonly signer: Address;
    readonly signature: Hex;
    readonly previous: Hex;
    readonly replacedAt: string;
  }
>;

/**
 * A recorded signature the Safe refuses (checked against the Safe before sending: a signer no longer an
 * owner, or a signature the Safe reads differently) is set aside with the reason, so it cannot block the
 * others; its owner may sign again.
 */
export type SafeTransactionSignatureDropped = Event<
  'SafeTransactionSignatureDropped',
  { readonly safeTxHash: Hash; readonly signer: Address; readonly signature: Hex; readonly reason: string; readonly droppedAt: string }
>;

/**
 * The Safe transaction can never run as signed (simulating it reverts for a reason signatures cannot change,
 * or its nonce was used by another transaction): the platform stops trying, with the reason. Its nonce, unused
 * on chain, goes to the next transaction proposed.
 */
export type SafeTransactionAbandoned = Event<
  'SafeTransactionAbandoned',
  {
    readonly safeTxHash: Hash;
    /** Null for the DAO's setup transaction. */
    readonly proposalId: string | null;
    readonly nonce: bigint;
    readonly reason: string;
    readonly abandonedAt: string;
  }
>;

export type SafeTransactionExecuted = Event<
  'SafeTransactionExecuted',
  {
    readonly safeTxHash: Hash;
    /** Null for the DAO's setup transaction. */
    readonly proposalId: string | null;
    readonly nonce: bigint;
    readonly txHash: Hash;
    /** False: the Safe emitted ExecutionFailure (the nonce is used, the inner call did nothing). */
    readonly success: boolean;
    readonly executedAt: string;
  }
>;

/** Another transaction with the same nonce executed first: this one can never run. */
export type SafeTransactionReplaced = Event<
  'SafeTransactionReplaced',
  { readonly safeTxHash: Hash; readonly nonce: bigint; readonly replacedBy: Hash; readonly replacedAt: string }
>;

/**
 * The attached Safe has the DAO's module relay enabled: the timelock can act as the Safe, and proposals may run.
 * Recorded when the setup transaction executes, or when the chain shows the module enabled otherwise (the
 * treasurers enabled it themselves); `txHash` is null then.
 */
export type SafeModuleEnabled = Event<
  'SafeModuleEnabled',
  { readonly daoId: string; readonly module: Address; readonly txHash: Hash | null; readonly enabledAt: string }
>;

/**
 * A `rosca_organiser` Safe transaction ran on chain, but the pool's log refuses its command now (the pool moved
 * on meanwhile, e.g. it started by itself): nothing is recorded on the pool, and the transaction says why.
 */
export type RoscaOrganiserActionRefused = Event<
  'RoscaOrganiserActionRefused',
  {
    readonly safeTxHash: Hash;
    readonly poolId: string;
    readonly action: RoscaOrganiserActionKind;
    /** The domain's code and message. */
    readonly code: string;
    readonly reason: string;
    readonly refusedAt: string;
  }
>;

/** A `share_pool_creator` Safe transaction ran, but the share pool's log refuses its command now: nothing on the pool. */
export type SharePoolCreatorActionRefused = Event<
  'SharePoolCreatorActionRefused',
  {
    readonly safeTxHash: Hash;
    readonly poolId: string;
    readonly action: SharePoolCreatorAction['action'];
    readonly code: string;
    readonly reason: string;
    readonly refusedAt: string;
  }
>;

type OperationFact<Type extends string, Extra> = Event<Type, { readonly proposalId: string; readonly operationId: Hash } & Extra>;
/** `eta` is chain time (ISO): the operation may run from then on. */
export type TimelockOperationScheduled = OperationFact<
  'TimelockOperationScheduled',
  { readonly eta: string; readonly txHash: Hash; readonly scheduledAt: string }
>;
export type TimelockOperationExecuted = OperationFact<'TimelockOperationExecuted', { readonly txHash: Hash; readonly executedAt: string }>;
export type TimelockOperationFailed = OperationFact<'TimelockOperationFailed', { readonly reason: string; readonly failedAt: string }>;
export type TimelockOperationCancelled = OperationFact<
  'TimelockOperationCancelled',
  { readonly txHash: Hash; readonly cancelledAt: string }
>;

/**
 * Where on the chain a treasury change was seen: the log that reported it. Changes apply in this order,
 * and one at or before the last applied position is a replay that changes nothing.
 */
export interface ChainPosition {
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly txHash: Hash;
}

type ChainChange<Type extends string, Extra> = Event<Type, Extra & { readonly chain: ChainPosition; readonly observedAt: string }>;
/**
 * The Safe's owners and threshold and the timelock's delay as the chain reports them (AddedOwner,
 * RemovedOwner, ChangedThreshold, MinDelayChange). These, not the proposal that asked for a change, are
 * what the treasury's signature checks and schedules use.
 */
export type SafeOwnerAdded = ChainChange<'SafeOwnerAdded', { readonly owner: Address }>;
export type SafeOwnerRemoved = ChainChange<'SafeOwnerRemoved', { readonly owner: Address }>;
export type SafeThresholdChanged = ChainChange<'SafeThresholdChanged', { readonly threshold: number }>;
export type TimelockDelayChanged = ChainChange<'TimelockDelayChanged', { readonly delaySeconds: number }>;

/**
 * A reorg took away the blocks of owner, threshold or delay changes the treasury had taken (`retracted`):
 * the treasury is back to the values before the oldest of them, and to the position of the last change the
 * new chain still holds. A change mined again in the new chain is recorded again from there.
 */
export type TreasuryChainChangesRetracted = Event<
  'TreasuryChainChangesRetracted',
  {
    readonly rewoundTo: bigint;
    readonly retracted: readonly ChainPosition[];
    readonly owners: readonly Address[];
    readonly threshold: number;
    readonly timelockDelaySeconds: number;
    readonly chainPosition: ChainPosition | null;
    readonly retractedAt: string;
  }
>;

export type TreasuryEvent =
  | DaoContractsDeployed
  | DaoDeploymentFailed
  | SafeTransactionProposed
  | SafeTransactionSignatureAdded
  | SafeTransactionSignatureReplaced
  | SafeTransactionSignatureDropped
  | SafeTransactionAbandoned
  | SafeTransactionExecuted
  | SafeTransactionReplaced
  | SafeModuleEnabled
  | RoscaOrganiserActionRefused
  | SharePoolCreatorActionRefused
  | TimelockOperationScheduled
  | TimelockOperationExecuted
  | TimelockOperationFailed
  | TimelockOperationCancelled
  | SafeOwnerAdded
  | SafeOwnerRemoved
  | SafeThresholdChanged
  | TimelockDelayChanged
  | TreasuryChainChangesRetracted;
