import { getAddress, parseEventLogs, type Address, type PublicClient } from 'viem';
import { superTokenFactoryAbi } from '../abi/super-token-factory';
import { loadAylluArtifact } from './artifacts';
import { deployContract } from './deploy-contract';
import type { DevWallet } from './dev-clients';

const SEMI_UPGRADABLE = 1;

/**
 * Deploys the development token (an 18-decimal ERC-20 anyone may mint, `TST`) and wraps it in a Super Token
 * through the framework's factory, for streamed payouts. Needs compiled contracts (`npm run contracts:compile`).
 */
export async function deployTestToken(
  client: { wallet: DevWallet; public: PublicClient },
  superTokenFactory: Address,
): Promise<{ readonly testToken: Address; readonly testSuperToken: Address }> {
  const token = loadAylluArtifact('src/test/TestToken.sol', 'TestToken');
  const testToken = await deployContract(client, { name: 'TestToken', ...token, args: ['Ayllu Test Token', 'TST'] });
  const hash = await client.wallet.writeContract({
    address: superTokenFactory,
    abi: superTokenFactoryAbi,
    functionName: 'createERC20Wrapper',
    args: [testToken, 18, SEMI_UPGRADABLE, 'Super Ayllu Test Token', 'TSTx'],
  });
  const receipt = await client.public.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: superTokenFactoryAbi, logs: receipt.logs, eventName: 'SuperTokenCreated' });
  if (receipt.status !== 'success' || !created) throw new Error(`Creating the test Super Token failed (${hash})`);
  return { testToken, testSuperToken: getAddress(created.args.token) };
}
