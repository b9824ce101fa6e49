import type { Address } from 'viem';
import { loadAylluArtifact } from './artifacts';
import { deployContract } from './deploy-contract';
import { deploySafeSingletons, type SafeSingletons } from './deploy-safe-singletons';
import { deploySuperfluidFramework, type SuperfluidFramework } from './deploy-superfluid-framework';
import { deployTestToken } from './deploy-test-token';
import { devClients, type DevClients } from './dev-clients';

/** Everything deployed on a local development chain, as written to `dev-chain.json`. */
export type DevChain = {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly deployer: Address;
  readonly superfluid: SuperfluidFramework;
  readonly safe: SafeSingletons;
  /** The DAO asset for development: an 18-decimal ERC-20 anyone may mint. */
  readonly testToken: Address;
  /** The Superfluid wrapper of `testToken`, used for payouts. */
  readonly testSuperToken: Address;
  /** An ERC-4626 strategy over `testToken` with `simulateYield(amount)`. */
  readonly testStrategy: Address;
  /** A CommunityVault implementation that per-DAO proxies point at. */
  readonly communityVaultImplementation: Address;
};

/**
 * Deploys the development chain's shared contracts from Hardhat account #0, one transaction after another:
 * on a fresh node the addresses are therefore always the same. Needs compiled contracts
 * (`npm run contracts:compile`).
 */
export async function deployDevChain(rpcUrl: string, clients: DevClients = devClients(rpcUrl)): Promise<DevChain> {
  const wallet = clients.wallet(0);
  const client = { wallet, public: clients.public };
  const superfluid = await deploySuperfluidFramework(clients, wallet);
  const safe = await deploySafeSingletons(client);

  const { testToken, testSuperToken } = await deployTestToken(client, superfluid.superTokenFactory);

  const strategy = loadAylluArtifact('src/test/TestStrategy.sol', 'TestStrategy');
  const testStrategy = await deployContract(client, { name: 'TestStrategy', ...strategy, args: [testToken] });
  const vault = loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault');
  const communityVaultImplementation = await deployContract(client, { name: 'CommunityVault', ...vault });

  return {
    chainId: await clients.public.getChainId(),
    rpcUrl,
    deployer: wallet.account.address,
    superfluid,
    safe,
    testToken,
    testSuperToken,
    testStrategy,
    communityVaultImplementation,
  };
}
