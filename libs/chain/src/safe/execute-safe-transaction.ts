import {
  BaseError,
  ContractFunctionRevertedError,
  isAddressEqual,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { safeAbi } from '../abi/safe-l2';
import { encodeSafeSignatures } from './encode-safe-signatures';
import { readSafeExecution, type SafeExecutionOutcome } from './read-safe-execution';
import { readSafeState } from './read-safe-state';
import type { SafeSignature, SafeTransaction } from './safe-transaction';
import { hashSafeTransaction } from './safe-typed-data';

export type SafeExecutionErrorCode =
  'CHAIN_MISMATCH' | 'NONCE_MISMATCH' | 'BELOW_THRESHOLD' | 'NOT_AN_OWNER' | 'REVERTED' | 'NO_EXECUTION_EVENT';

export class SafeExecutionError extends Error {
  constructor(
    readonly code: SafeExecutionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SafeExecutionError';
  }
}

export type SafeExecutionResult = SafeExecutionOutcome & { readonly transactionHash: Hex; readonly blockNumber: bigint };

/**
 * Sends `execTransaction` with the collected signatures and returns the Safe's verdict read from its events.
 * Chain id, nonce, threshold and ownership are checked first because the Safe reports a wrong nonce or chain
 * as GS026 ("invalid owner"), which would hide the real cause.
 */
export async function executeSafeTransaction(params: {
  readonly wallet: WalletClient;
  readonly public: PublicClient;
  readonly safe: Address;
  readonly chainId: number;
  readonly transaction: SafeTransaction;
  readonly signatures: readonly SafeSignature[];
}): Promise<SafeExecutionResult> {
  const { wallet, public: publicClient, safe, chainId, transaction: tx, signatures } = params;
  const account = wallet.account;
  if (!account) throw new Error('executeSafeTransaction needs a wallet client with an account');

  const nodeChainId = await publicClient.getChainId();
  if (nodeChainId !== chainId) {
    throw new SafeExecutionError('CHAIN_MISMATCH', `Signed for chain ${chainId}, the node is chain ${nodeChainId}`);
  }
  const state = await readSafeState(publicClient, safe);
  if (state.nonce !== tx.nonce) {
    throw new SafeExecutionError('NONCE_MISMATCH', `Signed for nonce ${tx.nonce}, the Safe is at nonce ${state.nonce}`);
  }
  const stranger = signatures.find((s) => !state.owners.some((owner) => isAddressEqual(owner, s.signer)));
  if (stranger) throw new SafeExecutionError('NOT_AN_OWNER', `${stranger.signer} is not an owner of ${safe}`);
  if (BigInt(signatures.length) < state.threshold) {
    throw new SafeExecutionError('BELOW_THRESHOLD', `${signatures.length} of ${state.threshold} signatures`);
  }

  const args = [
    tx.to,
    tx.value,
    tx.data,
    tx.operation,
    tx.safeTxGas,
    tx.baseGas,
    tx.gasPrice,
    tx.gasToken,
    tx.refundReceiver,
    encodeSafeSignatures(signatures),
  ] as const;
  let hash: Hex;
  try {
    // Simulating first turns a revert into a decoded reason (GS013, GS026...) instead of a mined failure.
    const { request } = await publicClient.simulateContract({
      address: safe,
      abi: safeAbi,
      functionName: 'execTransaction',
      args,
      account,
    });
    hash = await wallet.writeContract({ ...request, account, chain: wallet.chain ?? null });
  } catch (error) {
    const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
    const reason = revert instanceof ContractFunctionRevertedError ? revert.reason : undefined;
    throw new SafeExecutionError('REVERTED', `execTransaction reverted: ${reason ?? (error as Error).message}`);
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new SafeExecutionError('REVERTED', `execTransaction ${hash} reverted`);
  const safeTxHash = hashSafeTransaction({ chainId, safe }, tx);
  const outcome = readSafeExecution(receipt.logs, safe, safeTxHash);
  if (!outcome) throw new SafeExecutionError('NO_EXECUTION_EVENT', `No ExecutionSuccess/Failure for ${safeTxHash}`);
  return { ...outcome, transactionHash: hash, blockNumber: receipt.blockNumber };
}
