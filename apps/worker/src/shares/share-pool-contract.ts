import { SAFE_SINGLETON_FACTORY, sharePoolKey, sharePoolSalt, type SharePoolConfig } from '@ayllu/chain';
import type { SharePoolConfiguration } from '@ayllu/domain';
import {
  concat,
  decodeEventLog,
  encodeDeployData,
  erc20Abi,
  getAddress,
  getContractAddress,
  zeroAddress,
  type Address,
  type Hex,
  type Log,
  type TransactionReceipt,
} from 'viem';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import { loadAylluArtifact } from '../../../../libs/chain/src/local/artifacts';
import type { ExecutionChain } from '../execution/execution-chain';
import { chainSeconds, isoOfChainSeconds } from '../rotating/rosca-timing';

export { sharePoolAbi };

/**
 * The pool's on-chain configuration from its log's configuration: the creator is the DAO's Safe, the operator the
 * relayer, the forwarder the network profile's; tokens the pool does not use are the zero address.
 */
export const sharePoolConfigOf = (config: SharePoolConfiguration, operator: Address, gdaForwarder: Address): SharePoolConfig => ({
  purchaseToken: config.purchaseToken ?? zeroAddress,
  distributionToken: config.distributionToken,
  gdaForwarder,
  creator: config.creator,
  operator,
  creatorShares: BigInt(config.creatorShares),
  pricePerShare: config.pricePerShare,
  transfersAllowed: config.transfersAllowed,
  maxParticipants: BigInt(config.maxParticipants),
  crowdfundingTarget: config.crowdfunding?.target ?? 0n,
  crowdfundingDeadline: config.crowdfunding ? chainSeconds(config.crowdfunding.deadline) : 0n,
  stakingToken: config.staking?.token ?? zeroAddress,
  stakingRate: config.staking?.ratePerTokenSecond ?? 0n,
});

/**
 * The pool's contract goes through the Safe singleton factory (CREATE2, salt from the pool id): its address is known
 * before it is sent, so a worker that died after sending finds it there instead of deploying a second one.
 */
export const sharePoolCreation = (poolId: string, config: SharePoolConfig): { readonly address: Address; readonly data: Hex } => {
  const artifact = loadAylluArtifact('src/SharePool.sol', 'SharePool');
  const initCode = encodeDeployData({ abi: sharePoolAbi, bytecode: artifact.bytecode, args: [config] });
  const salt = sharePoolSalt(poolId);
  return {
    address: getContractAddress({ opcode: 'CREATE2', from: SAFE_SINGLETON_FACTORY, salt, bytecode: initCode }),
    data: concat([salt, initCode]),
  };
};

/** The on-chain key of a pending action: the log's `<kind>-<n>` key, made unique across pools. */
export const chainKeyOf = (poolId: string, key: string): Hex => sharePoolKey(`${poolId}:${key}`);

export const hasCode = async (chain: ExecutionChain, address: Address): Promise<boolean> =>
  ((await chain.public.getCode({ address })) ?? '0x') !== '0x';

type Decoded = { readonly eventName: string; readonly args: Record<string, unknown>; readonly log: Log };

/** The pool's own events among `logs`, decoded. */
export const sharePoolEventsOf = (logs: readonly Log[], pool: Address): Decoded[] =>
  logs.flatMap((log) => {
    if (getAddress(log.address) !== getAddress(pool)) return [];
    try {
      const decoded = decodeEventLog({ abi: sharePoolAbi, data: log.data, topics: log.topics });
      return [{ eventName: decoded.eventName, args: decoded.args as unknown as Record<string, unknown>, log }];
    } catch {
      return [];
    }
  });

/** What a confirmed chain call tells the log: its transaction, its block's time and, for stakes, the shares accrued. */
export interface CallResult {
  readonly txHash: Hex;
  /** ISO time of the block. */
  readonly at: string;
  /** Shares StakeSharesAccrued granted `member` in this transaction (0 when none). */
  readonly accrued: number;
}

export const callResultOf = async (chain: ExecutionChain, receipt: TransactionReceipt, pool: Address, member?: Address) => {
  const block = await chain.public.getBlock({ blockNumber: receipt.blockNumber });
  const accrued =
    member === undefined
      ? 0
      : sharePoolEventsOf(receipt.logs, pool)
          .filter((e) => e.eventName === 'StakeSharesAccrued' && getAddress(e.args.member as string) === getAddress(member))
          .reduce((n, e) => n + Number(e.args.shares as bigint), 0);
  return { txHash: receipt.transactionHash, at: isoOfChainSeconds(block.timestamp), accrued } satisfies CallResult;
};

/** The transaction that carried out the operator call keyed `key` (every operator event names its key). */
export const findKeyedTransaction = async (chain: ExecutionChain, pool: Address, key: Hex, fromBlock: bigint): Promise<Hex | null> => {
  const logs = await chain.public.getLogs({ address: pool, fromBlock, toBlock: 'latest' });
  const match = sharePoolEventsOf(logs, pool).find((e) => e.args.key === key);
  return match?.log.transactionHash ?? null;
};

/** What `finalizeCrowdfunding()` did, from its receipt. */
export const finalizationIn = (receipt: TransactionReceipt, pool: Address) => {
  const events = sharePoolEventsOf(receipt.logs, pool);
  const reached = events.find((e) => e.eventName === 'CrowdfundingReached');
  const allocations = reached
    ? (reached.args.allocations as readonly { contributor: Address; shares: bigint }[]).map((a) => ({
        contributor: getAddress(a.contributor),
        shares: Number(a.shares),
      }))
    : undefined;
  const deferred = events
    .filter((e) => e.eventName === 'PaymentDeferred')
    .map((e) => ({ contributor: getAddress(e.args.to as string), amount: (e.args.amount as bigint).toString() }));
  return { allocations, deferred };
};

/** The ERC-20 allowance a member gave the pool and their balance. */
export const walletFunds = async (chain: ExecutionChain, token: Address, owner: Address, pool: Address) => {
  const [allowance, balance] = await Promise.all([
    chain.public.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, pool] }),
    chain.public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
  ]);
  return { allowance, balance };
};
