import {
  BaseError,
  createPublicClient,
  custom,
  getAddress,
  HttpRequestError,
  LimitExceededRpcError,
  ResourceUnavailableRpcError,
  size,
  TimeoutError,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { verifyHash } from 'viem/actions';
import { recoverSigner } from '@ayllu/chain';

/** How a signature over a digest stands for the address it names. */
export type WalletSignatureCheck =
  | { readonly valid: true; readonly by: 'key' | 'contract' }
  | { readonly valid: false; readonly reason: 'NOT_SIGNED' | 'NEEDS_CHAIN' | 'CHAIN_UNAVAILABLE' };

export type WalletSignatureParams = {
  readonly address: Address;
  /** The EIP-712 digest the wallet signed. */
  readonly hash: Hex;
  readonly signature: Hex;
};

const ECDSA_BYTES = 65;
/** How long a member waits for their contract wallet to be asked before the answer is "retry" (503). */
export const WALLET_CHECK_BUDGET_MS = 8_000;

/**
 * A 65-byte signature that recovers to `address` (native secp256k1); never touches a chain, so key holders sign
 * while it is down. r or s out of range, an unknown v: not a key's signature, perhaps a contract's.
 */
const recoversTo = ({ address, hash, signature }: WalletSignatureParams): boolean => {
  const signer = recoverSigner(hash, signature);
  return signer !== null && signer === getAddress(address);
};

/** The node did not answer (no connection, an HTTP error such as 429 or 502, a timeout, a provider's limit). */
const isUnanswered = (error: unknown): boolean =>
  !(error instanceof BaseError) ||
  Boolean(
    error.walk(
      (e) =>
        e instanceof HttpRequestError ||
        e instanceof TimeoutError ||
        e instanceof LimitExceededRpcError ||
        e instanceof ResourceUnavailableRpcError,
    ),
  );

/**
 * The chain client, seen through a transport that notes whether any request went unanswered: viem's
 * signature check reports a failed call as "not valid", which must not be mistaken for the wallet's refusal.
 */
const watching = (chain: PublicClient) => {
  let unanswered = false;
  const request = async (args: Parameters<PublicClient['request']>[0]): Promise<unknown> => {
    try {
      return await chain.request(args);
    } catch (error) {
      if (isUnanswered(error)) unanswered = true;
      throw error;
    }
  };
  // The chain client retries already; this layer only watches.
  const client = createPublicClient({ transport: custom({ request }, { retryCount: 0 }) });
  return { client, unanswered: () => unanswered };
};

/**
 * A member's signature is valid if it is their key's (ECDSA recovery, no chain), or else if the contract at
 * their address accepts it: viem's `verifyHash` (what `verifyTypedData` does after hashing) asks
 * `isValidSignature` (EIP-1271) of a deployed wallet, and deploys an undeployed one in a simulated call first
 * when the signature is ERC-6492 wrapped. When a request went unanswered, or the check takes longer than
 * `budgetMs` (a node that accepts connections and never replies), the check could not be made
 * (CHAIN_UNAVAILABLE; the caller answers 503), whatever viem concluded.
 */
export async function verifyWalletSignature(
  chain: PublicClient | null,
  params: WalletSignatureParams,
  budgetMs: number = WALLET_CHECK_BUDGET_MS,
): Promise<WalletSignatureCheck> {
  if (recoversTo(params)) return { valid: true, by: 'key' };
  if (!chain) return { valid: false, reason: size(params.signature) === ECDSA_BYTES ? 'NOT_SIGNED' : 'NEEDS_CHAIN' };
  const watched = watching(chain);
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'OUT_OF_TIME'>((resolve) => {
    timer = setTimeout(() => resolve('OUT_OF_TIME'), budgetMs);
  });
  // A malformed wrapper or an unanswered request both end as "not valid" here; they are told apart below.
  const checked = verifyHash(watched.client, { ...params, mode: 'auto' }).catch(() => false);
  const outcome = await Promise.race([checked, outOfTime]).finally(() => clearTimeout(timer));
  if (outcome === true) return { valid: true, by: 'contract' };
  return { valid: false, reason: outcome === 'OUT_OF_TIME' || watched.unanswered() ? 'CHAIN_UNAVAILABLE' : 'NOT_SIGNED' };
}
