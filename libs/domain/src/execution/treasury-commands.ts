import type { Hash, Hex } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { DaoEvent } from '../dao/dao-events';
import type { ProposalEvent } from '../proposal/proposal-events';
import type {
  ChainPosition,
  DaoContracts,
  OperationCall,
  ProposalSafeTransactionPurpose,
  RoscaOrganiserAction,
  SafeTransactionFields,
  SharePoolCreatorAction,
  TreasuryEvent,
} from './treasury-events';

export type RecordDaoContractsDeployed = Command<
  'RecordDaoContractsDeployed',
  DaoContracts & { readonly daoId: string; readonly attached: boolean }
>;

export type RecordDaoDeploymentFailed = Command<'RecordDaoDeploymentFailed', { readonly daoId: string; readonly reason: string }>;

/** Built by the worker from `proposalActions` with libs/chain; the domain checks the queue rules. */
export type ProposeSafeTransaction = Command<
  'ProposeSafeTransaction',
  {
    readonly proposalId: string;
    readonly purpose: ProposalSafeTransactionPurpose;
    readonly safeTxHash: Hash;
    readonly nonce: bigint;
    /** The Safe's nonce read from the chain just before building the transaction. */
    readonly onChainNonce: bigint;
    readonly transaction: SafeTransactionFields;
    readonly operationId: Hash;
    readonly salt: Hash;
    readonly calls: readonly OperationCall[];
  }
>;

/**
 * The setup transaction of a DAO whose Safe was attached: `enableModule(moduleRelay)` called by the Safe on
 * itself, built by the worker with libs/chain; the domain checks it is the Safe's and the queue's next.
 */
export type ProposeModuleEnable = Command<
  'ProposeModuleEnable',
  {
    readonly safeTxHash: Hash;
    readonly nonce: bigint;
    /** The Safe's nonce read from the chain just before building the transaction. */
    readonly onChainNonce: bigint;
    readonly transaction: SafeTransactionFields;
    /** The call, described for the treasurers who sign it. */
    readonly calls: readonly OperationCall[];
  }
>;

/**
 * The DAO's Safe acting as a rotating pool's organiser: one call of the pool's contract (`startWithOrder`,
 * `pause`, `resume`), built by the API for a DAO admin; the domain checks it against the pool's state now.
 */
export type ProposeRoscaOrganiserAction = Command<
  'ProposeRoscaOrganiserAction',
  {
    readonly safeTxHash: Hash;
    readonly nonce: bigint;
    /** The Safe's nonce read from the chain just before building the transaction. */
    readonly onChainNonce: bigint;
    readonly transaction: SafeTransactionFields;
    /** The call, described for the treasurers who sign it. */
    readonly calls: readonly OperationCall[];
    readonly action: RoscaOrganiserAction;
  }
>;

/** A share pool creator's Safe transaction, built by the API for a DAO admin and checked against the pool now. */
export type ProposeSharePoolCreatorAction = Command<
  'ProposeSharePoolCreatorAction',
  {
    readonly safeTxHash: Hash;
    readonly nonce: bigint;
    readonly onChainNonce: bigint;
    readonly transaction: SafeTransactionFields;
    readonly calls: readonly OperationCall[];
    readonly action: SharePoolCreatorAction;
  }
>;

/** The chain shows the module relay enabled on the attached Safe, by a transaction the platform did not propose. */
export type RecordSafeModuleEnabled = Command<'RecordSafeModuleEnabled', { readonly module: Address }>;

/** The signature's cryptography is checked at the edge (it recovers to `signer`); the domain keeps the rules. */
export type AddSafeSignature = Command<
  'AddSafeSignature',
  { readonly safeTxHash: Hash; readonly signer: Address; readonly signature: Hex }
>;

/** The worker found these recorded signatures refused by the Safe (checked against it before sending). */
export type DropSafeSignatures = Command<
  'DropSafeSignatures',
  { readonly safeTxHash: Hash; readonly dropped: readonly { readonly signer: Address; readonly reason: string }[] }
>;

/** The worker found the Safe transaction can never run as signed (a revert signatures cannot change, a used nonce). */
export type AbandonSafeTransaction = Command<'AbandonSafeTransaction', { readonly safeTxHash: Hash; readonly reason: string }>;

export type RecordSafeTransactionExecuted = Command<
  'RecordSafeTransactionExecuted',
  {
    readonly safeTxHash: Hash;
    readonly txHash: Hash;
    readonly success: boolean;
    /** When the scheduled operation becomes ready (chain time, ISO); for `schedule` transactions. */
    readonly eta: string | null;
  }
>;

export type RecordTimelockOperationExecuted = Command<
  'RecordTimelockOperationExecuted',
  { readonly operationId: Hash; readonly txHash: Hash }
>;

export type RecordTimelockOperationFailed = Command<
  'RecordTimelockOperationFailed',
  { readonly operationId: Hash; readonly reason: string }
>;

/** A change to the Safe's owners or threshold or to the timelock's delay, as a chain log reported it. */
export type TreasuryChainChange =
  | { readonly kind: 'SafeOwnerAdded'; readonly owner: Address }
  | { readonly kind: 'SafeOwnerRemoved'; readonly owner: Address }
  | { readonly kind: 'SafeThresholdChanged'; readonly threshold: number }
  | { readonly kind: 'TimelockDelayChanged'; readonly delaySeconds: number };

export type RecordTreasuryChainChange = Command<
  'RecordTreasuryChainChange',
  { readonly change: TreasuryChainChange; readonly chain: ChainPosition }
>;

/** From the chain indexer after a reorg to block `rewoundTo`: every change taken from a block above it is void. */
export type RetractTreasuryChainChanges = Command<'RetractTreasuryChainChanges', { readonly rewoundTo: bigint }>;

/** What an execution use case returns; the worker appends the three streams in one transaction. */
export interface ExecutionEvents {
  readonly treasury: readonly TreasuryEvent[];
  readonly proposal: readonly ProposalEvent[];
  readonly dao: readonly DaoEvent[];
}

export const noExecutionEvents: ExecutionEvents = { treasury: [], proposal: [], dao: [] };
