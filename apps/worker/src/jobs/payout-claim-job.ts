import { claimAllCall, classifyChainError, readMemberPayout, superfluidPoolAbi } from '@ayllu/chain';
import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PayoutClaimJobData } from '@ayllu/platform';
import type { Pool } from 'pg';
import { isAddressEqual, parseEventLogs } from 'viem';
import type { ExecutionChain } from '../execution/execution-chain';
import { keyedChainCall } from '../execution/keyed-chain-call';
import type { PayoutCache } from './payout-cache';
import { claimTargetOf, type PayoutTarget } from './payout-targets';

export interface PayoutClaimDeps {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  /** The worker's one relayer (one account, one nonce manager) that every sending path shares. */
  readonly chain: ExecutionChain;
  /** CLAIM_MIN_AMOUNT: below it at run time the claim is skipped (the API checked an estimate before). */
  readonly minimumAmount: bigint;
  readonly cache?: PayoutCache;
}

class ClaimReverted extends Error {}

export type PayoutClaimOutcome =
  | { readonly status: 'claimed'; readonly txHash: string; readonly claimed: bigint; readonly target: PayoutTarget }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Runs one claim job: finds the GDA pool it names (the DAO's community pool, or a share pool's), reads the
 * member's position there on chain, and when it is still worth a transaction, has the relayer call the pool's
 * `claimAll` for them, at most once per job (keyedChainCall on the job's id: a
 * job re-run after a crash waits for the transaction already sent). The outcome is recorded on the member's
 * `payout_claims` row. A revert is final; a transport error is thrown so pg-boss retries the job.
 */
export async function runPayoutClaim(deps: PayoutClaimDeps, data: PayoutClaimJobData, jobId: string): Promise<PayoutClaimOutcome> {
  const outcome = await claim(deps, data, jobId).catch((error: unknown): PayoutClaimOutcome => {
    if (error instanceof ClaimReverted) return { status: 'failed', reason: error.message };
    const classified = classifyChainError(error);
    if (classified.kind !== 'revert') throw error;
    return { status: 'failed', reason: `claimAll would revert: ${classified.reason}` };
  });
  await recordClaimOutcome(deps.pool, data, jobId, outcome);
  if (outcome.status === 'claimed') await deps.cache?.refreshMember(data.daoId, outcome.target, data.member).catch(() => undefined);
  return outcome;
}

/** On the claim's row: the job id alone tells it (a job of a pool-less, older enqueue included). */
export const recordClaimOutcome = async (pool: Pool, data: PayoutClaimJobData, jobId: string, outcome: PayoutClaimOutcome) => {
  await pool.query(
    `UPDATE payout_claims SET status = $4, finished_at = now(), tx_hash = $5, claimed = $6, reason = $7
     WHERE dao_id = $1 AND member = $2 AND job_id = $3`,
    [
      data.daoId,
      data.member,
      jobId,
      outcome.status,
      outcome.status === 'claimed' ? outcome.txHash : null,
      outcome.status === 'claimed' ? outcome.claimed.toString() : null,
      outcome.status === 'claimed' ? null : outcome.reason,
    ],
  );
};

async function claim(deps: PayoutClaimDeps, data: PayoutClaimJobData, jobId: string): Promise<PayoutClaimOutcome> {
  const { state: treasury } = await deps.store.load(streams.treasury.of(data.daoId));
  if (treasury.status !== 'Deployed') return { status: 'skipped', reason: 'The DAO has no deployed contracts' };
  const target = await claimTargetOf(deps.store, treasury, data);
  if (typeof target === 'string') return { status: 'skipped', reason: target };
  const { payout } = target;
  const { chain } = deps;
  const position = await readMemberPayout(chain.public, payout, data.member);
  if (position.connected) return { status: 'skipped', reason: `${data.member} is connected to the pool: the stream reaches them live` };
  if (position.claimable < deps.minimumAmount)
    return {
      status: 'skipped',
      reason: `${position.claimable} claimable is below the minimum claim of ${deps.minimumAmount} (CLAIM_MIN_AMOUNT)`,
    };
  const call = claimAllCall(payout, data.member);
  const result = await keyedChainCall(deps.pool, {
    key: `payout-claim:${chain.chainId}:${payout.pool}:${data.member}:${jobId}`,
    kind: 'payout-claim',
    daoId: data.daoId,
    // A second claimAll is harmless (it moves what accrued since), so nothing needs finding on chain first.
    reconcile: () => Promise.resolve(undefined),
    send: () => chain.relayer.sendTransaction({ account: chain.relayer.account, chain: chain.relayer.chain, to: call.to, data: call.data }),
    confirm: async (txHash) => {
      const receipt = await chain.public.waitForTransactionReceipt({ hash: txHash });
      if (receipt.status !== 'success') throw new ClaimReverted(`claimAll reverted in ${txHash}`);
      const claimed = parseEventLogs({ abi: superfluidPoolAbi, eventName: 'DistributionClaimed', logs: receipt.logs }).find(
        (log) => isAddressEqual(log.address, payout.pool) && isAddressEqual(log.args.member, data.member),
      );
      return { txHash, claimed: (claimed?.args.claimedAmount ?? 0n).toString() };
    },
  });
  if (result.status === 'busy') throw new Error(`The claim ${jobId} is being sent by another worker; retrying`);
  return { status: 'claimed', txHash: result.result.txHash, claimed: BigInt(result.result.claimed), target };
}
