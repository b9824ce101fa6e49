import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { Hash } from '../shared/hex';
import type { ObservedBalance } from './access-conditions';
import type { Allocation } from './crowdfunding-allocation';
import type { SharePoolConfigurationInput } from './share-pool-configuration';

/**
 * Commands of a share pool. Who sends them:
 * - the API, for a member's signed action (actor = the member): RequestSharePurchase, RequestToJoinSharePool,
 *   RedeemShareCode, TransferShares (actor = `from`), ContributeToCrowdfunding, Stake, Unstake;
 * - the creator (actor = the DAO's Safe, recorded once its transaction executed): AssignShares (an airdrop, or the
 *   approval of an open request to join), RecordDistribution, StopDistributionStream, PauseSharePool, ResumeSharePool,
 *   ChangeSharePoolOperator;
 * - a DAO admin (actor `admin:…` / `admin-key:<id>` / `siwe:<address>`; the Safe may too), decisions without a chain
 *   effect: RejectJoinRequest, GenerateShareCodes, RevokeShareCodes, CompleteDistributionRound, DeleteSharePool;
 * - the worker, for what happened on chain: RecordSharePoolDeployment, ConfirmSharePoolAction, FailSharePoolAction,
 *   FinalizeCrowdfunding, AccrueStakeShares.
 * `observedBalances`: the member's token balances read by the caller just before, for minimum-balance conditions.
 */
type Observed = { readonly observedBalances?: readonly ObservedBalance[] };

export type CreateSharePool = Command<'CreateSharePool', { readonly poolId: string } & SharePoolConfigurationInput>;
/** `gdaPool`: the Superfluid pool the contract created (its admin is the contract); `operator`: the relayer it names. */
export type RecordSharePoolDeployment = Command<
  'RecordSharePoolDeployment',
  {
    readonly address: Address;
    readonly gdaPool: Address;
    readonly txHash: Hash | null;
    readonly blockNumber: bigint;
    readonly operator?: Address;
  }
>;

export type RequestSharePurchase = Command<'RequestSharePurchase', { readonly buyer: Address; readonly shares: number } & Observed>;
export type RequestToJoinSharePool = Command<'RequestToJoinSharePool', { readonly member: Address } & Observed>;
export type RejectJoinRequest = Command<'RejectJoinRequest', { readonly member: Address; readonly reason: string }>;
/** The Safe's own `assign(to, shares)`, executed in `txHash`: an airdrop, or the approval of `to`'s open request. */
export type AssignShares = Command<'AssignShares', { readonly to: Address; readonly shares: number; readonly txHash: Hash }>;
/** Hashes only: the secrets were shown to the creator once and never reach the log. */
export type GenerateShareCodes = Command<
  'GenerateShareCodes',
  { readonly codes: readonly { readonly codeHash: Hash; readonly shares: number }[] }
>;
export type RevokeShareCodes = Command<'RevokeShareCodes', { readonly codeHashes: readonly Hash[] }>;
/** `codeHash`: the hash of the secret the member presented (the API hashes it). */
export type RedeemShareCode = Command<'RedeemShareCode', { readonly member: Address; readonly codeHash: Hash } & Observed>;
export type TransferShares = Command<
  'TransferShares',
  { readonly from: Address; readonly to: Address; readonly shares: number } & Observed
>;
export type ContributeToCrowdfunding = Command<
  'ContributeToCrowdfunding',
  { readonly contributor: Address; readonly amount: bigint } & Observed
>;
/**
 * After the contract's `finalizeCrowdfunding()` in `txHash`. `allocations`: what the contract emitted, when the
 * worker read it, checked against the log's own allocation. `deferred`: refunds the token refused, held for claim().
 */
export type FinalizeCrowdfunding = Command<
  'FinalizeCrowdfunding',
  {
    readonly txHash: Hash;
    readonly allocations?: readonly Pick<Allocation, 'contributor' | 'shares'>[];
    readonly deferred?: readonly { readonly contributor: Address; readonly amount: bigint }[];
  }
>;
export type Stake = Command<'Stake', { readonly member: Address; readonly amount: bigint } & Observed>;
export type Unstake = Command<'Unstake', { readonly member: Address; readonly amount: bigint }>;
/** Someone called `accrue(member)` on chain, in the block of time `at`. `chainShares`: what the contract granted. */
export type AccrueStakeShares = Command<
  'AccrueStakeShares',
  { readonly member: Address; readonly txHash: Hash; readonly at: string; readonly chainShares?: number }
>;
/**
 * The chain call of a pending action (by its key) succeeded in `txHash`, in a block of time `at` (staking positions
 * accrue to it; defaults to the command's time). `chainShares`: shares the contract's stake or unstake accrued.
 */
export type ConfirmSharePoolAction = Command<
  'ConfirmSharePoolAction',
  { readonly key: string; readonly txHash: Hash; readonly at?: string; readonly chainShares?: number }
>;
/** The chain refused a pending action (allowance, balance, a refused transfer): nothing moved, it lapses. */
export type FailSharePoolAction = Command<'FailSharePoolAction', { readonly key: string; readonly reason: string }>;

export type DistributionInput =
  { readonly kind: 'instant'; readonly amount: bigint } | { readonly kind: 'stream'; readonly flowRate: bigint };
/**
 * The Safe distributed (GDA `distribute`) or started or changed a stream (`distributeFlow`) in `txHash`.
 * `chainHoldings`: the holders' units in the GDA pool at that block (`chainBlock`) as the worker read them, the pool's
 * own contract left out (its units are the rest of the 10,000). Given, they are what the GDA paid by: the ledger is
 * computed from them, whatever the log's holdings or pending movements, and a difference is recorded. Without them
 * (a preview before the Safe transaction exists) the log's holdings are used and pending movements refuse it.
 */
export type RecordDistribution = Command<
  'RecordDistribution',
  {
    readonly distribution: DistributionInput;
    readonly txHash: Hash;
    readonly chainHoldings?: readonly { readonly holder: Address; readonly shares: number }[];
    readonly chainBlock?: bigint;
  }
>;
export type StopDistributionStream = Command<'StopDistributionStream', { readonly txHash: Hash }>;
export type CompleteDistributionRound = Command<'CompleteDistributionRound', Record<string, never>>;
/** The Safe's `setPaused(true)` / `setPaused(false)`, executed in `txHash`. */
export type PauseSharePool = Command<'PauseSharePool', { readonly txHash: Hash }>;
export type ResumeSharePool = Command<'ResumeSharePool', { readonly txHash: Hash }>;
/** The Safe's `setOperator(operator)`, executed in `txHash`. */
export type ChangeSharePoolOperator = Command<'ChangeSharePoolOperator', { readonly operator: Address; readonly txHash: Hash }>;
export type DeleteSharePool = Command<'DeleteSharePool', { readonly reason: string }>;

export type SharePoolCommand =
  | CreateSharePool
  | RecordSharePoolDeployment
  | RequestSharePurchase
  | RequestToJoinSharePool
  | RejectJoinRequest
  | AssignShares
  | GenerateShareCodes
  | RevokeShareCodes
  | RedeemShareCode
  | TransferShares
  | ContributeToCrowdfunding
  | FinalizeCrowdfunding
  | Stake
  | Unstake
  | AccrueStakeShares
  | ConfirmSharePoolAction
  | FailSharePoolAction
  | RecordDistribution
  | StopDistributionStream
  | CompleteDistributionRound
  | PauseSharePool
  | ResumeSharePool
  | ChangeSharePoolOperator
  | DeleteSharePool;
