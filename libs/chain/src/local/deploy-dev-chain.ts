import { deploySingletonFactory } from './deploy-canonical-safe';
import type { Address } from 'viem';
import { trackProgress, type OnDeployProgress } from '../deploy/deploy-progress';
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

/** The pieces of the development chain, in the order `deployDevChain` deploys them. */
export type DevChainDeployStep = 'superfluid' | 'safe' | 'testToken' | 'testStrategy' | 'vaultImplementation';

/** How `npm run chain` and `npm start` name the pieces in their progress lines. */
export const devChainStepLabels: Readonly<Record<DevChainDeployStep, string>> = {
  superfluid: 'the Superfluid framework',
  safe: 'the Safe 1.4.1 singletons',
  testToken: 'the test token (TST) and its Super Token (TSTx)',
  testStrategy: 'the test strategy',
  vaultImplementation: 'the CommunityVault implementation',
};

/**
 * Deploys the development chain's shared contracts from Hardhat account #0, one transaction after another:
 * on a fresh node the addresses are therefore always the same. Needs compiled contracts
 * (`npm run contracts:compile`).
 */
export async function deployDevChain(
  rpcUrl: string,
  given: DevClients = devClients(rpcUrl),
  onProgress?: OnDeployProgress<DevChainDeployStep>,
): Promise<DevChain> {
  const progress = trackProgress<DevChainDeployStep, DevClients['public']>(given.public, onProgress);
  const clients: DevClients = { ...given, public: progress.public };
  const wallet = clients.wallet(0);
  const client = { wallet, public: clients.public };
  const itself = (address: Address) => address;
  const superfluid = await progress.step(
    'superfluid',
    () => deploySuperfluidFramework(clients, wallet),
    (f) => f.host,
  );
  const safe = await progress.step(
    'safe',
    async () => {
      // The singleton factory too, as on every chain Safe is deployed to: rotating pools deploy through it (CREATE2).
      await deploySingletonFactory(wallet, clients.public);
      return deploySafeSingletons(client);
    },
    (s) => s.safeSingleton,
  );

  const { testToken, testSuperToken } = await progress.step(
    'testToken',
    () => deployTestToken(client, superfluid.superTokenFactory),
    (t) => t.testToken,
  );

  const strategy = loadAylluArtifact('src/test/TestStrategy.sol', 'TestStrategy');
  const testStrategy = await progress.step(
    'testStrategy',
    () => deployContract(client, { name: 'TestStrategy', ...strategy, args: [testToken] }),
    itself,
  );
  const vault = loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault');
  const communityVaultImplementation = await progress.step(
    'vaultImplementation',
    () => deployContract(client, { name: 'CommunityVault', ...vault }),
    itself,
  );

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
