// `npm run chain`: a local development chain for `npm start`, for docker-compose and for trying things by hand.
// Starts `hardhat node` on CHAIN_HOST:CHAIN_PORT (default 127.0.0.1:8545; 0.0.0.0 in a container, so that other
// containers reach it), deploys Superfluid, the Safe singletons, the test token, its Super Token, the test strategy
// and the vault implementation, printing each piece as it is confirmed, then writes the chain's network profile
// to ${DATA_DIR:-.data}/network-profile.json (what the API, the worker, `npm run demo` and `npm run dao:deploy` read).
// CHAIN_PUBLIC_RPC_URL is the URL others reach the node at, recorded in the profile (default: this process's).
// The profile is written last and atomically: once it exists, the chain is fully deployed (docker-compose's
// healthcheck waits for it). Ctrl-C (or SIGTERM) stops the node.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatDeployProgress } from '../libs/chain/src/deploy/deploy-progress';
import { compileContracts } from '../libs/chain/src/local/compile-contracts';
import { deployDevChain, devChainStepLabels } from '../libs/chain/src/local/deploy-dev-chain';
import { startHardhatNode } from '../libs/chain/src/local/start-hardhat-node';
import { writeJsonAtomically } from '../libs/chain/src/local/write-json-atomically';
import { devChainProfile } from '../libs/chain/src/networks/dev-chain-profile';

async function main(): Promise<void> {
  const port = Number(process.env.CHAIN_PORT ?? 8545);
  const host = process.env.CHAIN_HOST?.trim() || '127.0.0.1';
  const dataDir = process.env.DATA_DIR ?? '.data';
  const profileFile = path.resolve(dataDir, 'network-profile.json');
  // Files left by an earlier node describe contracts this new node does not have: nobody may read them as ready.
  rmSync(profileFile, { force: true });
  // An older release's address file, nothing reads it any more.
  rmSync(path.resolve(dataDir, 'dev-chain.json'), { force: true });
  compileContracts();
  const node = await startHardhatNode({ port, host });
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
    console.log(`Node on ${host}:${port} (pid ${node.pid}); deploying the development contracts:`);
    const deployed = await deployDevChain(node.rpcUrl, undefined, (event) => {
      if (event.kind !== 'sent') console.log(formatDeployProgress(event, (step) => devChainStepLabels[step]));
    });
    const devChain = { ...deployed, rpcUrl: process.env.CHAIN_PUBLIC_RPC_URL?.trim() || node.rpcUrl };
    // The chain as a network profile, the format every other network is described in (NETWORK_PROFILE).
    const profile = devChainProfile(devChain);
    writeJsonAtomically(profileFile, profile);
    console.log(JSON.stringify(profile, null, 2));
    console.log(
      `\nDevelopment chain ${devChain.chainId} on ${devChain.rpcUrl} (node pid ${node.pid}); its profile is in ${profileFile}. Ctrl-C stops it.`,
    );
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

void main();
