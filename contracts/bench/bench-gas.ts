// `npm run bench:gas`: gas of the vault's member operations and of paying members, on a private local chain.
// distributeFlow is sent by a real Safe (1-of-1, through execTransaction) at 10, 100 and 1,000 pool members,
// beside one round of plain ERC-20 transfers to the same members. Prints a table, writes bench/results/gas.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFunctionData, keccak256, parseEther, parseEventLogs, toHex, type Account, type Address, type Hash } from 'viem';
import {
  buildSafeTransaction,
  deploySafe,
  executeSafeTransaction,
  gdaAbi,
  gdaForwarderAbi,
  readSafeState,
  safeTransactionTypedData,
  superfluidPoolAbi,
  superTokenAbi,
} from '@ayllu/chain';
import { testTokenAbi } from '../abi/test-token';
import { compileContracts } from '../../libs/chain/src/local/compile-contracts';
import { startPrivateDevChain } from '../../test/chain/dev-chain';
import { fundedAccounts } from '../../test/chain/accounts';
import { deployCommunityVault, vaultSteps } from '../../test/chain/community-vault';

type Row = { operation: string; members: number | ''; gas: bigint; note: string };

async function main(): Promise<void> {
  compileContracts();
  const chain = await startPrivateDevChain();
  const rows: Row[] = [];
  try {
    const { clients, devChain } = chain;
    const pub = clients.public;
    const gasOf = async (hash: Hash) => {
      const receipt = await pub.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`${hash} reverted`);
      return receipt.gasUsed;
    };
    const [deployer, owner, treasurer, admin, alice] = (await fundedAccounts(clients, 'bench', 5)) as [
      Account,
      Account,
      Account,
      Account,
      Account,
    ];

    // Vault member operations.
    const fixture = await deployCommunityVault(chain, { deployer, owner, guardian: treasurer });
    const steps = vaultSteps(chain, fixture.vault);
    await steps.fundAndApprove(alice, parseEther('1000'));
    rows.push({
      operation: 'vault deposit (new member, units set)',
      members: '',
      gas: (await steps.deposit(alice, parseEther('500'))).gasUsed,
      note: '',
    });
    rows.push({
      operation: 'vault deposit (existing member, units change)',
      members: '',
      gas: (await steps.deposit(alice, parseEther('100'))).gasUsed,
      note: '',
    });
    rows.push({
      operation: 'vault withdraw (instant, units change)',
      members: '',
      gas: (await steps.withdraw(alice, parseEther('10'))).gasUsed,
      note: 'rolling-window check included',
    });

    // A pool administered by an account, so members can be added without deposits.
    const created = await pub.waitForTransactionReceipt({
      hash: await clients.wallet(admin).writeContract({
        address: devChain.superfluid.gdaV1Forwarder,
        abi: gdaForwarderAbi,
        functionName: 'createPool',
        args: [devChain.testSuperToken, admin.address, { transferabilityForUnitsOwner: false, distributionFromAnyAddress: true }],
      }),
    });
    const [poolCreated] = parseEventLogs({ abi: gdaAbi, logs: created.logs, eventName: 'PoolCreated' });
    const pool = poolCreated.args.pool;
    const memberAddress = (i: number): Address => `0x${keccak256(toHex(`bench-member-${i}`)).slice(26)}`;
    const setUnits = (i: number) =>
      clients.wallet(admin).writeContract({
        address: pool,
        abi: superfluidPoolAbi,
        functionName: 'updateMemberUnits',
        args: [memberAddress(i), 1n + BigInt(i % 7)],
      });
    rows.push({
      operation: 'pool updateMemberUnits (new member, by admin)',
      members: '',
      gas: await gasOf(await setUnits(0)),
      note: 'what the vault pays inside a deposit',
    });

    // The Safe holds Super Tokens and streams them.
    const safe = await deploySafe(
      { wallet: clients.wallet(treasurer), public: pub },
      {
        owners: [treasurer.address],
        threshold: 1n,
        singleton: devChain.safe.safeSingleton,
        proxyFactory: devChain.safe.safeProxyFactory,
        fallbackHandler: devChain.safe.fallbackHandler,
      },
    );
    const treasurerWallet = clients.wallet(treasurer);
    await gasOf(
      await treasurerWallet.writeContract({
        address: devChain.testToken,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [treasurer.address, parseEther('1000000')],
      }),
    );
    await gasOf(
      await treasurerWallet.writeContract({
        address: devChain.testToken,
        abi: testTokenAbi,
        functionName: 'approve',
        args: [devChain.testSuperToken, parseEther('100000')],
      }),
    );
    await gasOf(
      await treasurerWallet.writeContract({
        address: devChain.testSuperToken,
        abi: superTokenAbi,
        functionName: 'upgrade',
        args: [parseEther('100000')],
      }),
    );
    await gasOf(
      await treasurerWallet.writeContract({
        address: devChain.testSuperToken,
        abi: superTokenAbi,
        functionName: 'transfer',
        args: [safe, parseEther('100000')],
      }),
    );
    const safeDistributeFlow = async (flowRate: bigint) => {
      const { nonce } = await readSafeState(pub, safe);
      const data = encodeFunctionData({
        abi: gdaForwarderAbi,
        functionName: 'distributeFlow',
        args: [devChain.testSuperToken, safe, pool, flowRate, '0x'],
      });
      const transaction = buildSafeTransaction({ calls: [{ to: devChain.superfluid.gdaV1Forwarder, value: 0n, data }], nonce });
      const signature = await treasurerWallet.signTypedData(safeTransactionTypedData({ chainId: devChain.chainId, safe }, transaction));
      const result = await executeSafeTransaction({
        wallet: treasurerWallet,
        public: pub,
        safe,
        chainId: devChain.chainId,
        transaction,
        signatures: [{ signer: treasurer.address, data: signature }],
      });
      return gasOf(result.transactionHash);
    };

    let members = 1;
    for (const target of [10, 100, 1_000]) {
      for (; members < target; members++) await gasOf(await setUnits(members));
      const start = await safeDistributeFlow(parseEther('1000') / (30n * 86_400n));
      const stop = await safeDistributeFlow(0n);
      rows.push({ operation: 'Safe distributeFlow: start stream', members: target, gas: start, note: 'execTransaction, 1-of-1 Safe' });
      rows.push({ operation: 'Safe distributeFlow: stop stream', members: target, gas: stop, note: '' });
      let transfers = 0n;
      for (let i = 0; i < target; i++) {
        transfers += await gasOf(
          await treasurerWallet.writeContract({
            address: devChain.testToken,
            abi: testTokenAbi,
            functionName: 'transfer',
            args: [memberAddress(i), parseEther('1')],
          }),
        );
      }
      rows.push({
        operation: 'ERC-20 transfers: one payout round',
        members: target,
        gas: transfers,
        note: `${target} transactions, ${transfers / BigInt(target)} each`,
      });
    }
  } finally {
    await chain.stop();
  }
  console.table(rows.map((r) => ({ ...r, gas: r.gas.toLocaleString('en-US') })));
  const out = path.resolve(__dirname, '../../bench/results/gas.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { measuredOn: 'hardhat node (prague), solc 0.8.30 optimizer 200 runs', rows: rows.map((r) => ({ ...r, gas: Number(r.gas) })) },
      null,
      2,
    ) + '\n',
  );
  console.log(`written to ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
