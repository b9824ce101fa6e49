// After each compile, writes our contracts' ABIs as TypeScript modules (`as const`), so viem types every
// call, argument and decoded event in tests and adapters. Generated, committed, and rewritten only when an
// ABI changed; `contracts/test/abi-modules.chain.spec.ts` fails if a module is stale.
const fs = require('node:fs');
const path = require('node:path');

const MODULES = [
  { contract: 'CommunityVault', exportName: 'communityVaultAbi', file: 'community-vault.ts' },
  { contract: 'TestToken', exportName: 'testTokenAbi', file: 'test-token.ts' },
  { contract: 'TestStrategy', exportName: 'testStrategyAbi', file: 'test-strategy.ts' },
  { contract: 'ERC1967Proxy', exportName: 'erc1967ProxyAbi', file: 'erc1967-proxy.ts' },
];

// Formatted like the rest of the code so `prettier --check .` stays green on generated files.
const render = async (exportName, contract, abi, target) => {
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text =
    `// Generated from the ${contract} artifact by contracts/scripts/write-abi-modules.js: do not edit.\n` +
    `export const ${exportName} = ${JSON.stringify(abi, null, 2)} as const;\n`;
  return prettier.format(text, { ...options, parser: 'typescript' });
};

async function writeAbiModules(artifacts, outDir = path.join(__dirname, '..', 'abi')) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const { contract, exportName, file } of MODULES) {
    const { abi } = await artifacts.readArtifact(contract);
    const target = path.join(outDir, file);
    const text = await render(exportName, contract, abi, target);
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) fs.writeFileSync(target, text);
  }
}

module.exports = { writeAbiModules, render, MODULES };
