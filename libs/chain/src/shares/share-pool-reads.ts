import type { Address, Hash, Hex, PublicClient, TransactionReceipt, WalletClient } from 'viem';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import type { SafeCall } from '../safe/safe-transaction';

/**
 * Sends one call from `wallet` and waits for it. A revert throws (viem decodes the pool's custom error when the
 * node reports it at estimation; a receipt that failed anyway throws a plain Error naming the transaction).
 */
export async function sendSharePoolCall(
  wallet: WalletClient,
  client: PublicClient,
  { to, value, data }: SafeCall,
): Promise<{ readonly txHash: Hash; readonly blockNumber: bigint; readonly receipt: TransactionReceipt }> {
  const account = wallet.account;
  if (!account) throw new Error('Sending a SharePool call needs a wallet client with an account');
  const txHash = await wallet.sendTransaction({ to, value, data, account, chain: wallet.chain ?? null });
  const receipt = await client.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== 'success') throw new Error(`SharePool call to ${to} reverted in transaction ${txHash}`);
  return { txHash, blockNumber: receipt.blockNumber, receipt };
}

/** The contract's crowdfunding status, by name. */
export type SharePoolCrowdfundingStatus = 'None' | 'Open' | 'Reached' | 'Refunded';
const crowdfundingStatuses: readonly SharePoolCrowdfundingStatus[] = ['None', 'Open', 'Reached', 'Refunded'];

/** A pool as the chain has it: what the worker reconciles the log against and the demo prints. */
export type SharePoolHoldings = {
  readonly gdaPool: Address;
  readonly available: bigint;
  /** Every holder (creator included) with their shares; addresses as the chain returns them (checksummed). */
  readonly holders: readonly { readonly holder: Address; readonly shares: bigint }[];
  readonly paused: boolean;
  readonly crowdfundingStatus: SharePoolCrowdfundingStatus;
  readonly totalContributed: bigint;
  readonly totalStaked: bigint;
  readonly totalDeferred: bigint;
};

export async function readSharePool(client: PublicClient, pool: Address): Promise<SharePoolHoldings> {
  const target = { address: pool, abi: sharePoolAbi } as const;
  const [gdaPool, available, holders, paused, status, totalContributed, totalStaked, totalDeferred] = await Promise.all([
    client.readContract({ ...target, functionName: 'gdaPool' }),
    client.readContract({ ...target, functionName: 'available' }),
    client.readContract({ ...target, functionName: 'holders' }),
    client.readContract({ ...target, functionName: 'paused' }),
    client.readContract({ ...target, functionName: 'crowdfundingStatus' }),
    client.readContract({ ...target, functionName: 'totalContributed' }),
    client.readContract({ ...target, functionName: 'totalStaked' }),
    client.readContract({ ...target, functionName: 'totalDeferred' }),
  ]);
  const shares = await Promise.all(holders.map((holder) => client.readContract({ ...target, functionName: 'sharesOf', args: [holder] })));
  return {
    gdaPool,
    available,
    holders: holders.map((holder, i) => ({ holder, shares: shares[i] })),
    paused,
    crowdfundingStatus: crowdfundingStatuses[status] ?? 'None',
    totalContributed,
    totalStaked,
    totalDeferred,
  };
}

export const readSharesOf = (client: PublicClient, pool: Address, holder: Address): Promise<bigint> =>
  client.readContract({ address: pool, abi: sharePoolAbi, functionName: 'sharesOf', args: [holder] });
/** Whether the operator call under `key` was carried out (an idempotency check before resending it). */
export const readSharePoolKeyUsed = (client: PublicClient, pool: Address, key: Hex): Promise<boolean> =>
  client.readContract({ address: pool, abi: sharePoolAbi, functionName: 'keyUsed', args: [key] });
