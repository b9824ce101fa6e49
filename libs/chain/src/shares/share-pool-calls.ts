import { encodeFunctionData, erc20Abi, keccak256, toHex, type Address, type Hex } from 'viem';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import type { SafeCall } from '../safe/safe-transaction';

// Calls to a SharePool as plain {to, value, data}: the operator (the relayer) sends the operator calls; the creator
// calls go into a Safe transaction; a member sends the approval and `claim` from their wallet. Send them with
// `sendSharePoolCall` (share-pool-reads.ts).
const call = (pool: Address, data: Hex): SafeCall => ({ to: pool, value: 0n, data });

/** The one-time key of an operator call, from the log's id for the decision it carries out (e.g. the event id). */
export const sharePoolKey = (decisionId: string): Hex => keccak256(toHex(`ayllu:share-pool:${decisionId}`));

/** A member's ERC-20 approval the pool needs before `buy`, `contribute` (purchase token) or `stake` (staking token). */
export const approveSharePoolCall = (token: Address, pool: Address, amount: bigint): SafeCall => ({
  to: token,
  value: 0n,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [pool, amount] }),
});

/** Operator: sells `shares` to `buyer` at the pool's price, paid straight to the creator. */
export const buySharesCall = (pool: Address, buyer: Address, shares: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'buy', args: [buyer, shares, key] }));
/** Operator: grants available shares (an approved request, an airdrop, a redeemed code). */
export const grantSharesCall = (pool: Address, to: Address, shares: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'grant', args: [to, shares, key] }));
/** Operator: a holder's signed transfer (pools that allow transfers only). */
export const transferSharesCall = (pool: Address, from: Address, to: Address, shares: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'transfer', args: [from, to, shares, key] }));
/** Operator: escrows a crowdfunding contribution before the deadline. */
export const contributeCall = (pool: Address, contributor: Address, amount: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'contribute', args: [contributor, amount, key] }));
/** Operator: pulls staking tokens into the member's position. */
export const stakeCall = (pool: Address, member: Address, amount: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'stake', args: [member, amount, key] }));
/** Operator: returns staked tokens; the shares earned are granted first and kept. */
export const unstakeCall = (pool: Address, member: Address, amount: bigint, key: Hex) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'unstake', args: [member, amount, key] }));

/** Creator (Safe transaction): assigns available shares without a request. */
export const assignSharesCall = (pool: Address, to: Address, shares: bigint) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'assign', args: [to, shares] }));
/** Creator (Safe transaction): replaces the relayer. */
export const setSharePoolOperatorCall = (pool: Address, operator: Address) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'setOperator', args: [operator] }));
/** Creator (Safe transaction): stops or resumes the operator's ways in and transfers. */
export const setSharePoolPausedCall = (pool: Address, paused: boolean) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'setPaused', args: [paused] }));

/** Anyone, once the target is reached or the deadline passed: allocates shares, or refunds every contribution. */
export const finalizeCrowdfundingCall = (pool: Address) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'finalizeCrowdfunding' }));
/** Anyone: grants a staker the whole shares earned so far. */
export const accrueStakeSharesCall = (pool: Address, member: Address) =>
  call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'accrue', args: [member] }));
/** A refused refund's or escrow's recipient: pays the sender what was deferred to them. */
export const claimSharePoolDeferredCall = (pool: Address) => call(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'claim' }));
