import { SAFE_SINGLETON_FACTORY } from '@ayllu/chain';
import { rotatingPoolAbi } from '../../../../contracts/abi/rotating-pool';
import { loadAylluArtifact } from '../../../../libs/chain/src/local/artifacts';
import type { ChainEffect, RoscaState, RotatingPoolConfiguration } from '@ayllu/domain';
import {
  concat,
  decodeEventLog,
  encodeDeployData,
  getAddress,
  getContractAddress,
  keccak256,
  erc20Abi,
  toHex,
  type Address,
  type Hex,
  type Log,
  type TransactionReceipt,
} from 'viem';
import type { ExecutionChain } from '../execution/execution-chain';
import { chainSeconds } from './rosca-timing';

/** RotatingPool.sol's ABI (generated from its artifact). */
export const poolAbi = rotatingPoolAbi;

export interface PoolDeployment {
  readonly token: Address;
  /** The DAO vault's ERC-4626 strategy when the pool is deployed (zero = none): the pool invests in it for life. */
  readonly strategy: Address;
  readonly organiser: Address;
  readonly operator: Address;
  readonly feeRecipient: Address;
}

/**
 * The pool's contract goes through the Safe singleton factory (CREATE2, salt from the pool id), so its address is
 * known before it is sent: a worker that died after sending finds it there instead of deploying a second one.
 */
export const poolCreation = (poolId: string, config: RotatingPoolConfiguration, deployment: PoolDeployment) => {
  const artifact = loadAylluArtifact('src/RotatingPool.sol', 'RotatingPool');
  const initCode = encodeDeployData({
    abi: artifact.abi,
    bytecode: artifact.bytecode,
    args: [
      deployment.token,
      deployment.strategy,
      deployment.organiser,
      deployment.operator,
      deployment.feeRecipient,
      {
        contributionAmount: config.contributionAmount,
        collateralAmount: (config.contributionAmount * BigInt(config.memberCount) * BigInt(config.collateralPercent)) / 100n,
        intervalSeconds: BigInt(config.rotationIntervalSeconds),
        graceSeconds: BigInt(config.gracePeriodSeconds),
        penaltyRateBps: config.penaltyRateBps,
        memberCount: config.memberCount,
      },
    ],
  });
  const salt = keccak256(toHex(`ayllu:RotatingPool:${poolId}`));
  const address = getContractAddress({ opcode: 'CREATE2', from: SAFE_SINGLETON_FACTORY, salt, bytecode: initCode });
  return { address, data: concat([salt, initCode]) };
};

export const hasCode = async (chain: ExecutionChain, address: Address): Promise<boolean> =>
  ((await chain.public.getCode({ address })) ?? '0x') !== '0x';

/** What the member's wallet allows the pool to pull and holds. */
export const memberFunds = async (
  chain: ExecutionChain,
  token: Address,
  member: Address,
  pool: Address,
): Promise<{ readonly allowance: bigint; readonly balance: bigint }> => {
  const [allowance, balance] = await Promise.all([
    chain.public.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [member, pool] }),
    chain.public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [member] }),
  ]);
  return { allowance, balance };
};

/** The on-chain key of a release: the pool id and the effect's key, hashed. */
export const releaseKey = (poolId: string, effectKey: string): Hex => keccak256(toHex(`${poolId}:${effectKey}`));

const toPayments = (payments: readonly { readonly member: Address; readonly amount: bigint }[]) =>
  payments.map((p) => ({ to: getAddress(p.member), amount: p.amount }));

/** The transaction data of an effect. */
export const effectCall = (poolId: string, effect: ChainEffect) => {
  switch (effect.kind) {
    case 'begin':
      return { functionName: 'begin' as const, args: [chainSeconds(effect.firstDueAt)] as const };
    case 'settle':
      return {
        functionName: 'settle' as const,
        args: [BigInt(effect.round), toPayments(effect.payments), effect.fee, effect.yieldEarned] as const,
      };
    case 'release':
      return { functionName: 'release' as const, args: [releaseKey(poolId, effect.key), toPayments(effect.payments)] as const };
    case 'dissolve':
      return { functionName: 'dissolve' as const, args: [toPayments(effect.payments)] as const };
  }
};

/** Whether the contract has done the effect already (a worker died after sending it). */
export const effectDone = async (chain: ExecutionChain, pool: Address, poolId: string, effect: ChainEffect): Promise<boolean> => {
  const read = chain.public.readContract.bind(chain.public);
  switch (effect.kind) {
    case 'begin':
      return (await read({ address: pool, abi: poolAbi, functionName: 'firstDueAt' })) !== 0n;
    case 'settle':
      return read({ address: pool, abi: poolAbi, functionName: 'settled', args: [BigInt(effect.round)] });
    case 'release':
      return read({ address: pool, abi: poolAbi, functionName: 'released', args: [releaseKey(poolId, effect.key)] });
    case 'dissolve':
      return read({ address: pool, abi: poolAbi, functionName: 'dissolved' });
  }
};

const EFFECT_EVENT: Record<ChainEffect['kind'], string> = {
  begin: 'Began',
  settle: 'RoundSettled',
  release: 'Released',
  dissolve: 'Dissolved',
};

type Decoded = { readonly eventName: string; readonly args: Record<string, unknown>; readonly log: Log };

export const poolEventsOf = (logs: readonly Log[], pool: Address): Decoded[] =>
  logs.flatMap((log) => {
    if (getAddress(log.address) !== getAddress(pool)) return [];
    try {
      const decoded = decodeEventLog({ abi: poolAbi, data: log.data, topics: log.topics });
      return [{ eventName: decoded.eventName, args: decoded.args as Record<string, unknown>, log }];
    } catch {
      return [];
    }
  });

/** The payments the token refused in this transaction (the contract holds them for a claim). */
export const deferredIn = (receipt: TransactionReceipt, pool: Address) =>
  poolEventsOf(receipt.logs, pool)
    .filter((e) => e.eventName === 'PaymentDeferred')
    .map((e) => ({ member: getAddress(e.args.to as string), amount: e.args.amount as bigint }));

/** The transaction that did an effect found done on chain, from the pool's logs since `fromBlock`. */
export const findEffectTransaction = async (
  chain: ExecutionChain,
  pool: Address,
  poolId: string,
  effect: ChainEffect,
  fromBlock: bigint,
): Promise<Hex> => {
  const logs = await chain.public.getLogs({ address: pool, fromBlock, toBlock: 'latest' });
  const match = poolEventsOf(logs, pool).find((e) => {
    if (e.eventName !== EFFECT_EVENT[effect.kind]) return false;
    if (effect.kind === 'settle') return e.args.round === BigInt(effect.round);
    if (effect.kind === 'release') return e.args.key === releaseKey(poolId, effect.key);
    return true;
  });
  if (!match?.log.transactionHash) throw new Error(`Pool ${poolId}: ${effect.key} is done on chain but its transaction was not found`);
  return match.log.transactionHash;
};

/**
 * What an effect's transaction paid, from the pool's events: its Paid events summed per recipient, in first-seen
 * order, and a settlement's fee. They differ from the decision when a dissolution shares yield not recognised yet,
 * or when the pool pays what it holds after a strategy loss.
 */
export const paidIn = (
  receipt: TransactionReceipt,
  pool: Address,
): { readonly paid: Map<Address, bigint>; readonly fee: bigint | null } => {
  const events = poolEventsOf(receipt.logs, pool);
  const paid = new Map<Address, bigint>();
  for (const e of events.filter((x) => x.eventName === 'Paid')) {
    const to = getAddress(e.args.to as string);
    paid.set(to, (paid.get(to) ?? 0n) + (e.args.amount as bigint));
  }
  const settled = events.find((e) => e.eventName === 'RoundSettled');
  return { paid, fee: settled ? (settled.args.fee as bigint) : null };
};

/** The collection of one member's contribution, as the contract recorded it. */
export interface Collection {
  readonly amount: bigint;
  readonly penalty: bigint;
  readonly timestamp: bigint;
  readonly txHash: Hex;
}

export const collectionIn = (logs: readonly Log[], pool: Address, round: number, member: Address): Collection | undefined => {
  const found = poolEventsOf(logs, pool).find(
    (e) => e.eventName === 'ContributionCollected' && e.args.round === BigInt(round) && getAddress(e.args.member as string) === member,
  );
  if (!found?.log.transactionHash) return undefined;
  return {
    amount: found.args.amount as bigint,
    penalty: found.args.penalty as bigint,
    timestamp: found.args.timestamp as bigint,
    txHash: found.log.transactionHash,
  };
};

/** Nothing to do on chain for a state with no contract yet. */
export const contractOf = (state: Exclude<RoscaState, { status: 'ABSENT' }>): Address => {
  if (!state.contract) throw new Error(`Pool ${state.poolId} has no contract yet`);
  return state.contract;
};
