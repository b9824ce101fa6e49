// `npm run chain`: a local development chain for `npm start` and for trying things by hand. Starts `hardhat
// node` on CHAIN_PORT (default 8545), deploys Superfluid, the Safe singletons, the test token, its Super Token,
// the test strategy and the vault implementation, prints the addresses and writes them to
// ${DATA_DIR:-.data}/dev-chain.json. Ctrl-C (or SIGTERM) stops the node.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileContracts } from '../libs/chain/src/local/compile-contracts';
import { deployDevChain } from '../libs/chain/src/local/deploy-dev-chain';
import { devChainProfile } from '../libs/chain/src/networks/dev-chain-profile';
import { startHardhatNode } from '../libs/chain/src/local/start-hardhat-node';

async function main(): Promise<void> {
  const port = Number(process.env.CHAIN_PORT ?? 8545);
  const dataDir = process.env.DATA_DIR ?? '.data';
  compileContracts();
  const node = await startHardhatNode({ port });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await node.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const devChain = await deployDevChain(node.rpcUrl);
    mkdirSync(dataDir, { recursive: true });
    const file = path.resolve(dataDir, 'dev-chain.json');
    writeFileSync(file, JSON.stringify(devChain, null, 2));
    // The same chain as a network profile, the format every other network is described in (NETWORK_PROFILE).
    const profileFile = path.resolve(dataDir, 'network-profile.json');
    writeFileSync(profileFile, JSON.stringify(devChainProfile(devChain), null, 2));
    console.log(JSON.stringify(devChain, null, 2));
    console.log(
      `\nDevelopment chain ${devChain.chainId} on ${node.rpcUrl} (node pid ${node.pid}); addresses in ${file}, profile in ${profileFile}. Ctrl-C stops it.`,
    );
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

void main();
