import { concat, getContractAddress, keccak256, toHex, type Address, type Hex, type PublicClient, type WalletClient } from 'viem';
import { loadAylluArtifact } from '../local/artifacts';
import type { NetworkProfile } from '../networks/network-profile';

/**
 * The Safe singleton factory (a CREATE2 deployer at the same address on every chain where Safe is deployed,
 * from a pre-signed transaction): what makes the vault implementation's address the same on every chain.
 */
export const SAFE_SINGLETON_FACTORY: Address = '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7';

const SALT: Hex = keccak256(toHex('ayllu:CommunityVault:implementation'));

/** Where the CommunityVault implementation compiled from this source lands through the singleton factory. */
export const deterministicVaultImplementation = (): { readonly address: Address; readonly initCode: Hex } => {
  const { bytecode } = loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault');
  return { address: getContractAddress({ opcode: 'CREATE2', from: SAFE_SINGLETON_FACTORY, salt: SALT, bytecode }), initCode: bytecode };
};

const hasCode = async (client: PublicClient, address: Address) => ((await client.getCode({ address })) ?? '0x') !== '0x';

/**
 * The implementation vault proxies point at: the profile's `ayllu.communityVaultImplementation` when it names
 * one, else the deterministic one, deployed through the singleton factory the first time a DAO needs it. Two
 * workers racing to deploy it send the same CREATE2 creation; the second reverts harmlessly and both read it.
 */
export async function communityVaultImplementation(
  clients: { readonly wallet: WalletClient; readonly public: PublicClient },
  profile: NetworkProfile,
): Promise<Address> {
  const named = profile.ayllu?.communityVaultImplementation;
  if (named) return named;
  const { address, initCode } = deterministicVaultImplementation();
  if (await hasCode(clients.public, address)) return address;
  if (!(await hasCode(clients.public, SAFE_SINGLETON_FACTORY)))
    throw new Error(
      `${profile.name}: the profile names no ayllu.communityVaultImplementation and the Safe singleton factory ` +
        `${SAFE_SINGLETON_FACTORY} is not on chain ${profile.chainId}; deploy CommunityVault and name it in the profile`,
    );
  const hash = await clients.wallet.sendTransaction({
    account: clients.wallet.account!,
    chain: clients.wallet.chain,
    to: SAFE_SINGLETON_FACTORY,
    data: concat([SALT, initCode]),
  });
  await clients.public.waitForTransactionReceipt({ hash });
  if (!(await hasCode(clients.public, address)))
    throw new Error(`Deploying the CommunityVault implementation through the singleton factory left no code at ${address} (${hash})`);
  return address;
}
