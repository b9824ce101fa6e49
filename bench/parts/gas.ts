import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFunctionData, keccak256, toHex, zeroHash, type Address } from 'viem';
import {
  buildSafeTransaction,
  deploySafe,
  deploySafeSingletons,
  deployTimelock,
  executeBatchCall,
  executeSafeTransaction,
  readSafeState,
  safeTransactionTypedData,
  scheduleBatchCall,
  type SafeCall,
} from '@ayllu/chain';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { compileContracts } from '../../libs/chain/src/local/compile-contracts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import { startLocalNode } from '../../libs/chain/src/testing/local-node';
import { fmtInt, times } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';
import { runGovernorFlow, sendFor } from './gas-governor';

/** JSON for the results file: bigints become decimal strings. */
const plainJson = (value: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;

const DELAY = 60n;

/**
 * Part 5. On a private Hardhat node: the same calls (ERC-20 mints to fresh addresses) sent bare by an
 * account, governed the Ayllu way (a 1-of-1 Safe schedules a timelock batch, anyone executes it after
 * the delay; votes are off chain), and governed by an OpenZeppelin Governor with the same voters on chain.
 * distributeFlow against ERC-20 transfers comes from `npm run bench:gas` (bench/results/gas.json).
 */
export const runGas = async (ctx: BenchContext): Promise<PartResult> => {
  const started = Date.now();
  const voters = ctx.full ? 100 : 10;
  const sizes = [1, 20];
  compileContracts();
  const node = await startLocalNode();
  try {
    const client = { wallet: node.wallet(0), public: node.public };
    const tokenArtifact = loadAylluArtifact('src/test/TestToken.sol', 'TestToken');
    const token = await deployContract(client, {
      name: 'TestToken',
      abi: tokenArtifact.abi,
      bytecode: tokenArtifact.bytecode,
      args: ['Bench', 'BNCH'],
    });
    let fresh = 0;
    const mints = (n: number): SafeCall[] =>
      Array.from({ length: n }, () => {
        const to: Address = `0x${keccak256(toHex(`bench-recipient-${fresh++}`)).slice(26)}`;
        return { to: token, value: 0n, data: encodeFunctionData({ abi: testTokenAbi, functionName: 'mint', args: [to, 10n ** 18n] }) };
      });
    const singletons = await deploySafeSingletons(client);
    const owner = node.wallet(1);
    const safe = await deploySafe(client, {
      owners: [owner.account!.address],
      threshold: 1n,
      singleton: singletons.safeSingleton,
      proxyFactory: singletons.safeProxyFactory,
      fallbackHandler: singletons.fallbackHandler,
    });
    const timelock = await deployTimelock(client, { proposer: safe, minDelay: DELAY });

    const rows: Record<string, string | number>[] = [];
    const results: Record<string, unknown> = {};
    let singleRatio = Number.NaN;
    const vsGovernor: { size: number; ayllu: bigint; governor: bigint }[] = [];
    for (const size of sizes) {
      ctx.log(`gas: ${size} call(s): bare, Safe + timelock, OpenZeppelin Governor with ${voters} voters`);
      let bare = 0n;
      for (const call of mints(size)) bare += await sendFor(node, 0, call);

      const batch = { calls: mints(size), predecessor: zeroHash, salt: keccak256(toHex(`bench-${size}`)) };
      const { nonce } = await readSafeState(node.public, safe);
      const transaction = buildSafeTransaction({
        calls: [scheduleBatchCall(timelock, batch, DELAY)],
        nonce,
        multiSendCallOnly: singletons.multiSendCallOnly,
      });
      const signature = await owner.signTypedData({
        account: owner.account!,
        ...safeTransactionTypedData({ chainId: node.chain.id, safe }, transaction),
      });
      const scheduled = await executeSafeTransaction({
        wallet: node.wallet(0),
        public: node.public,
        safe,
        chainId: node.chain.id,
        transaction,
        signatures: [{ signer: owner.account!.address, data: signature }],
      });
      const scheduleGas = (await node.public.getTransactionReceipt({ hash: scheduled.transactionHash })).gasUsed;
      await node.test.increaseTime({ seconds: Number(DELAY) + 1 });
      await node.test.mine({ blocks: 1 });
      const executeGas = await sendFor(node, 0, executeBatchCall(timelock, batch));
      const ayllu = scheduleGas + executeGas;

      const oz = await runGovernorFlow(node, 2 + (size === 1 ? 0 : voters), voters, mints(size), `${size}`);
      const votes = oz.castVotes.reduce((a, b) => a + b, 0n);
      const ozTotal = oz.propose + votes + oz.queue + oz.execute;
      if (size === 1) singleRatio = Number(ayllu) / Number(bare);
      vsGovernor.push({ size, ayllu, governor: oz.queue + oz.execute });
      const r = (flow: string, gas: bigint, detail: string) => ({
        calls: size,
        flow,
        gas: fmtInt(Number(gas)),
        'vs bare calls': times(Number(gas) / Number(bare)),
        detail,
      });
      rows.push(
        r('bare calls from an account', bare, `${size} transaction(s)`),
        r(
          'Ayllu: Safe execTransaction(scheduleBatch) + timelock executeBatch',
          ayllu,
          `schedule ${fmtInt(Number(scheduleGas))} + execute ${fmtInt(Number(executeGas))}; ${voters} votes off chain: 0 gas`,
        ),
        r(
          `OpenZeppelin Governor, ${voters} voters: propose + castVote × ${voters} + queue + execute`,
          ozTotal,
          `propose ${fmtInt(Number(oz.propose))}, castVote ${fmtInt(Number(votes) / voters)} each (${fmtInt(Number(votes))}), queue ${fmtInt(Number(oz.queue))}, execute ${fmtInt(Number(oz.execute))}; plus delegate ${fmtInt(Number(oz.delegatePerVoter))} once per voter`,
        ),
      );
      results[`calls${size}`] = { bare, scheduleGas, executeGas, ayllu, oz };
    }

    const gasFile = JSON.parse(readFileSync(path.join(__dirname, '..', 'results', 'gas.json'), 'utf8')) as {
      measuredOn: string;
      rows: { operation: string; members: number | ''; gas: number; note: string }[];
    };
    const flowRows = gasFile.rows.filter((row) => /distributeFlow|ERC-20 transfers/.test(row.operation));
    return {
      id: 'gas',
      title: '5. Gas on the local chain',
      settings: {
        chain: 'private Hardhat node (prague), solc 0.8.30, optimizer 200 runs',
        'governed call': 'TestToken.mint to a fresh address (the same kind of call in every flow, distinct fresh recipients)',
        Ayllu: `1-of-1 Safe is the timelock's proposer; timelock delay ${DELAY} s, open executor. (Ayllu's deployed DAO routes the timelock back through a Safe module call; that extra hop is not in this figure.)`,
        'OpenZeppelin Governor': `contracts/src/bench/BenchGovernor.sol: GovernorCountingSimple + GovernorVotes + GovernorVotesQuorumFraction(51%) + GovernorTimelockControl, ERC20Votes token, ${voters} voters with one token each${ctx.full ? '' : ' (`--full`: 100)'}`,
      },
      tables: [
        {
          title: 'A governed execution, and what voting costs on chain',
          columns: ['calls', 'flow', 'gas', 'vs bare calls', 'detail'],
          rows,
        },
        {
          title: `Paying members: distributeFlow vs ERC-20 transfers (from \`npm run bench:gas\`, bench/results/gas.json, ${gasFile.measuredOn}; not re-measured in this run)`,
          columns: ['operation', 'members', 'gas', 'note'],
          rows: flowRows.map((row) => ({ operation: row.operation, members: row.members, gas: fmtInt(row.gas), note: row.note })),
        },
      ],
      targets: [
        {
          target: "governed execution: Ayllu's Safe + timelock ≤ an OpenZeppelin Governor's queue + execute (same calls)",
          measured: vsGovernor
            .map(
              (g) =>
                `${g.size} call(s): ${fmtInt(Number(g.ayllu))} vs ${fmtInt(Number(g.governor))} = ${times(Number(g.ayllu) / Number(g.governor))}`,
            )
            .join('; '),
          met: vsGovernor.every((g) => g.ayllu <= g.governor),
        },
        {
          target: 'governed execution vs the sum of its bare calls (reported)',
          measured: `1 call ${times(singleRatio)}; 20 calls ${times(Number((results.calls20 as { ayllu: bigint }).ayllu) / Number((results.calls20 as { bare: bigint }).bare))}`,
          met: null,
          note: 'see "What governed execution costs" below',
        },
        {
          target: 'on-chain voting cost: 0 per vote (Ayllu) vs OpenZeppelin Governor',
          measured: `Ayllu 0; Governor ${fmtInt(Number((results.calls1 as { oz: { castVotes: bigint[] } }).oz.castVotes.reduce((a, b) => a + b, 0n)) / voters)} per castVote`,
          met: null,
        },
      ],
      notes: [],
      data: plainJson({ results, flowRows }),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await node.stop();
  }
};
