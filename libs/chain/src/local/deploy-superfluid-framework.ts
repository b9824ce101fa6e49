import { getAddress, type Address, type Hex } from 'viem';
import { superfluidFrameworkDeployerAbi } from '../abi/superfluid-framework-deployer';
import { linkBytecode, loadSuperfluidArtifact } from './artifacts';
import { deployContract } from './deploy-contract';
import type { DevClients, DevWallet } from './dev-clients';

/** Addresses of a locally deployed Superfluid framework (what `SuperfluidFrameworkDeployer.getFramework()` returns). */
export type SuperfluidFramework = {
  readonly erc1820: Address;
  readonly frameworkDeployer: Address;
  readonly governance: Address;
  readonly host: Address;
  readonly cfa: Address;
  readonly ida: Address;
  readonly gda: Address;
  readonly superTokenFactory: Address;
  readonly superTokenLogic: Address;
  readonly resolver: Address;
  readonly superfluidLoader: Address;
  readonly cfaV1Forwarder: Address;
  readonly gdaV1Forwarder: Address;
  readonly macroForwarder: Address;
  readonly batchLiquidator: Address;
  readonly toga: Address;
};

// The ERC-1820 registry is deployed by a pre-signed, chain-agnostic transaction (the standard's "Nick's
// method"), so it lands at the same address everywhere; Super Tokens look their hooks up in it.
const ERC1820_ADDRESS: Address = '0x1820a4B7618BdE71Dce8cdc73aAB6C95905faD24';
const ERC1820_DEPLOYER: Address = '0xa990077c3205cbDf861e17Fa532eeB069cE9fF96';
const ERC1820_FUNDING = 0x11c37937e080000n;

const STEPS = 'utils/SuperfluidFrameworkDeploymentSteps.t.sol';
// Deployment order matters: a library is linked into the ones after it (see the package's
// dev-scripts/deploy-test-framework.js, which this follows with viem instead of ethers).
const LIBRARIES: readonly string[] = [
  'libs/SlotsBitmapLibrary.sol/SlotsBitmapLibrary',
  `${STEPS}/SuperfluidGovDeployerLibrary`,
  `${STEPS}/SuperfluidHostDeployerLibrary`,
  `${STEPS}/SuperfluidCFAv1DeployerLibrary`,
  `${STEPS}/SuperfluidIDAv1DeployerLibrary`,
  'agreements/gdav1/SuperfluidPoolDeployerLibrary.sol/SuperfluidPoolDeployerLibrary',
  `${STEPS}/SuperfluidGDAv1DeployerLibrary`,
  `${STEPS}/SuperTokenDeployerLibrary`,
  `${STEPS}/SuperfluidPeripheryDeployerLibrary`,
  `${STEPS}/SuperfluidPoolLogicDeployerLibrary`,
  `${STEPS}/SuperfluidPoolNFTLogicDeployerLibrary`,
  `${STEPS}/ProxyDeployerLibrary`,
  `${STEPS}/CFAv1ForwarderDeployerLibrary`,
  `${STEPS}/GDAv1ForwarderDeployerLibrary`,
  `${STEPS}/SuperTokenFactoryDeployerLibrary`,
  `${STEPS}/TokenDeployerLibrary`,
];

async function deployErc1820(clients: DevClients, wallet: DevWallet): Promise<Address> {
  const code = await clients.public.getCode({ address: ERC1820_ADDRESS });
  if (code && code !== '0x') return ERC1820_ADDRESS;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bin } = require('@superfluid-finance/ethereum-contracts/dev-scripts/artifacts/ERC1820Registry.json') as {
    bin: string;
  };
  const signature = '1820'.repeat(16);
  const payload: Hex = `0xf90a388085174876e800830c35008080b909e5${bin}1ba0${signature}a0${signature}`;
  const funding = await wallet.sendTransaction({ to: ERC1820_DEPLOYER, value: ERC1820_FUNDING });
  await clients.public.waitForTransactionReceipt({ hash: funding });
  const hash = await clients.public.request({ method: 'eth_sendRawTransaction', params: [payload] });
  await clients.public.waitForTransactionReceipt({ hash });
  return ERC1820_ADDRESS;
}

/**
 * Deploys the Superfluid framework from the npm package's build artifacts: ERC-1820, the deployer
 * libraries, `SuperfluidFrameworkDeployer` with them linked in, then every deployment step.
 */
export async function deploySuperfluidFramework(clients: DevClients, wallet: DevWallet): Promise<SuperfluidFramework> {
  const client = { wallet, public: clients.public };
  const erc1820 = await deployErc1820(clients, wallet);
  const libraries: Record<string, Address> = {};
  for (const path of LIBRARIES) {
    const artifact = loadSuperfluidArtifact(path);
    const bytecode = linkBytecode(artifact, libraries);
    libraries[artifact.contractName] = await deployContract(client, { name: artifact.contractName, abi: artifact.abi, bytecode });
  }
  const deployerArtifact = loadSuperfluidArtifact('utils/SuperfluidFrameworkDeployer.t.sol/SuperfluidFrameworkDeployer');
  const frameworkDeployer = await deployContract(client, {
    name: 'SuperfluidFrameworkDeployer',
    abi: deployerArtifact.abi,
    bytecode: linkBytecode(deployerArtifact, libraries),
  });
  const deployer = { address: frameworkDeployer, abi: superfluidFrameworkDeployerAbi } as const;
  const steps = await clients.public.readContract({ ...deployer, functionName: 'getNumSteps' });
  for (let step = 0; step < steps; step++) {
    const hash = await wallet.writeContract({ ...deployer, functionName: 'executeStep', args: [step] });
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`Superfluid framework step ${step} failed (${hash})`);
  }
  const framework = await clients.public.readContract({ ...deployer, functionName: 'getFramework' });
  return {
    erc1820,
    frameworkDeployer,
    governance: getAddress(framework.governance),
    host: getAddress(framework.host),
    cfa: getAddress(framework.cfa),
    ida: getAddress(framework.ida),
    gda: getAddress(framework.gda),
    superTokenFactory: getAddress(framework.superTokenFactory),
    superTokenLogic: getAddress(framework.superTokenLogic),
    resolver: getAddress(framework.resolver),
    superfluidLoader: getAddress(framework.superfluidLoader),
    cfaV1Forwarder: getAddress(framework.cfaV1Forwarder),
    gdaV1Forwarder: getAddress(framework.gdaV1Forwarder),
    macroForwarder: getAddress(framework.macroForwarder),
    batchLiquidator: getAddress(framework.batchLiquidator),
    toga: getAddress(framework.toga),
  };
}
