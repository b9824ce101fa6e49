import { encodeFunctionData, keccak256, parseEther, toHex, type Address, type Hash, type Hex } from 'viem';
import type { SafeCall } from '@ayllu/chain';
import { loadAylluArtifact, type Artifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import type { LocalNode } from '../../libs/chain/src/testing/local-node';

export interface GovernorGas {
  readonly delegatePerVoter: bigint;
  readonly propose: bigint;
  readonly castVotes: readonly bigint[];
  readonly queue: bigint;
  readonly execute: bigint;
}

/** Sends a transaction from a node account and returns its gas, failing on a revert. */
export const sendFor = async (node: LocalNode, from: number, call: { to: Address; data: Hex; value?: bigint }): Promise<bigint> => {
  const wallet = node.wallet(from);
  const hash: Hash = await wallet.sendTransaction({
    account: wallet.account!,
    chain: node.chain,
    to: call.to,
    data: call.data,
    value: call.value ?? 0n,
  });
  const receipt = await node.public.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`bench gas: transaction ${hash} reverted`);
  return receipt.gasUsed;
};

/**
 * An OpenZeppelin Governor (GovernorCountingSimple + GovernorVotes + GovernorTimelockControl over an
 * ERC20Votes token, contracts/src/bench) with `voters` node accounts holding one token each: every voter
 * delegates to itself, one proposes `calls`, all vote for, then queue and execute through its timelock.
 */
export const runGovernorFlow = async (
  node: LocalNode,
  firstVoter: number,
  voters: number,
  calls: readonly SafeCall[],
  label: string,
): Promise<GovernorGas> => {
  const client = { wallet: node.wallet(0), public: node.public };
  const tokenArtifact = loadAylluArtifact('src/bench/BenchVotesToken.sol', 'BenchVotesToken');
  const governorArtifact = loadAylluArtifact('src/bench/BenchGovernor.sol', 'BenchGovernor');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const timelockArtifact = require('@openzeppelin/contracts/build/contracts/TimelockController.json') as Artifact;
  const admin = node.wallet(0).account!.address;
  const token = await deployContract(client, { name: 'BenchVotesToken', abi: tokenArtifact.abi, bytecode: tokenArtifact.bytecode });
  const timelock = await deployContract(client, {
    name: 'TimelockController',
    abi: timelockArtifact.abi,
    bytecode: timelockArtifact.bytecode,
    args: [60n, [], ['0x0000000000000000000000000000000000000000'], admin],
  });
  const period = BigInt(voters + 10);
  const governor = await deployContract(client, {
    name: 'BenchGovernor',
    abi: governorArtifact.abi,
    bytecode: governorArtifact.bytecode,
    args: [token, timelock, period],
  });
  const tl = (functionName: string, args: readonly unknown[]) =>
    encodeFunctionData({ abi: timelockArtifact.abi, functionName, args } as never);
  const role = (name: string) => keccak256(toHex(name));
  await sendFor(node, 0, { to: timelock, data: tl('grantRole', [role('PROPOSER_ROLE'), governor]) });
  await sendFor(node, 0, { to: timelock, data: tl('grantRole', [role('CANCELLER_ROLE'), governor]) });
  const tk = (functionName: string, args: readonly unknown[]) =>
    encodeFunctionData({ abi: tokenArtifact.abi, functionName, args } as never);
  const gv = (functionName: string, args: readonly unknown[]) =>
    encodeFunctionData({ abi: governorArtifact.abi, functionName, args } as never);
  const voterIndexes = Array.from({ length: voters }, (_, i) => firstVoter + i);
  let delegated = 0n;
  for (const v of voterIndexes) {
    await node.test.setBalance({ address: node.wallet(v).account!.address, value: parseEther('100') });
    await sendFor(node, 0, { to: token, data: tk('mint', [node.wallet(v).account!.address, parseEther('1')]) });
    delegated += await sendFor(node, v, { to: token, data: tk('delegate', [node.wallet(v).account!.address]) });
  }
  const targets = calls.map((c) => c.to);
  const values = calls.map((c) => c.value);
  const datas = calls.map((c) => c.data);
  const description = `bench ${label}`;
  const descriptionHash = keccak256(toHex(description));
  const propose = await sendFor(node, voterIndexes[0], { to: governor, data: gv('propose', [targets, values, datas, description]) });
  const proposalId = (await node.public.readContract({
    address: governor,
    abi: governorArtifact.abi,
    functionName: 'hashProposal',
    args: [targets, values, datas, descriptionHash],
  })) as bigint;
  await node.test.mine({ blocks: 2 });
  const castVotes: bigint[] = [];
  for (const v of voterIndexes) castVotes.push(await sendFor(node, v, { to: governor, data: gv('castVote', [proposalId, 1]) }));
  await node.test.mine({ blocks: Number(period) + 1 });
  const queue = await sendFor(node, 0, { to: governor, data: gv('queue', [targets, values, datas, descriptionHash]) });
  await node.test.increaseTime({ seconds: 61 });
  await node.test.mine({ blocks: 1 });
  const execute = await sendFor(node, 0, { to: governor, data: gv('execute', [targets, values, datas, descriptionHash]) });
  return { delegatePerVoter: delegated / BigInt(voters), propose, castVotes, queue, execute };
};
