import type { ChainFact } from '@ayllu/chain';
import {
  daoDecider,
  DomainError,
  lowerHex,
  recordRoscaOrganiserExecution,
  recordSharePoolCreatorExecution,
  recordSafeTransactionExecuted,
  recordTreasuryChainChange,
  streams,
  type TreasuryChainChange,
} from '@ayllu/domain';
import type { ExecutionDeps } from '../execution/run-proposal-step';
import { appendExecution, appendOrganiser, appendSetup, appendSharePoolCreator } from '../execution/execution-streams';
import { distributionUnitsAt } from '../execution/share-pool-units';
import { operationEta } from '../execution/timelock-steps';

const ACTOR = 'system:indexer';

/**
 * Puts one confirmed chain fact into the log. Every append is idempotent: deposits and withdrawals by their
 * (chainId, txHash, logIndex) key in the DAO's state (a key a reorg retracted may be confirmed again), treasury facts by the transaction's recorded status,
 * so a replayed range or a second worker appends nothing new. Facts the platform has no use for are skipped.
 */
export async function applyChainFact(deps: ExecutionDeps, daoId: string, fact: ChainFact): Promise<void> {
  const now = deps.now().toISOString();
  const log = { chainId: fact.origin.chainId, txHash: fact.origin.transactionHash, logIndex: fact.origin.logIndex };
  const context = { actor: ACTOR, correlationId: `chain:${fact.origin.key}`, occurredAt: now };
  switch (fact.type) {
    case 'DepositConfirmed':
    case 'WithdrawalConfirmed': {
      const type = fact.type === 'DepositConfirmed' ? 'ConfirmDeposit' : 'ConfirmWithdrawal';
      // The block goes into the log so that a reorg below it can retract the fact.
      const { blockNumber, blockHash } = fact.origin;
      await deps.store.handle(
        { dao: streams.dao.of(daoId) },
        ({ dao }) => ({
          dao: daoDecider.decide(
            {
              type,
              data: { member: fact.data.member, amount: fact.data.assets, ...log, blockNumber, blockHash },
              metadata: { actor: ACTOR, now },
            },
            dao,
          ),
        }),
        { context },
      );
      return;
    }
    case 'SafeTransactionExecuted': {
      // Treasurers may execute a queued transaction themselves, outside the platform: record it as ours.
      const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
      if (treasury.status !== 'Deployed') return;
      const tx = [...treasury.transactions.values()].find((t) => t.safeTxHash.toLowerCase() === fact.data.safeTxHash.toLowerCase());
      if (!tx || tx.status !== 'AwaitingSignatures') return;
      const eta =
        tx.purpose === 'schedule' && fact.data.success ? await operationEta(deps.chain, treasury.contracts, tx.operationId) : null;
      const executed = {
        type: 'RecordSafeTransactionExecuted' as const,
        data: { safeTxHash: tx.safeTxHash, txHash: fact.origin.transactionHash, success: fact.data.success, eta },
        metadata: { actor: ACTOR, now },
      };
      const record = (s: Parameters<typeof recordSafeTransactionExecuted>[1]) => recordSafeTransactionExecuted(executed, s);
      const pool = tx.purpose === 'rosca_organiser' ? tx.organiserAction?.poolId : undefined;
      const sharePool = tx.purpose === 'share_pool_creator' ? tx.sharePoolAction?.poolId : undefined;
      const poolContext = { actor: ACTOR, now: () => now, correlationId: context.correlationId };
      // A rotating pool's organiser or a share pool creator's transaction: the pool's command goes in the same append.
      if (pool !== undefined)
        await appendOrganiser(deps.store, { daoId, poolId: pool }, (s) => recordRoscaOrganiserExecution(executed, s), poolContext);
      else if (sharePool !== undefined) {
        // A distribution is recorded from the GDA units of its block; a failed read fails this poll, retried later.
        const units = fact.data.success ? await distributionUnitsAt(deps, tx.sharePoolAction, fact.origin.blockNumber) : undefined;
        await appendSharePoolCreator(
          deps.store,
          { daoId, poolId: sharePool },
          (s) => recordSharePoolCreatorExecution(executed, s, units),
          poolContext,
        );
      } else if (tx.proposalId === null)
        await appendSetup(deps.store, daoId, record, { actor: ACTOR, now: () => now, correlationId: context.correlationId });
      else
        await appendExecution(deps.store, { daoId, proposalId: tx.proposalId }, record, {
          actor: ACTOR,
          now: () => now,
          correlationId: `chain:${fact.origin.key}`,
        });
      // The relayer may have sent it and died before confirming: its ledger row would stay 'sent' forever,
      // since the step that confirms it no longer comes. Settle it from the chain's word.
      const result = JSON.stringify({ txHash: fact.origin.transactionHash, success: fact.data.success });
      await deps.pool.query(
        `UPDATE chain_calls SET status = 'confirmed', tx_hash = $2, result = $3, updated_at = now() WHERE key = $1 AND status <> 'confirmed'`,
        [`safe-exec:${treasury.contracts.chainId}:${treasury.contracts.safe}:${tx.safeTxHash}`, fact.origin.transactionHash, result],
      );
      return;
    }
    case 'TimelockOperationExecuted': {
      // Anyone may run a ready operation. The process manager records it (checking the Safe's inner calls
      // in that transaction's receipt): wake it rather than judge the run here.
      const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
      if (treasury.status !== 'Deployed') return;
      const operation = treasury.operations.get(fact.data.operationId) ?? treasury.operations.get(lowerHex(fact.data.operationId));
      if (!operation || operation.status !== 'Scheduled') return;
      await deps.pool.query(`UPDATE execution_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE proposal_id = $1`, [
        operation.proposalId,
      ]);
      return;
    }
    case 'SafeOwnerAdded':
    case 'SafeOwnerRemoved':
    case 'SafeThresholdChanged':
    case 'TimelockDelayChanged': {
      // The treasury's owners, threshold and delay are the chain's: the DAO's configuration follows them.
      const chain = { blockNumber: fact.origin.blockNumber, logIndex: fact.origin.logIndex, txHash: fact.origin.transactionHash };
      await deps.store.handle(
        { treasury: streams.treasury.of(daoId), dao: streams.dao.of(daoId) },
        ({ treasury, dao }) =>
          recordTreasuryChainChange(
            { type: 'RecordTreasuryChainChange', data: { change: treasuryChangeOf(fact), chain }, metadata: { actor: ACTOR, now } },
            treasury,
            dao,
          ),
        { context },
      );
      return;
    }
    default:
      return;
  }
}

type TreasuryFact = Extract<ChainFact, { type: TreasuryChainChange['kind'] }>;

const treasuryChangeOf = (fact: TreasuryFact): TreasuryChainChange => {
  switch (fact.type) {
    case 'SafeOwnerAdded':
    case 'SafeOwnerRemoved':
      return { kind: fact.type, owner: fact.data.owner };
    case 'SafeThresholdChanged':
      return { kind: fact.type, threshold: Number(fact.data.threshold) };
    case 'TimelockDelayChanged':
      return { kind: fact.type, delaySeconds: Number(fact.data.newDelay) };
  }
};

/** A refusal the indexer should retry (the log is behind, e.g. a withdrawal before its deposit), not skip. */
export const retryable = (error: unknown): boolean => !(error instanceof DomainError) || error.kind === 'conflict';
