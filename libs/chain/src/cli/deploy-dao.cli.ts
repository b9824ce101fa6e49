// `npm run dao:deploy -- --treasurers 0xa,0xb,0xc --threshold 2 [--delay 172800] [--access open|closed|hybrid]
//   [--min-deposit 1] [--limit-bps 1000] [--unit-scale 1e18 as digits] [--token TST] [--salt-nonce n] [--safe 0xExisting]
//   [--rpc-url http://127.0.0.1:8545] [--profile file]`
// Deploys one DAO's contracts on the chain a network profile describes (--profile, else NETWORK_PROFILE, else
// ${DATA_DIR:-.data}/network-profile.json, which `npm run chain` writes): Safe, timelock, module relay, vault and
// pool, then hands the Safe to the treasurers. Each piece is reported on stderr as it is sent and confirmed; the
// addresses are printed on stdout as JSON (`npm run -s dao:deploy … > dao.json`). The deployer key comes from
// DEPLOYER_PRIVATE_KEY, or Hardhat account #0 on the local chain (chain 31337) only.
import { createPublicClient, createWalletClient, erc20Abi, http, isHex, parseUnits, size, type Chain } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { hardhatChain as hardhat } from '../local/hardhat-chain';
import { deployDao, type DaoDeployStep } from '../deploy/deploy-dao';
import { formatDeployProgress, type StepLabel } from '../deploy/deploy-progress';
import { HARDHAT_MNEMONIC } from '../local/dev-clients';
import { checkNetworkProfile, readNetworkProfile } from '../networks/load-network-profile';
import { daoContractsFromProfile, DeployDaoUsageError, parseDeployDaoOptions } from './deploy-dao-options';

const stepLabels: Record<DaoDeployStep, StepLabel> = {
  safe: 'Safe',
  timelock: 'timelock',
  moduleRelay: 'module relay',
  vault: 'vault and its payout pool',
  bootstrap: {
    doing: 'handing the Safe to the treasurers (owners, threshold, module relay)',
    done: 'Safe handed to the treasurers',
  },
  enableModule: { doing: "enabling the module relay on the Safe (the owners' signatures)", done: 'module relay enabled' },
};

const say = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const options = parseDeployDaoOptions(process.argv.slice(2), process.env);
  const profile = readNetworkProfile(options.profileFile);
  const { token, vaultImplementation } = daoContractsFromProfile(profile, options.token);
  const rpcUrl = options.rpcUrl ?? profile.rpcUrls[0];
  if (!rpcUrl) throw new DeployDaoUsageError(`the ${profile.name} profile lists no RPC URL: pass --rpc-url or set RPC_URL`);

  const chain: Chain = { ...hardhat, id: profile.chainId, name: profile.displayName, rpcUrls: { default: { http: [rpcUrl] } } };
  const key = process.env.DEPLOYER_PRIVATE_KEY;
  if (key && !(isHex(key) && size(key) === 32))
    throw new DeployDaoUsageError('DEPLOYER_PRIVATE_KEY must be 0x followed by 32 bytes of hex');
  // Hardhat's account #0 is everyone's: a fallback for the local chain only.
  if (!key && profile.chainId !== hardhat.id)
    throw new DeployDaoUsageError(`DEPLOYER_PRIVATE_KEY is required on ${profile.name} (chain ${profile.chainId})`);
  const account = key && isHex(key) ? privateKeyToAccount(key) : mnemonicToAccount(HARDHAT_MNEMONIC);
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain, transport });
  // The profile must describe this node: the right chain, and code at every address it names.
  await checkNetworkProfile(publicClient, profile, rpcUrl);
  const decimals = await publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: 'decimals' });
  say(`Deploying a DAO on ${profile.displayName} (chain ${profile.chainId}, ${rpcUrl}) from ${account.address}, token ${token.symbol}:`);

  const deployment = await deployDao(
    { wallet: createWalletClient({ account, chain, transport }), public: publicClient },
    {
      singletons: {
        safeSingleton: profile.safe.singleton,
        safeProxyFactory: profile.safe.proxyFactory,
        fallbackHandler: profile.safe.fallbackHandler,
        multiSendCallOnly: profile.safe.multiSendCallOnly,
      },
      // The Safe starts owned by the deployer alone, so the same salt would put a second DAO's Safe at the first's
      // address (CREATE2): the deployer's nonce makes each run's salt its own unless one is given.
      safe:
        options.safe.kind === 'new'
          ? {
              ...options.safe,
              saltNonce: options.saltNonce ?? BigInt(await publicClient.getTransactionCount({ address: account.address })),
            }
          : options.safe,
      timelockDelay: options.timelockDelay,
      vault: {
        implementation: vaultImplementation,
        asset: token.address,
        payoutToken: token.superToken,
        gdaForwarder: profile.superfluid.gdaForwarder,
        parameters: {
          accessMode: options.accessMode,
          minimumDeposit: parseUnits(options.minimumDeposit, decimals),
          smallWithdrawalLimitBps: options.smallWithdrawalLimitBps,
          withdrawalWindow: 86_400,
          emergencyExitWait: 7 * 86_400,
        },
        unitScale: options.unitScale,
      },
      onProgress: (event) => say(formatDeployProgress(event, (step) => stepLabels[step])),
    },
  );
  say(
    deployment.pendingModuleTransaction
      ? `Done, but the Safe's owners must still sign and execute pendingModuleTransaction (enableModule) before the DAO can act.`
      : `Done: DAO deployed from block ${deployment.fromBlock}.`,
  );
  process.stdout.write(`${JSON.stringify(deployment, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

main().catch((error: unknown) => {
  // Usage and profile problems are one line naming what to fix; anything else keeps viem's details.
  say(`dao:deploy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
