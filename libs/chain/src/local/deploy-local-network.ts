import type { NetworkProfile } from '../networks/network-profile';
import { loadAylluArtifact } from './artifacts';
import { deployCanonicalSafe } from './deploy-canonical-safe';
import { deployContract } from './deploy-contract';
import { deploySuperfluidFramework } from './deploy-superfluid-framework';
import { deployTestToken } from './deploy-test-token';
import { devClients, type DevClients } from './dev-clients';

/**
 * Makes a fresh local node (e.g. a `hardhat node` started by hand or by a test) a network Ayllu can run on, and
 * describes it as any other network: Safe 1.4.1 at its canonical addresses (`deployCanonicalSafe`), the
 * Superfluid framework, a mintable test token with its Super Token, and the CommunityVault implementation, all
 * sent from Hardhat account `account` (0 unless given). The result is what a `NETWORK_PROFILE` file holds.
 * Needs compiled contracts (`npm run contracts:compile`).
 */
export async function deployLocalNetwork(
  rpcUrl: string,
  options: { readonly clients?: DevClients; readonly account?: number; readonly name?: string } = {},
): Promise<NetworkProfile> {
  const clients = options.clients ?? devClients(rpcUrl);
  const wallet = clients.wallet(options.account ?? 0);
  const client = { wallet, public: clients.public };
  const safe = await deployCanonicalSafe(client);
  const superfluid = await deploySuperfluidFramework(clients, wallet);
  const { testToken, testSuperToken } = await deployTestToken(client, superfluid.superTokenFactory);
  const vault = loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault');
  const communityVaultImplementation = await deployContract(client, { name: 'CommunityVault', ...vault });
  const name = options.name ?? 'local';
  return {
    name,
    chainId: await clients.public.getChainId(),
    displayName: `Local chain at ${rpcUrl}`,
    testnet: true,
    rpcUrls: [rpcUrl],
    confirmations: 0,
    safe: {
      singleton: safe.safeSingleton,
      proxyFactory: safe.safeProxyFactory,
      multiSend: safe.multiSend,
      multiSendCallOnly: safe.multiSendCallOnly,
      fallbackHandler: safe.fallbackHandler,
      signMessageLib: safe.signMessageLib,
    },
    superfluid: {
      host: superfluid.host,
      gda: superfluid.gda,
      gdaForwarder: superfluid.gdaV1Forwarder,
      cfaForwarder: superfluid.cfaV1Forwarder,
      superTokenFactory: superfluid.superTokenFactory,
      resolver: superfluid.resolver,
    },
    tokens: [{ symbol: 'TST', address: testToken, decimals: 18, superToken: testSuperToken }],
    ayllu: { communityVaultImplementation },
  };
}
