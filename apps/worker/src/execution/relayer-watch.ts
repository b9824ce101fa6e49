import {
  BaseError,
  keccak256,
  WaitForTransactionReceiptTimeoutError,
  type Hash,
  type Hex,
  type LocalAccount,
  type PublicClient,
  type TransactionReceipt,
  type TransactionSerializable,
} from 'viem';
import { replacementFees, type RelayerFeePolicy, type RelayerFees } from './relayer-fees';
import { readFeeMarket } from './relayer-market';

/** What the watch tells the worker's log: replacements sent, and stuck transactions it can no longer bump. */
export interface RelayerObserver {
  readonly replaced?: (info: {
    readonly nonce: number;
    readonly stuck: Hash;
    readonly replacement: Hash;
    readonly fees: RelayerFees;
  }) => void;
  readonly capped?: (info: { readonly nonce: number; readonly hash: Hash; readonly fees: RelayerFees }) => void;
}

export interface RelayerWatchOptions {
  readonly public: PublicClient;
  /** Signs replacements: the relayer's own key, with the nonce of the transaction it replaces. */
  readonly account: LocalAccount;
  readonly policy: RelayerFeePolicy;
  /** RELAYER_STUCK_SECONDS: a transaction not mined this long after it was (re)sent is replaced. */
  readonly stuckAfterMs: number;
  /** How often a pending family's receipts are looked for (the waiters' answer comes from this poll). */
  readonly pollMs: number;
  /** Hands a signed replacement to the node through the relayer's one send queue. */
  readonly sendRaw: (serializedTransaction: Hex) => Promise<Hash>;
  readonly observer?: RelayerObserver;
}

/** The relayer's nonce was used by a transaction it did not send (another process with the same key). */
export class RelayerNonceTakenError extends BaseError {
  constructor(nonce: number, hashes: readonly Hash[]) {
    super(`the relayer's nonce ${nonce} was used by another transaction; ${hashes.join(', ')} will never be mined`, {
      name: 'RelayerNonceTakenError',
    });
  }
}

/** One transaction and its replacements: the same nonce and payload, each at higher fees. */
interface Family {
  readonly nonce: number;
  readonly request: TransactionSerializable;
  readonly hashes: Hash[];
  fees: RelayerFees;
  lastSentAt: number;
  capped: boolean;
  readonly receipt: Promise<TransactionReceipt>;
}

export interface RelayerWatch {
  /** Follows a transaction just handed to the node, replacing it while it is stuck, until one of them is mined. */
  readonly track: (hash: Hash, request: TransactionSerializable) => void;
  /** `waitForTransactionReceipt` that answers for any hash of a family with the receipt of whichever got mined. */
  readonly waitFor: (base: PublicClient['waitForTransactionReceipt']) => PublicClient['waitForTransactionReceipt'];
}

/** How long a mined family is remembered, so that a waiter holding an early hash still finds its receipt. */
const REMEMBER_MS = 15 * 60_000;

/** A family that can no longer be bumped only waits to be mined: no need to look as often. */
const CAPPED_POLL_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

const feesOf = (request: TransactionSerializable): RelayerFees =>
  request.maxFeePerGas !== undefined
    ? { type: 'eip1559', maxFeePerGas: request.maxFeePerGas, maxPriorityFeePerGas: request.maxPriorityFeePerGas ?? 0n }
    : { type: 'legacy', gasPrice: request.gasPrice ?? 0n };

const withFees = (request: TransactionSerializable, fees: RelayerFees): TransactionSerializable =>
  (fees.type === 'eip1559'
    ? { ...request, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
    : { ...request, gasPrice: fees.gasPrice }) as TransactionSerializable;

/**
 * Watches the relayer's transactions in this process. A transaction not mined within `stuckAfterMs` of its last
 * send is signed again with the same nonce and payload at bumped fees (see `replacementFees`), again and again
 * until one of the family is mined or the bump would cross the cap; then it is left to be mined as it is.
 * Waiters that hold any hash of the family get the receipt of the one that was mined.
 */
export function createRelayerWatch(options: RelayerWatchOptions): RelayerWatch {
  const client = options.public;
  const byHash = new Map<Hash, Family>();

  const minedReceipt = async (family: Family): Promise<TransactionReceipt | null> => {
    for (const hash of [...family.hashes].reverse()) {
      const receipt = await client.getTransactionReceipt({ hash }).catch(() => null);
      if (receipt) return receipt;
    }
    return null;
  };

  const replace = async (family: Family): Promise<void> => {
    const fees = replacementFees(family.fees, await readFeeMarket(client), options.policy);
    family.lastSentAt = Date.now();
    if (!fees) {
      family.capped = true;
      options.observer?.capped?.({ nonce: family.nonce, hash: family.hashes[family.hashes.length - 1], fees: family.fees });
      return;
    }
    const signed = await options.account.signTransaction(withFees(family.request, fees));
    const replacement = keccak256(signed);
    const stuck = family.hashes[family.hashes.length - 1];
    family.hashes.push(replacement);
    byHash.set(replacement, family);
    // Refused (underpriced, or the nonce was mined meanwhile): the next round looks for a receipt again.
    await options.sendRaw(signed);
    family.fees = fees;
    options.observer?.replaced?.({ nonce: family.nonce, stuck, replacement, fees });
  };

  const follow = async (family: Family): Promise<TransactionReceipt> => {
    for (;;) {
      await sleep(family.capped ? Math.max(options.pollMs, CAPPED_POLL_MS) : options.pollMs);
      try {
        const receipt = await minedReceipt(family);
        if (receipt) return receipt;
        const used = await client.getTransactionCount({ address: options.account.address, blockTag: 'latest' });
        if (used > family.nonce) {
          const late = await minedReceipt(family);
          if (late) return late;
          throw new RelayerNonceTakenError(family.nonce, family.hashes);
        }
        if (!family.capped && Date.now() - family.lastSentAt >= options.stuckAfterMs) await replace(family);
      } catch (error) {
        if (error instanceof RelayerNonceTakenError) throw error;
        // The node did not answer or refused a replacement: ask again next round.
      }
    }
  };

  const track = (hash: Hash, request: TransactionSerializable): void => {
    if (request.nonce === undefined) return;
    const family = {
      nonce: request.nonce,
      request,
      hashes: [hash],
      fees: feesOf(request),
      lastSentAt: Date.now(),
      capped: false,
    } as Omit<Family, 'receipt'> as Family;
    const receipt = follow(family);
    (family as { receipt: Promise<TransactionReceipt> }).receipt = receipt;
    byHash.set(hash, family);
    const forget = () => setTimeout(() => family.hashes.forEach((h) => byHash.delete(h)), REMEMBER_MS).unref();
    receipt.then(forget, forget);
  };

  const waitFor =
    (base: PublicClient['waitForTransactionReceipt']): PublicClient['waitForTransactionReceipt'] =>
    async (parameters) => {
      const family = byHash.get(parameters.hash);
      if (!family) return base(parameters);
      const mined = family.receipt.then((receipt) =>
        (parameters.confirmations ?? 1) > 1 ? base({ ...parameters, hash: receipt.transactionHash }) : receipt,
      );
      // A caller's own timeout holds; otherwise the wait lasts as long as the watch keeps the family alive.
      if (!parameters.timeout) return mined;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new WaitForTransactionReceiptTimeoutError({ hash: parameters.hash })), parameters.timeout);
      });
      return Promise.race([mined, timedOut]).finally(() => clearTimeout(timer));
    };

  return { track, waitFor };
}
