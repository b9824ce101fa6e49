import {
  buildSafeTransaction,
  executeSafeTransaction,
  hashSafeTransaction,
  readSafeState,
  safeAbi,
  safeCallRefusal,
  safeExecutionRefusal,
  safeSignatureRefusal,
  safeTransactionPreimage,
  type SafeSignature,
  type SafeTransaction,
} from '@ayllu/chain';
import type { DaoContracts, QueuedSafeTransaction } from '@ayllu/domain';
import { rotatingPoolAbi } from '../../../../contracts/abi/rotating-pool';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import { isAddressEqual, parseEventLogs, type Address, type Hex } from 'viem';
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

/** Sends `execTransaction` with the chosen signatures through the relayer (pre-checks nonce and chain). */
export async function sendSafeTransaction(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
  signatures: readonly SafeSignature[],
): Promise<Hex> {
  const result = await executeSafeTransaction({
    wallet: chain.relayer,
    public: chain.public,
    safe: contracts.safe,
    chainId: contracts.chainId,
    transaction: safeTransactionOf(tx),
    signatures,
  });
  return result.transactionHash;
}

/** What the Safe says, before anything is sent, about running a transaction with its recorded signatures. */
export type SafeExecutionCheck =
  /** Exactly the Safe's threshold of signatures it accepts, sorted by owner ascending as it requires. */
  | { readonly kind: 'ready'; readonly signatures: readonly SafeSignature[] }
  /** Recorded signatures the Safe refuses, with why: set them aside, then look again. */
  | { readonly kind: 'drop'; readonly dropped: readonly { readonly signer: Address; readonly reason: string }[] }
  /** Fewer accepted signatures than the Safe's threshold now (it may have changed on chain): wait for more. */
  | { readonly kind: 'short'; readonly valid: number; readonly threshold: bigint }
  /** An earlier Safe nonce has not run yet. */
  | { readonly kind: 'not-next'; readonly safeNonce: bigint }
  /** It can never run as signed. */
  | { readonly kind: 'abandon'; readonly reason: string };

const byAddress = (a: SafeSignature, b: SafeSignature) => {
  const left = BigInt(a.signer);
  const right = BigInt(b.signer);
  return left < right ? -1 : left > right ? 1 : 0;
};

/**
 * Checks a Safe transaction against the Safe before sending: its nonce is the Safe's next, each recorded
 * signature is one the Safe accepts (asked of the Safe itself, one by one: a bad one is dropped with the
 * reason instead of blocking the others), and `execTransaction` with exactly the threshold of them, sorted,
 * simulates without a revert. A revert there is one signatures cannot change (e.g. GS013, the Safe's call
 * failing), so the transaction is abandoned with that reason. Transport errors are thrown (retried with backoff).
 */
export async function checkSafeExecution(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
): Promise<SafeExecutionCheck> {
  const state = await readSafeState(chain.public, contracts.safe);
  if (state.nonce > tx.nonce) return { kind: 'abandon', reason: `Safe nonce ${tx.nonce} was used by another transaction` };
  if (state.nonce < tx.nonce) return { kind: 'not-next', safeNonce: state.nonce };
  // What the Safe hands a contract owner's isValidSignature (EIP-1271) along with its signature.
  const preimage = safeTransactionPreimage({ chainId: contracts.chainId, safe: contracts.safe }, safeTransactionOf(tx));
  const dropped: { signer: Address; reason: string }[] = [];
  const valid: SafeSignature[] = [];
  for (const [signer, data] of tx.signatures) {
    if (!state.owners.some((owner) => isAddressEqual(owner, signer))) {
      dropped.push({ signer, reason: `${signer} is no longer an owner of the Safe` });
      continue;
    }
    const refusal = await safeSignatureRefusal(chain.public, contracts.safe, tx.safeTxHash, { signer, data }, preimage);
    if (refusal !== undefined) dropped.push({ signer, reason: `The Safe refuses this signature (${refusal})` });
    else valid.push({ signer, data });
  }
  if (dropped.length > 0) return { kind: 'drop', dropped };
  if (BigInt(valid.length) < state.threshold) return { kind: 'short', valid: valid.length, threshold: state.threshold };
  const signatures = valid.sort(byAddress).slice(0, Number(state.threshold));
  const refusal = await safeExecutionRefusal(chain.public, {
    safe: contracts.safe,
    account: chain.relayer.account.address,
    transaction: safeTransactionOf(tx),
    signatures,
  });
  if (refusal === undefined) return { kind: 'ready', signatures };
  return { kind: 'abandon', reason: `execTransaction reverts: ${refusal}${await calleeRefusal(chain, contracts, tx)}` };
}

/** Creator actions that call the share pool's own contract (the others call the GDAv1Forwarder). */
const callsSharePool = (action: string | undefined): boolean =>
  action === 'assign' || action === 'pause' || action === 'resume' || action === 'operator';

/**
 * Why the Safe's call itself reverts, for a plain call (a rotating pool's organiser call, decoded with the pool's
 * ABI): GS013 alone does not say. Empty when the call runs by itself (the Safe refused for another reason).
 */
async function calleeRefusal(chain: ExecutionChain, contracts: DaoContracts, tx: QueuedSafeTransaction): Promise<string> {
  const { to, value, data, operation } = tx.transaction;
  if (operation !== 0) return '';
  const abi =
    tx.purpose === 'rosca_organiser'
      ? rotatingPoolAbi
      : tx.purpose === 'share_pool_creator' && callsSharePool(tx.sharePoolAction?.action)
        ? sharePoolAbi
        : undefined;
  const reason = await safeCallRefusal(chain.public, { safe: contracts.safe, to, value, data, ...(abi ? { abi } : {}) });
  return reason === undefined ? '' : ` (the call of ${to} reverts: ${reason})`;
}

export async function confirmSafeTransaction(chain: ExecutionChain, contracts: DaoContracts, txHash: Hex, safeTxHash: Hex) {
  const receipt = await chain.public.waitForTransactionReceipt({ hash: txHash });
  const found = parseEventLogs({ abi: safeAbi, eventName: ['ExecutionSuccess', 'ExecutionFailure'], logs: receipt.logs }).find(
    (log) => log.args.txHash.toLowerCase() === safeTxHash.toLowerCase() && log.address.toLowerCase() === contracts.safe.toLowerCase(),
  );
  if (!found) throw new Error(`No Safe execution event for ${safeTxHash} in ${txHash}`);
  return { txHash, success: found.eventName === 'ExecutionSuccess' };
}
