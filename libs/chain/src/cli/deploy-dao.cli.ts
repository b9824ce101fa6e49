// `npm run dao:deploy -- --treasurers 0xa,0xb,0xc --threshold 2 [--delay 172800] [--access open|closed|hybrid]
//   [--min-deposit 1] [--safe 0xExisting] [--rpc-url http://127.0.0.1:8545] [--dev-chain .data/dev-chain.json]`
// Deploys one DAO's contracts against the chain described by the dev-chain file (Safe singletons, Superfluid,
// token, vault implementation) and prints the addresses as JSON. The deployer key comes from
// DEPLOYER_PRIVATE_KEY, or Hardhat account #0 on the local chain.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPublicClient, createWalletClient, getAddress, http, isHex, parseUnits, size, type Chain } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { deployDao } from '../deploy/deploy-dao';
import type { DevChain } from '../local/deploy-dev-chain';

const accessModes = { open: 0, closed: 1, hybrid: 2 } as const;

async function main() {
  const { values } = parseArgs({
    options: {
      treasurers: { type: 'string' },
      threshold: { type: 'string' },
      safe: { type: 'string' },
      delay: { type: 'string', default: String(48 * 3600) },
      access: { type: 'string', default: 'open' },
      'min-deposit': { type: 'string', default: '1' },
      'limit-bps': { type: 'string', default: '1000' },
      'unit-scale': { type: 'string', default: String(10n ** 18n) },
      'rpc-url': { type: 'string' },
      'dev-chain': { type: 'string', default: path.join(process.env.DATA_DIR ?? '.data', 'dev-chain.json') },
    },
  });
  const devChain = JSON.parse(readFileSync(values['dev-chain'], 'utf8')) as DevChain;
  const rpcUrl = values['rpc-url'] ?? process.env.RPC_URL ?? devChain.rpcUrl;
  const access = values.access as keyof typeof accessModes;
  if (!(access in accessModes)) throw new Error(`--access must be one of ${Object.keys(accessModes).join(', ')}`);
  const safe = values.safe
    ? ({ kind: 'existing', safe: getAddress(values.safe) } as const)
    : ({
        kind: 'new',
        treasurers: (values.treasurers ?? '')
          .split(',')
          .filter(Boolean)
          .map((a) => getAddress(a.trim())),
        threshold: BigInt(values.threshold ?? '0'),
      } as const);

  const chain: Chain = { ...hardhat, id: devChain.chainId, rpcUrls: { default: { http: [rpcUrl] } } };
  const key = process.env.DEPLOYER_PRIVATE_KEY;
  if (key && !(isHex(key) && size(key) === 32)) throw new Error('DEPLOYER_PRIVATE_KEY must be 0x followed by 32 bytes of hex');
  const account =
    key && isHex(key) ? privateKeyToAccount(key) : mnemonicToAccount('test test test test test test test test test test test junk');
  const transport = http(rpcUrl);
  const deployment = await deployDao(
    { wallet: createWalletClient({ account, chain, transport }), public: createPublicClient({ chain, transport }) },
    {
      singletons: devChain.safe,
      safe,
      timelockDelay: BigInt(values.delay),
      vault: {
        implementation: devChain.communityVaultImplementation,
        asset: devChain.testToken,
        payoutToken: devChain.testSuperToken,
        gdaForwarder: devChain.superfluid.gdaV1Forwarder,
        parameters: {
          accessMode: accessModes[access],
          minimumDeposit: parseUnits(values['min-deposit'], 18),
          smallWithdrawalLimitBps: Number(values['limit-bps']),
          withdrawalWindow: 86_400,
          emergencyExitWait: 7 * 86_400,
        },
        unitScale: BigInt(values['unit-scale']),
      },
    },
  );
  process.stdout.write(`${JSON.stringify(deployment, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dao:deploy failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
