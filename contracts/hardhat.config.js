// Hardhat 2 for compiling and for the local development node. Hardhat downloads compilers from the
// internet and fails offline (HH502), so the solc build subtask is pointed at the solc-js that npm
// installed (pinned in package.json), which makes `npm run contracts:compile` work on a fresh offline clone.
const path = require('node:path');
const { subtask, task } = require('hardhat/config');
const { TASK_COMPILE, TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require('hardhat/builtin-tasks/task-names');
const { writeAbiModules } = require('./scripts/write-abi-modules');

const SOLC_VERSION = '0.8.30';

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async ({ solcVersion }, _hre, runSuper) => {
  if (solcVersion !== SOLC_VERSION) return runSuper();
  const solc = require('solc');
  return {
    compilerPath: require.resolve('solc/soljson.js'),
    isSolcJs: true,
    version: SOLC_VERSION,
    longVersion: solc.version(),
  };
});

// Every compile refreshes the ABI modules (scripts/write-abi-modules.js), except where AYLLU_KEEP_ABI_MODULES is
// set: the chain tests compile that way so that they check the committed modules instead of rewriting them first.
task(TASK_COMPILE, async (args, hre, runSuper) => {
  await runSuper(args);
  if (!process.env.AYLLU_KEEP_ABI_MODULES) await writeAbiModules(hre.artifacts);
});

/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'prague' },
  },
  paths: {
    root: __dirname,
    sources: path.join(__dirname, 'src'),
    tests: path.join(__dirname, 'test'),
    artifacts: path.join(__dirname, 'artifacts'),
    cache: path.join(__dirname, 'cache'),
  },
  networks: {
    hardhat: {
      chainId: 31337,
      // The Superfluid framework deployer needs ~19.2M gas in one transaction and is 32 KB of code
      // (STACK.md): the default hardfork caps a transaction at 16,777,216 gas.
      hardfork: 'prague',
      gas: 30_000_000,
      blockGasLimit: 60_000_000,
      allowUnlimitedContractSize: true,
    },
  },
};
