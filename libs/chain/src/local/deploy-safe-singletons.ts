import { getAddress, type Abi, type Address, type Hex, type PublicClient, type WalletClient } from 'viem';

/** Addresses of the Safe 1.4.1 contracts a local chain needs before any DAO's Safe can be created. */
export type SafeSingletons = {
  readonly safeSingleton: Address; // SafeL2: emits SafeMultiSigTransaction, which the indexer reads
  readonly safeProxyFactory: Address;
  readonly fallbackHandler: Address; // CompatibilityFallbackHandler
  readonly multiSend: Address;
  readonly multiSendCallOnly: Address;
  readonly signMessageLib: Address;
  readonly createCall: Address;
  readonly simulateTxAccessor: Address;
};

type Artifact = { readonly abi: Abi; readonly bytecode: Hex };

const ARTIFACTS = '@safe-global/safe-contracts/build/artifacts/contracts';

// Paths inside the npm package; resolved at call time so importing this module costs nothing.
export const safeArtifactPaths: Record<keyof SafeSingletons, string> = {
  safeSingleton: 'SafeL2.sol/SafeL2.json',
  safeProxyFactory: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
  fallbackHandler: 'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
  multiSend: 'libraries/MultiSend.sol/MultiSend.json',
  multiSendCallOnly: 'libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
  signMessageLib: 'libraries/SignMessageLib.sol/SignMessageLib.json',
  createCall: 'libraries/CreateCall.sol/CreateCall.json',
  simulateTxAccessor: 'accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json',
};

export const loadSafeArtifact = (relativePath: string): Artifact =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`${ARTIFACTS}/${relativePath}`) as Artifact;

/**
 * Deploys the Safe 1.4.1 singletons from the package's compiled artifacts, one after another from the
 * wallet's account. Sequential on purpose: the same deployer on a fresh node then always gets the same
 * addresses (its nonces 0..7 when nothing was sent before), which keeps the dev chain reproducible.
 */
export async function deploySafeSingletons(client: { wallet: WalletClient; public: PublicClient }): Promise<SafeSingletons> {
  const { wallet, public: publicClient } = client;
  const account = wallet.account;
  if (!account) throw new Error('deploySafeSingletons needs a wallet client with an account');

  const deployed: Partial<Record<keyof SafeSingletons, Address>> = {};
  for (const name of Object.keys(safeArtifactPaths) as (keyof SafeSingletons)[]) {
    const { abi, bytecode } = loadSafeArtifact(safeArtifactPaths[name]);
    const hash = await wallet.deployContract({ abi, bytecode, account, chain: wallet.chain ?? null });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || !receipt.contractAddress) {
      throw new Error(`Deploying the Safe ${name} failed in transaction ${hash}`);
    }
    deployed[name] = getAddress(receipt.contractAddress);
  }
  return deployed as SafeSingletons;
}
