// Writes the ABI of every contract the code calls as a TypeScript module (`as const`), so viem types every call,
// argument and decoded event: our contracts' from Hardhat's artifacts into contracts/abi/, the third-party
// contracts' from the compiled artifacts their npm packages ship (Safe, OpenZeppelin, Superfluid) into
// libs/chain/src/abi/. Nothing is typed by hand. Runs after each compile (see hardhat.config.js) and alone with
// `npm run abi:generate` (on the artifacts of the last compile). Generated, committed, and rewritten only when
// an ABI changed; `contracts/test/abi-modules.chain.spec.ts` fails if a module is stale or was edited by hand.
const fs = require('node:fs');
const path = require('node:path');

const OWN_DIR = path.join(__dirname, '..', 'abi');
const PACKAGED_DIR = path.join(__dirname, '..', '..', 'libs', 'chain', 'src', 'abi');
const ARTIFACTS_DIR = path.join(__dirname, '..', 'artifacts');

const SAFE = '@safe-global/safe-contracts/build/artifacts/contracts';
const OPENZEPPELIN = '@openzeppelin/contracts/build/contracts';
const SUPERFLUID = '@superfluid-finance/ethereum-contracts/build/hardhat/contracts';

/** Our contracts, by name in Hardhat's artifacts (contracts/artifacts, written by `npm run contracts:compile`). */
const OWN = [
  { contract: 'CommunityVault', exportName: 'communityVaultAbi', file: 'community-vault.ts' },
  { contract: 'TestToken', exportName: 'testTokenAbi', file: 'test-token.ts' },
  { contract: 'TestStrategy', exportName: 'testStrategyAbi', file: 'test-strategy.ts' },
  { contract: 'ERC1967Proxy', exportName: 'erc1967ProxyAbi', file: 'erc1967-proxy.ts' },
  { contract: 'TimelockModuleRelay', exportName: 'timelockModuleRelayAbi', file: 'timelock-module-relay.ts' },
  { contract: 'RotatingPool', exportName: 'rotatingPoolAbi', file: 'rotating-pool.ts' },
  { contract: 'SharePool', exportName: 'sharePoolAbi', file: 'share-pool.ts' },
  { contract: 'TestBlacklistToken', exportName: 'testBlacklistTokenAbi', file: 'test-blacklist-token.ts' },
];

/** Third-party contracts the code calls or decodes events of, by their artifact's path inside the npm package. */
const PACKAGED = [
  // The Safe singleton deployed for every DAO is SafeL2: it also emits SafeMultiSigTransaction.
  { artifact: `${SAFE}/SafeL2.sol/SafeL2.json`, exportName: 'safeAbi', file: 'safe-l2.ts' },
  {
    artifact: `${SAFE}/proxies/SafeProxyFactory.sol/SafeProxyFactory.json`,
    exportName: 'safeProxyFactoryAbi',
    file: 'safe-proxy-factory.ts',
  },
  {
    artifact: `${SAFE}/libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json`,
    exportName: 'multiSendCallOnlyAbi',
    file: 'multi-send-call-only.ts',
  },
  { artifact: `${OPENZEPPELIN}/TimelockController.json`, exportName: 'timelockAbi', file: 'timelock-controller.ts' },
  { artifact: `${SUPERFLUID}/utils/GDAv1Forwarder.sol/GDAv1Forwarder.json`, exportName: 'gdaForwarderAbi', file: 'gda-v1-forwarder.ts' },
  { artifact: `${SUPERFLUID}/utils/CFAv1Forwarder.sol/CFAv1Forwarder.json`, exportName: 'cfaForwarderAbi', file: 'cfa-v1-forwarder.ts' },
  {
    artifact: `${SUPERFLUID}/agreements/gdav1/GeneralDistributionAgreementV1.sol/GeneralDistributionAgreementV1.json`,
    exportName: 'gdaAbi',
    file: 'general-distribution-agreement-v1.ts',
  },
  {
    artifact: `${SUPERFLUID}/agreements/gdav1/SuperfluidPool.sol/SuperfluidPool.json`,
    exportName: 'superfluidPoolAbi',
    file: 'superfluid-pool.ts',
  },
  { artifact: `${SUPERFLUID}/superfluid/SuperToken.sol/SuperToken.json`, exportName: 'superTokenAbi', file: 'super-token.ts' },
  {
    artifact: `${SUPERFLUID}/superfluid/SuperTokenFactory.sol/SuperTokenFactory.json`,
    exportName: 'superTokenFactoryAbi',
    file: 'super-token-factory.ts',
  },
  // Development chains only: deploys the whole Superfluid framework (libs/chain/src/local).
  {
    artifact: `${SUPERFLUID}/utils/SuperfluidFrameworkDeployer.t.sol/SuperfluidFrameworkDeployer.json`,
    exportName: 'superfluidFrameworkDeployerAbi',
    file: 'superfluid-framework-deployer.ts',
  },
];

/** Every module the generator writes, with the path it is written to. */
const MODULES = [
  ...OWN.map((m) => ({ ...m, target: path.join(OWN_DIR, m.file) })),
  ...PACKAGED.map((m) => ({ ...m, target: path.join(PACKAGED_DIR, m.file) })),
];

const packageOf = (artifactPath) => {
  const parts = artifactPath.split('/');
  const name = artifactPath.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const { version } = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  return `${name} ${version}`;
};

// Formatted like the rest of the code so `prettier --check .` stays green on generated files.
const render = async (exportName, source, abi, target) => {
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text =
    `// Generated from the ${source} by contracts/scripts/write-abi-modules.js: do not edit.\n` +
    `export const ${exportName} = ${JSON.stringify(abi, null, 2)} as const;\n`;
  return prettier.format(text, { ...options, parser: 'typescript' });
};

/** The text of one module, from Hardhat's `artifacts` (our contracts) or from its npm package. */
async function renderAbiModule(module, artifacts) {
  if (module.contract) {
    const { abi } = await artifacts.readArtifact(module.contract);
    return render(module.exportName, `${module.contract} artifact`, abi, module.target);
  }
  const { contractName, abi } = JSON.parse(fs.readFileSync(require.resolve(module.artifact), 'utf8'));
  return render(module.exportName, `${contractName} artifact of ${packageOf(module.artifact)}`, abi, module.target);
}

/** Every module's path and text as generated from today's artifacts, without writing anything. */
async function renderAbiModules(artifacts) {
  const rendered = [];
  for (const module of MODULES) rendered.push({ target: module.target, text: await renderAbiModule(module, artifacts) });
  return rendered;
}

async function writeAbiModules(artifacts) {
  for (const { target, text } of await renderAbiModules(artifacts)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) fs.writeFileSync(target, text);
  }
}

/** Hardhat's reader of contracts/artifacts, for use outside a Hardhat task (this script alone, the test). */
function compiledArtifacts() {
  if (!fs.existsSync(ARTIFACTS_DIR)) throw new Error(`${ARTIFACTS_DIR} does not exist: run \`npm run contracts:compile\` first`);
  const { Artifacts } = require('hardhat/internal/artifacts');
  return new Artifacts(ARTIFACTS_DIR);
}

module.exports = { MODULES, OWN_DIR, PACKAGED_DIR, compiledArtifacts, renderAbiModules, writeAbiModules };

// `node contracts/scripts/write-abi-modules.js` writes the modules; with `--print` it writes nothing and prints
// them as JSON instead (the test reads them that way: Prettier 3 loads itself with a dynamic import, which Jest's
// CommonJS runtime refuses).
if (require.main === module) {
  const artifacts = compiledArtifacts();
  const run = process.argv.includes('--print')
    ? renderAbiModules(artifacts).then((modules) => process.stdout.write(JSON.stringify(modules)))
    : writeAbiModules(artifacts);
  run.catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
