import { encodeFunctionData, parseEventLogs, zeroAddress, type Address, type PublicClient, type WalletClient } from 'viem';
import { safeAbi } from '../abi/safe-l2';
import { safeProxyFactoryAbi } from '../abi/safe-proxy-factory';

export type DeploySafeParams = {
  readonly owners: readonly Address[];
  readonly threshold: bigint;
  readonly singleton: Address;
  readonly proxyFactory: Address;
  readonly fallbackHandler: Address;
  /** CREATE2 salt: the same owners, threshold and salt give the same Safe address on every chain. */
  readonly saltNonce?: bigint;
};

/** Creates a Safe proxy through the factory and returns its address (read from `ProxyCreation`). */
export async function deploySafe(client: { wallet: WalletClient; public: PublicClient }, params: DeploySafeParams): Promise<Address> {
  const { owners, threshold } = params;
  if (owners.length === 0) throw new Error('A Safe needs at least one owner');
  if (threshold < 1n || threshold > BigInt(owners.length)) {
    throw new Error(`Threshold ${threshold} is not between 1 and ${owners.length} owners`);
  }
  const account = client.wallet.account;
  if (!account) throw new Error('deploySafe needs a wallet client with an account');
  const initializer = encodeFunctionData({
    abi: safeAbi,
    functionName: 'setup',
    args: [owners, threshold, zeroAddress, '0x', params.fallbackHandler, zeroAddress, 0n, zeroAddress],
  });
  const hash = await client.wallet.writeContract({
    address: params.proxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: 'createProxyWithNonce',
    args: [params.singleton, initializer, params.saltNonce ?? 0n],
    account,
    chain: client.wallet.chain ?? null,
  });
  const receipt = await client.public.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: safeProxyFactoryAbi, eventName: 'ProxyCreation', logs: receipt.logs });
  if (receipt.status !== 'success' || !created) throw new Error(`Creating the Safe failed in ${hash}`);
  return created.args.proxy;
}
