// Jest global setup of the `chain` project: compiles the contracts, starts ONE `hardhat node` for the run and
// deploys the development chain on it. Test files find it through AYLLU_DEV_CHAIN_FILE / RPC_URL (workers
// inherit this process's environment) and `loadDevChain()` from test/chain/dev-chain.ts.
//
// The node is shared by files running in parallel, so a file on it must deploy its own contracts, use its own
// accounts (test/chain/accounts.ts) and never call evm_revert / evm_increaseTime. A file that moves time or
// reverts snapshots starts a private node instead (`startPrivateDevChain()`).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileContracts } from '../libs/chain/src/local/compile-contracts';
import { deployDevChain } from '../libs/chain/src/local/deploy-dev-chain';
import { startHardhatNode } from '../libs/chain/src/local/start-hardhat-node';

export default async function chainGlobalSetup(): Promise<void> {
  // Leaves the committed ABI modules as they are: contracts/test/abi-modules.chain.spec.ts compares them with
  // the artifacts, which would prove nothing if the compile had just rewritten them.
  compileContracts({ keepAbiModules: true });
  process.env.AYLLU_CONTRACTS_COMPILED = '1';
  const node = await startHardhatNode();
  try {
    const devChain = await deployDevChain(node.rpcUrl);
    const dir = path.join(os.tmpdir(), 'ayllu-chain-tests');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `dev-chain-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ ...devChain, pid: node.pid }, null, 2));
    process.env.AYLLU_DEV_CHAIN_FILE = file;
    process.env.RPC_URL = node.rpcUrl;
  } catch (error) {
    await node.stop();
    throw error;
  }
}
