import {
  buildSafeTransaction,
  executeSafeTransaction,
  hashSafeTransaction,
  readSafeState,
  safeAbi,
  type SafeTransaction,
} from '@ayllu/chain';
import type { DaoContracts, QueuedSafeTransaction } from '@ayllu/domain';
import { parseEventLogs, type Address, type Hex } from 'viem';
import type { ExecutionChain } from './execution-chain';

/** The Safe transaction as the chain sees it, rebuilt from what the log recorded. */
export const safeTransactionOf = (tx: QueuedSafeTransaction): SafeTransaction => ({
  ...tx.transaction,
  to: tx.transaction.to,
  data: tx.transaction.data,
  gasToken: tx.transaction.gasToken,
  refundReceiver: tx.transaction.refundReceiver,
  nonce: tx.nonce,
});

export const buildSingleCallSafeTransaction = (contracts: DaoContracts, call: { to: Address; value: bigint; data: Hex }, nonce: bigint) => {
  const transaction = buildSafeTransaction({ calls: [call], nonce });
  const safeTxHash = hashSafeTransaction({ chainId: contracts.chainId, safe: contracts.safe }, transaction);
  return { transaction, safeTxHash };
};

export const onChainSafeNonce = async (chain: ExecutionChain, safe: Address) => (await readSafeState(chain.public, safe)).nonce;

export type SafeExecutionRecord = { readonly txHash: Hex; readonly success: boolean };

/** Finds the Safe's ExecutionSuccess / ExecutionFailure for `safeTxHash` in its logs, if it ran. */
export async function findSafeExecution(
  chain: ExecutionChain,
  contracts: DaoContracts,
  safeTxHash: Hex,
): Promise<SafeExecutionRecord | undefined> {
  const logs = await chain.public.getLogs({ address: contracts.safe, fromBlock: contracts.fromBlock, toBlock: 'latest' });
  const events = parseEventLogs({ abi: safeAbi, eventName: ['ExecutionSuccess', 'ExecutionFailure'], logs }).filter(
    (log) => log.args.txHash.toLowerCase() === safeTxHash.toLowerCase(),
  );
  const event = events[0];
  return event ? { txHash: event.transactionHash, success: event.eventName === 'ExecutionSuccess' } : undefined;
}

/** Sends `execTransaction` with the collected signatures through the relayer (pre-checks nonce and chain). */
export async function sendSafeTransaction(chain: ExecutionChain, contracts: DaoContracts, tx: QueuedSafeTransaction): Promise<Hex> {
  const result = await executeSafeTransaction({
    wallet: chain.relayer,
    public: chain.public,
    safe: contracts.safe,
    chainId: contracts.chainId,
    transaction: safeTransactionOf(tx),
    signatures: [...tx.signatures].map(([signer, data]) => ({ signer: signer, data: data })),
  });
  return result.transactionHash;
}

export async function confirmSafeTransaction(chain: ExecutionChain, contracts: DaoContracts, txHash: Hex, safeTxHash: Hex) {
  const receipt = await chain.public.waitForTransactionReceipt({ hash: txHash });
  const found = parseEventLogs({ abi: safeAbi, eventName: ['ExecutionSuccess', 'ExecutionFailure'], logs: receipt.logs }).find(
    (log) => log.args.txHash.toLowerCase() === safeTxHash.toLowerCase() && log.address.toLowerCase() === contracts.safe.toLowerCase(),
  );
  if (!found) throw new Error(`No Safe execution event for ${safeTxHash} in ${txHash}`);
  return { txHash, success: found.eventName === 'ExecutionSuccess' };
}
