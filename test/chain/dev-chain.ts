import { readFileSync } from 'node:fs';
import { deployDevChain, type DevChain } from '../../libs/chain/src/local/deploy-dev-chain';
import { devClients, type DevClients } from '../../libs/chain/src/local/dev-clients';
import { startHardhatNode } from '../../libs/chain/src/local/start-hardhat-node';

export type DevChainContext = { readonly devChain: DevChain; readonly clients: DevClients };

/**
 * The development chain the `chain` project's global setup deployed on the run's shared node. Shared with
 * files running in parallel: deploy your own contracts, use your own accounts, never move time or revert.
 */
export function loadDevChain(): DevChainContext {
  const file = process.env.AYLLU_DEV_CHAIN_FILE;
  if (!file) throw new Error('AYLLU_DEV_CHAIN_FILE is not set: run chain tests with `npx jest --selectProjects chain`');
  const devChain = JSON.parse(readFileSync(file, 'utf8')) as DevChain;
  return { devChain, clients: devClients(devChain.rpcUrl) };
}

/**
 * A node of this file's own with the development chain deployed (~3 s): for files that move chain time or
 * revert snapshots, which would break files sharing the run's node. Call `stop()` in `afterAll`.
 */
export async function startPrivateDevChain(): Promise<DevChainContext & { stop(): Promise<void> }> {
  const node = await startHardhatNode();
  try {
    const devChain = await deployDevChain(node.rpcUrl);
    return { devChain, clients: devClients(node.rpcUrl), stop: () => node.stop() };
  } catch (error) {
    await node.stop();
    throw error;
  }
}
