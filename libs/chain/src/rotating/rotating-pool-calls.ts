import {
  encodeFunctionData,
  erc20Abi,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from 'viem';
import { rotatingPoolAbi } from '../../../../contracts/abi/rotating-pool';
import type { SafeCall } from '../safe/safe-transaction';

// Calls to a RotatingPool as plain {to, value, data}: the operator (the relayer) sends the operator calls; the
// organiser calls go into a Safe transaction; a member sends the approval and `claim` from their wallet.
const call = (pool: Address, data: Hex): SafeCall => ({ to: pool, value: 0n, data });

/** One transfer out of the pool, as the contract's `Payment`. */
export type RotatingPoolPayment = { readonly to: Address; readonly amount: bigint };

/** The member's ERC-20 approval the pool needs before `join` (collateral) and each `collect`. */
export const approveRotatingPoolCall = (token: Address, pool: Address, amount: bigint): SafeCall => ({
  to: token,
  value: 0n,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [pool, amount] }),
});

/** Operator: adds a member before the pool begins and pulls their collateral. */
export const joinRotatingPoolCall = (pool: Address, member: Address) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'join', args: [member] }));
/** Operator: begins the rounds (as many as members); `firstDueAt` in unix seconds. */
export const beginRotatingPoolCall = (pool: Address, firstDueAt: bigint) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'begin', args: [firstDueAt] }));
/** Operator: pulls a member's contribution for the open round, plus the penalty at the block's time. */
export const collectContributionCall = (pool: Address, round: bigint, member: Address) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'collect', args: [round, member] }));
/** Operator: settles the open round with the payments, fee and recognised yield the log decided. */
export const settleRoundCall = (
  pool: Address,
  round: bigint,
  payments: readonly RotatingPoolPayment[],
  fee: bigint,
  yieldRecognised = 0n,
) => call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'settle', args: [round, payments, fee, yieldRecognised] }));
/** Operator: pays a departure (or another one-off decision) under `key`, once per key. */
export const releaseCall = (pool: Address, key: Hex, payments: readonly RotatingPoolPayment[]) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'release', args: [key, payments] }));
/** Operator, while the organiser has the pool paused: refunds everything it holds and closes it. */
export const dissolveCall = (pool: Address, refunds: readonly RotatingPoolPayment[]) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'dissolve', args: [refunds] }));

/** Organiser (Safe transaction): stops the operator, except for `dissolve`. */
export const pauseRotatingPoolCall = (pool: Address, reason: string) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'pause', args: [reason] }));
/** Organiser (Safe transaction). */
export const resumeRotatingPoolCall = (pool: Address) => call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'resume' }));
/** Organiser (Safe transaction): fixes the order of recipients (every member once) and closes joining. */
export const startWithOrderCall = (pool: Address, order: readonly Address[]) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'startWithOrder', args: [order] }));
/** Organiser (Safe transaction): replaces the relayer. */
export const setRotatingPoolOperatorCall = (pool: Address, operator: Address) =>
  call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'setOperator', args: [operator] }));
/** Anyone: pays the sender the payments that failed to reach them. */
export const claimDeferredCall = (pool: Address) => call(pool, encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'claim' }));

/**
 * Sends one call from `wallet` and waits for it. A revert throws (viem decodes the pool's custom error when the
 * node reports it at estimation; a receipt that failed anyway throws a plain Error naming the transaction).
 */
export async function sendRotatingPoolCall(
  wallet: WalletClient,
  client: PublicClient,
  { to, value, data }: SafeCall,
): Promise<{ readonly txHash: Hash; readonly blockNumber: bigint; readonly receipt: TransactionReceipt }> {
  const account = wallet.account;
  if (!account) throw new Error('Sending a RotatingPool call needs a wallet client with an account');
  const txHash = await wallet.sendTransaction({ to, value, data, account, chain: wallet.chain ?? null });
  const receipt = await client.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== 'success') throw new Error(`RotatingPool call to ${to} reverted in transaction ${txHash}`);
  return { txHash, blockNumber: receipt.blockNumber, receipt };
}

/** A pool's progress as the chain has it: what the worker reconciles the log against. */
export type RotatingPoolProgress = {
  readonly members: readonly Address[];
  readonly rounds: bigint;
  readonly roundsSettled: bigint;
  readonly firstDueAt: bigint;
  readonly paused: boolean;
  readonly dissolved: boolean;
  readonly totalDeferred: bigint;
};

export async function readRotatingPool(client: PublicClient, pool: Address): Promise<RotatingPoolProgress> {
  const target = { address: pool, abi: rotatingPoolAbi } as const;
  const [members, rounds, roundsSettled, firstDueAt, paused, dissolved, totalDeferred] = await Promise.all([
    client.readContract({ ...target, functionName: 'members' }),
    client.readContract({ ...target, functionName: 'rounds' }),
    client.readContract({ ...target, functionName: 'roundsSettled' }),
    client.readContract({ ...target, functionName: 'firstDueAt' }),
    client.readContract({ ...target, functionName: 'paused' }),
    client.readContract({ ...target, functionName: 'dissolved' }),
    client.readContract({ ...target, functionName: 'totalDeferred' }),
  ]);
  return { members, rounds, roundsSettled, firstDueAt: BigInt(firstDueAt), paused, dissolved, totalDeferred };
}

/** What was pulled from `member` for `round` (contribution + penalty); 0n = not collected (an idempotency check). */
export const readCollected = (client: PublicClient, pool: Address, round: bigint, member: Address): Promise<bigint> =>
  client.readContract({ address: pool, abi: rotatingPoolAbi, functionName: 'collected', args: [round, member] });
/** Whether `round` is settled (an idempotency check before resending a settlement). */
export const readSettled = (client: PublicClient, pool: Address, round: bigint): Promise<boolean> =>
  client.readContract({ address: pool, abi: rotatingPoolAbi, functionName: 'settled', args: [round] });
/** Whether the release under `key` was paid. */
export const readReleased = (client: PublicClient, pool: Address, key: Hex): Promise<boolean> =>
  client.readContract({ address: pool, abi: rotatingPoolAbi, functionName: 'released', args: [key] });
