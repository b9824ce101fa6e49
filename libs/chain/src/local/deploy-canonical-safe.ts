import {
  getCompatibilityFallbackHandlerDeployment,
  getCreateCallDeployment,
  getMultiSendCallOnlyDeployment,
  getMultiSendDeployment,
  getProxyFactoryDeployment,
  getSafeL2SingletonDeployment,
  getSignMessageLibDeployment,
  getSimulateTxAccessorDeployment,
  type SingletonDeployment,
} from '@safe-global/safe-deployments';
import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory';
import { concat, getAddress, getContractAddress, isAddressEqual, keccak256, pad, type Address, type Hex, type PublicClient } from 'viem';
import type { DevWallet } from './dev-clients';
import { loadSafeArtifact, safeArtifactPaths, type SafeSingletons } from './deploy-safe-singletons';

const SAFE_VERSION = '1.4.1';
const SALT = pad('0x00', { size: 32 });

const canonicalLookups: Record<keyof SafeSingletons, (filter: { version: string }) => SingletonDeployment | undefined> = {
  safeSingleton: getSafeL2SingletonDeployment,
  safeProxyFactory: getProxyFactoryDeployment,
  fallbackHandler: getCompatibilityFallbackHandlerDeployment,
  multiSend: getMultiSendDeployment,
  multiSendCallOnly: getMultiSendCallOnlyDeployment,
  signMessageLib: getSignMessageLibDeployment,
  createCall: getCreateCallDeployment,
  simulateTxAccessor: getSimulateTxAccessorDeployment,
};

/** Where `@safe-global/safe-deployments` says Safe 1.4.1's `name` lives on every EVM chain, and its runtime code hash. */
export function canonicalSafeDeployment(name: keyof SafeSingletons): { readonly address: Address; readonly codeHash: Hex } {
  const deployment = canonicalLookups[name]({ version: SAFE_VERSION });
  const canonical = (deployment?.deployments as Partial<Record<string, { address: string; codeHash: string }>> | undefined)?.canonical;
  if (!canonical) throw new Error(`@safe-global/safe-deployments lists no canonical Safe ${SAFE_VERSION} ${name}`);
  return { address: getAddress(canonical.address), codeHash: canonical.codeHash as Hex };
}

/** Every Safe 1.4.1 contract's canonical address, in the shape the deploy code returns. */
export const canonicalSafeAddresses = (): SafeSingletons =>
  Object.fromEntries(
    (Object.keys(canonicalLookups) as (keyof SafeSingletons)[]).map((name) => [name, canonicalSafeDeployment(name).address]),
  ) as SafeSingletons;

const hasCode = async (client: PublicClient, address: Address) => {
  const code = await client.getCode({ address });
  return code !== undefined && code !== '0x';
};

/**
 * Puts the Safe singleton factory on a local chain: its pre-signed transaction (EIP-155, for this chain id;
 * shipped by `@safe-global/safe-singleton-factory`) is sent raw after its signer is funded from `wallet`.
 * Nothing is sent when the factory is already there. The transaction is chain-bound (v = 2·31337 + 35 for
 * Hardhat), so a node that refuses unprotected transactions takes it, and its fixed 100 gwei gas price is well
 * above a fresh Hardhat node's base fee (1 gwei, falling while blocks stay empty).
 */
export async function deploySingletonFactory(wallet: DevWallet, client: PublicClient): Promise<Address> {
  const chainId = await client.getChainId();
  const info = getSingletonFactoryInfo(chainId);
  if (!info) throw new Error(`@safe-global/safe-singleton-factory has no pre-signed deployment for chain ${chainId}`);
  const factory = getAddress(info.address);
  if (await hasCode(client, factory)) return factory;
  const signer = getAddress(info.signerAddress);
  const cost = BigInt(info.gasPrice) * BigInt(info.gasLimit);
  const balance = await client.getBalance({ address: signer });
  if (balance < cost) {
    const funding = await wallet.sendTransaction({ to: signer, value: cost - balance });
    await client.waitForTransactionReceipt({ hash: funding });
  }
  const hash = await client.sendRawTransaction({ serializedTransaction: info.transaction as Hex });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !(await hasCode(client, factory)))
    throw new Error(`The Safe singleton factory was not deployed at ${factory} (transaction ${hash})`);
  return factory;
}

/**
 * Deploys Safe 1.4.1 on a local chain at the addresses it has on every public chain: through the Safe singleton
 * factory (CREATE2, salt zero) from the artifacts `@safe-global/safe-contracts` ships, each contract only if its
 * address has no code yet (so it may be called again, or on a node where they are deployed). Throws, naming
 * the contract, when one would land elsewhere than `@safe-global/safe-deployments` lists (the artifact's
 * bytecode differs) or its runtime code is not the canonical one.
 */
export async function deployCanonicalSafe(clients: { wallet: DevWallet; public: PublicClient }): Promise<SafeSingletons> {
  const { wallet, public: client } = clients;
  const factory = await deploySingletonFactory(wallet, client);
  const deployed: Partial<Record<keyof SafeSingletons, Address>> = {};
  for (const name of Object.keys(safeArtifactPaths) as (keyof SafeSingletons)[]) {
    const { bytecode } = loadSafeArtifact(safeArtifactPaths[name]);
    const canonical = canonicalSafeDeployment(name);
    const address = getContractAddress({ opcode: 'CREATE2', from: factory, salt: SALT, bytecode });
    if (!isAddressEqual(address, canonical.address))
      throw new Error(
        `Safe ${SAFE_VERSION} ${name} would be deployed at ${address}, not at its canonical address ${canonical.address}: the bytecode of @safe-global/safe-contracts differs from the canonical deployment's`,
      );
    if (!(await hasCode(client, address))) {
      const hash = await wallet.sendTransaction({ to: factory, data: concat([SALT, bytecode]) });
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`Deploying the Safe ${name} through the singleton factory failed (${hash})`);
    }
    const code = await client.getCode({ address });
    if (!code || code === '0x') throw new Error(`The singleton factory left no Safe ${name} at ${address}`);
    if (keccak256(code) !== canonical.codeHash)
      throw new Error(`The code at ${address} is not the canonical Safe ${SAFE_VERSION} ${name} (code hash ${keccak256(code)})`);
    deployed[name] = address;
  }
  return deployed as SafeSingletons;
}
