import { getConnection, signMessage, signTypedData, switchChain, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
import type { Abi, Address, Hex } from 'viem';
import { wagmiConfig } from './config';
import { NoWalletError, WrongChainError, isRefusal } from './wallet-errors';

/** Typed data exactly as the API serves it (`types` includes `EIP712Domain`). */
export interface ServedTypedData {
  readonly domain: Record<string, unknown>;
  readonly types: Record<string, unknown>;
  readonly primaryType: string;
  readonly message: Record<string, unknown>;
}

export const connectedAddress = (): Address => {
  const { address } = getConnection(wagmiConfig);
  if (!address) throw new NoWalletError();
  return address;
};

/** Asks the wallet to move to the DAO's chain when it is elsewhere; a refusal becomes a WrongChainError. */
export const ensureChain = async (chainId: number): Promise<void> => {
  const current = getConnection(wagmiConfig).chainId;
  if (current === chainId) return;
  try {
    await switchChain(wagmiConfig, { chainId: chainId as never });
  } catch (error) {
    throw new WrongChainError(
      current ?? 0,
      chainId,
      isRefusal(error) ? 'The wallet was asked to switch and the request was declined.' : 'The wallet could not switch by itself.',
    );
  }
  const after = getConnection(wagmiConfig).chainId;
  if (after !== chainId) throw new WrongChainError(after ?? 0, chainId, 'The wallet is still on the other network.');
};

/**
 * Signs the typed data exactly as served: domain, types (EIP712Domain included, as the API states it), primary type
 * and message go to eth_signTypedData_v4 unchanged, so the wallet signs the digest the server checks.
 */
export const signServed = async (typed: ServedTypedData, chainId: number): Promise<Hex> => {
  const account = connectedAddress();
  await ensureChain(chainId);
  return signTypedData(wagmiConfig, { account, ...typed } as never);
};

export const signText = async (message: string): Promise<Hex> => signMessage(wagmiConfig, { account: connectedAddress(), message });

/** Sends a contract call from the wallet on `chainId` and waits until the chain included it. */
export const sendAndWait = async (
  chainId: number,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
): Promise<Hex> => {
  const account = connectedAddress();
  await ensureChain(chainId);
  const hash = await writeContract(wagmiConfig, { account, chainId, ...call } as never);
  const receipt = await waitForTransactionReceipt(wagmiConfig, { hash, chainId: chainId as never });
  if (receipt.status !== 'success') throw new Error(`The transaction ${hash} reverted`);
  return hash;
};
