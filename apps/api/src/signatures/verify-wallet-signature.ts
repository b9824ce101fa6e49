import { getAddress, recoverAddress, size, type Address, type Hex, type PublicClient } from 'viem';
import { verifyHash } from 'viem/actions';

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

/** A 65-byte signature that recovers to `address`; never touches a chain, so key holders sign while it is down. */
const recoversTo = async ({ address, hash, signature }: WalletSignatureParams): Promise<boolean> => {
  if (size(signature) !== ECDSA_BYTES) return false;
  try {
    return getAddress(await recoverAddress({ hash, signature })) === getAddress(address);
  } catch {
    return false; // r or s out of range, an unknown v: not a key's signature, perhaps a contract's
  }
};

/** Does the node answer at all? A refusal is believed only from a chain that answers. */
const answers = async (chain: PublicClient): Promise<boolean> => {
  try {
    await chain.getChainId();
    return true;
  } catch {
    return false;
  }
};

/**
 * A member's signature is valid if it is their key's (ECDSA recovery, no chain), or else if the contract at
 * their address accepts it: viem's `verifyHash` asks `isValidSignature` (EIP-1271) of a deployed wallet and
 * deploys an undeployed one in a simulated call first when the signature is ERC-6492 wrapped. viem reports a
 * node that does not answer as an invalid signature, so an invalid answer is confirmed by asking the node
 * whether it answers: if it does not, the check could not be made (the caller answers 503), rather than "not
 * signed" from a wallet that may well have signed.
 */
export async function verifyWalletSignature(chain: PublicClient | null, params: WalletSignatureParams): Promise<WalletSignatureCheck> {
  if (await recoversTo(params)) return { valid: true, by: 'key' };
  if (!chain) return { valid: false, reason: size(params.signature) === ECDSA_BYTES ? 'NOT_SIGNED' : 'NEEDS_CHAIN' };
  let valid = false;
  try {
    valid = await verifyHash(chain, { ...params, mode: 'auto' });
  } catch {
    valid = false; // decided below by whether the node answers
  }
  if (valid) return { valid: true, by: 'contract' };
  return { valid: false, reason: (await answers(chain)) ? 'NOT_SIGNED' : 'CHAIN_UNAVAILABLE' };
}
