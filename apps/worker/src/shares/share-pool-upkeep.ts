import { stakeAccrual, type SharePoolState } from '@ayllu/domain';
import { getAddress, type Address, type Hex } from 'viem';
import { crashPoint } from '../execution/crash-point';
import type { ExecutionDeps } from '../execution/execution-deps';
import { keyedChainCall } from '../execution/keyed-chain-call';
import { isoOfChainSeconds } from '../rotating/rosca-timing';
import { finalizationIn, sharePoolAbi, sharePoolEventsOf } from './share-pool-contract';
import { again, busy, chainSecondsNow, meta, recordSharePool, type SharePoolStepResult } from './share-pool-record';

type Existing = Exclude<SharePoolState, { status: 'ABSENT' }>;

/**
 * A staking position is touched (`accrue(member)`, which costs the relayer gas) once it has earned at least one whole
 * share and was last touched at least this long ago (chain time): positions are brought up to date about hourly,
 * and a member's stake or unstake touches theirs anyway.
 */
export const ACCRUE_EVERY_SECONDS = 3600;
/** At most this many positions are looked at per step, the stalest first; the next step takes the next ones. */
const ACCRUE_SCAN = 50;

/** The crowdfunding's finalization when due, else the next staking position to accrue, else a wait. */
export async function upkeepStep(deps: ExecutionDeps, s: Existing, pool: Address): Promise<SharePoolStepResult> {
  const now = await chainSecondsNow(deps);
  const funding = s.crowdfunding;
  const terms = s.configuration.crowdfunding;
  if (funding && terms && funding.outcome === null) {
    const deadline = BigInt(Math.floor(Date.parse(terms.deadline) / 1000));
    if (funding.raised >= terms.target || now >= deadline) return finalize(deps, s, pool);
    return { step: 'CrowdfundingOpen', outcome: { next: 'at', at: waitFor(deps, Number(deadline - now)) } };
  }
  if (s.configuration.staking) {
    const due = dueAccrual(s, now);
    if (due.member !== null) return accrue(deps, s, pool, due.member);
    if (due.inSeconds !== null) return { step: 'Staking', outcome: { next: 'at', at: waitFor(deps, due.inSeconds) } };
  }
  return { step: 'Idle', outcome: { next: 'idle' } };
}

/** A wall-clock wait of `seconds` of chain time, capped (chain time may jump ahead on a development chain). */
const waitFor = (deps: ExecutionDeps, seconds: number): Date =>
  new Date(Date.now() + Math.min(deps.maxWaitMs, Math.max(seconds, 0) * 1000));

/** The stalest position that earned a whole share and is due a touch; else how long until the next may be. */
const dueAccrual = (s: Existing, now: bigint): { member: Address | null; inSeconds: number | null } => {
  const rate = s.configuration.staking!.ratePerTokenSecond;
  const positions = [...s.stakes]
    .filter(([, p]) => p.amount > 0n)
    .sort(([, a], [, b]) => Date.parse(a.since) - Date.parse(b.since))
    .slice(0, ACCRUE_SCAN);
  let inSeconds: number | null = null;
  for (const [member, position] of positions) {
    const seconds = Number(now) - Math.floor(Date.parse(position.since) / 1000);
    const earned = stakeAccrual({
      amount: position.amount,
      seconds: Math.max(seconds, 0),
      ratePerTokenSecond: rate,
      carried: position.carried,
      cap: s.available,
    });
    if (earned.shares >= 1 && seconds >= ACCRUE_EVERY_SECONDS) return { member, inSeconds: null };
    const wait = Math.max(ACCRUE_EVERY_SECONDS - seconds, 1);
    if (s.available > 0) inSeconds = inSeconds === null ? wait : Math.min(inSeconds, wait);
  }
  return { member: null, inSeconds };
};

/** `finalizeCrowdfunding()`, once per pool (the contract refuses a second); its receipt tells the allocation or refunds. */
async function finalize(deps: ExecutionDeps, s: Existing, pool: Address): Promise<SharePoolStepResult> {
  type Result = {
    txHash: Hex;
    at: string;
    allocations?: { contributor: Address; shares: number }[];
    deferred: { contributor: Address; amount: string }[];
  };
  const fromReceipt = async (txHash: Hex): Promise<Result> => {
    const receipt = await deps.chain.public.getTransactionReceipt({ hash: txHash });
    const block = await deps.chain.public.getBlock({ blockNumber: receipt.blockNumber });
    return { txHash, at: isoOfChainSeconds(block.timestamp), ...finalizationIn(receipt, pool) };
  };
  const outcome = await keyedChainCall<Result>(deps.pool, {
    key: `share-finalize:${deps.chain.chainId}:${s.poolId}`,
    kind: 'share-pool-finalize',
    daoId: s.configuration.daoId,
    reconcile: async () => {
      const status = await deps.chain.public.readContract({ address: pool, abi: sharePoolAbi, functionName: 'crowdfundingStatus' });
      if (status < 2) return undefined;
      const logs = await deps.chain.public.getLogs({ address: pool, fromBlock: s.contractBlock ?? 0n, toBlock: 'latest' });
      const done = sharePoolEventsOf(logs, pool).find(
        (e) => e.eventName === 'CrowdfundingReached' || e.eventName === 'CrowdfundingRefunded',
      );
      if (!done?.log.transactionHash) throw new Error(`Pool ${s.poolId}: finalized on chain but its transaction was not found`);
      return fromReceipt(done.log.transactionHash);
    },
    send: () =>
      deps.chain.relayer.writeContract({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        address: pool,
        abi: sharePoolAbi,
        functionName: 'finalizeCrowdfunding',
      }),
    afterSend: () => crashPoint('after-share-finalize-send'),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`Pool ${s.poolId}: finalizeCrowdfunding reverted (${hash})`);
      return fromReceipt(hash);
    },
  });
  if (outcome.status === 'busy') return busy(deps, 'Finalizing');
  const { txHash, at, allocations, deferred } = outcome.result;
  await recordSharePool(
    deps,
    s.poolId,
    {
      type: 'FinalizeCrowdfunding',
      data: {
        txHash,
        ...(allocations ? { allocations } : {}),
        deferred: deferred.map((d) => ({ contributor: getAddress(d.contributor), amount: BigInt(d.amount) })),
      },
      // The block's time decides: a refund is only valid after the deadline, as the contract judged it.
      metadata: meta(deps, at),
    },
    `share-finalize:${s.poolId}`,
  );
  return again('Finalized');
}

/**
 * `accrue(member)`: grants the whole shares the position earned. Keyed by the position's last touch, so a worker that
 * died after sending finds the accrual (the pool's StakeSharesAccrued for the member after that touch) instead of
 * touching the position again.
 */
async function accrue(deps: ExecutionDeps, s: Existing, pool: Address, member: Address): Promise<SharePoolStepResult> {
  const since = s.stakes.get(member)!.since;
  type Result = { txHash: Hex; at: string; shares: number };
  const fromReceipt = async (txHash: Hex): Promise<Result> => {
    const receipt = await deps.chain.public.getTransactionReceipt({ hash: txHash });
    const block = await deps.chain.public.getBlock({ blockNumber: receipt.blockNumber });
    const shares = sharePoolEventsOf(receipt.logs, pool)
      .filter((e) => e.eventName === 'StakeSharesAccrued' && getAddress(e.args.member as string) === member)
      .reduce((n, e) => n + Number(e.args.shares as bigint), 0);
    return { txHash, at: isoOfChainSeconds(block.timestamp), shares };
  };
  const outcome = await keyedChainCall<Result>(deps.pool, {
    key: `share-accrue:${deps.chain.chainId}:${s.poolId}:${member}:${since}`,
    kind: 'share-pool-accrue',
    daoId: s.configuration.daoId,
    reconcile: async () => {
      const logs = await deps.chain.public.getLogs({ address: pool, fromBlock: s.contractBlock ?? 0n, toBlock: 'latest' });
      const sinceSeconds = BigInt(Math.floor(Date.parse(since) / 1000));
      for (const e of sharePoolEventsOf(logs, pool)) {
        if (e.eventName !== 'StakeSharesAccrued' || getAddress(e.args.member as string) !== member || !e.log.blockNumber) continue;
        const block = await deps.chain.public.getBlock({ blockNumber: e.log.blockNumber });
        if (block.timestamp > sinceSeconds && e.log.transactionHash) return fromReceipt(e.log.transactionHash);
      }
      return undefined;
    },
    send: () =>
      deps.chain.relayer.writeContract({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        address: pool,
        abi: sharePoolAbi,
        functionName: 'accrue',
        args: [member],
      }),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`Pool ${s.poolId}: accrue(${member}) reverted (${hash})`);
      return fromReceipt(hash);
    },
  });
  if (outcome.status === 'busy') return busy(deps, 'Accruing');
  const { txHash, at, shares } = outcome.result;
  await recordSharePool(
    deps,
    s.poolId,
    { type: 'AccrueStakeShares', data: { member, txHash, at, chainShares: shares }, metadata: meta(deps) },
    `share-accrue:${s.poolId}:${member}`,
  );
  return again('Accrued');
}
