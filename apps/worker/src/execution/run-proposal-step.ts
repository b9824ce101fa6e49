import { cancelOperationCall, scheduleBatchCall, timelockOperationId, type SafeCall, type SafeSignature } from '@ayllu/chain';
import {
  abandonSafeTransaction,
  dropSafeSignatures,
  executionSalt,
  nextExecutionStep,
  nextSafeNonce,
  proposalActions,
  proposeSafeTransaction,
  recordSafeTransactionExecuted,
  recordTimelockOperationExecuted,
  recordTimelockOperationFailed,
  transactionsOf,
  type DeployedTreasury,
  type ExecutionStates,
  type ExecutionStep,
  type OperationCall,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { zeroHash, type Address, type Hex } from 'viem';
import { crashPoint } from './crash-point';
import { encodeActions } from './encode-actions';
import type { ExecutionChain } from './execution-chain';
import { appendExecution, loadExecution } from './execution-streams';
import { keyedChainCall } from './keyed-chain-call';
import {
  buildSingleCallSafeTransaction,
  checkSafeExecution,
  confirmSafeTransaction,
  findSafeExecution,
  onChainSafeNonce,
  sendSafeTransaction,
} from './safe-steps';
import { confirmOperation, findOperationExecution, operationEta, sendOperation, simulateOperation } from './timelock-steps';

export interface ExecutionDeps {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly chain: ExecutionChain;
  /** Wall-clock time for the log's metadata; readiness is judged by chain time. */
  readonly now: () => Date;
  /** Longest wait before looking at a scheduled operation again (chain time can jump on a dev chain). */
  readonly maxWaitMs: number;
}

/** What the stepper does next with this proposal: nothing until woken, again now, or at a time. */
export type StepOutcome = { readonly next: 'idle' } | { readonly next: 'now' } | { readonly next: 'at'; readonly at: Date };

const ACTOR = 'system:execution';

export async function runProposalStep(
  deps: ExecutionDeps,
  daoId: string,
  proposalId: string,
): Promise<{ step: ExecutionStep; outcome: StepOutcome }> {
  const states = await loadExecution(deps.store, daoId, proposalId);
  const block = await deps.chain.public.getBlock();
  const chainNow = new Date(Number(block.timestamp) * 1000).toISOString();
  const step = nextExecutionStep(states.proposal, states.treasury, chainNow);
  const outcome = await perform(deps, { daoId, proposalId }, states, step, chainNow);
  return { step, outcome };
}

async function perform(
  deps: ExecutionDeps,
  ids: { daoId: string; proposalId: string },
  states: ExecutionStates,
  step: ExecutionStep,
  chainNow: string,
): Promise<StepOutcome> {
  const treasury = states.treasury as DeployedTreasury;
  const append = (decide: Parameters<typeof appendExecution>[2]) =>
    appendExecution(deps.store, ids, decide, {
      actor: ACTOR,
      now: () => deps.now().toISOString(),
      correlationId: `execution:${ids.proposalId}`,
    });
  const metadata = () => ({ actor: ACTOR, now: deps.now().toISOString() });

  switch (step.type) {
    case 'Done':
    case 'Wait':
    case 'AwaitSignatures':
      return { next: 'idle' };
    case 'WaitUntil': {
      const remaining = Date.parse(step.eta) - Date.parse(chainNow);
      return { next: 'at', at: new Date(deps.now().getTime() + Math.max(0, Math.min(remaining, deps.maxWaitMs))) };
    }
    case 'ProposeSchedule':
    case 'ProposeCancel': {
      const { contracts } = treasury;
      const salt = executionSalt(ids.proposalId);
      let calls: readonly OperationCall[];
      let call: { to: Address; value: bigint; data: Hex };
      let operationId: Hex;
      if (step.type === 'ProposeSchedule') {
        if (states.proposal.status === 'Absent' || states.dao.status !== 'Active') return { next: 'idle' };
        calls = await encodeActions(deps.chain.public, contracts, proposalActions(states.proposal, states.dao.configuration));
        const batch = {
          calls: calls.map((c) => ({ to: c.to, value: c.value, data: c.data })),
          predecessor: zeroHash,
          salt: salt,
        };
        operationId = timelockOperationId(batch);
        call = scheduleBatchCall(contracts.timelock, batch, BigInt(contracts.timelockDelaySeconds));
      } else {
        operationId = step.operationId;
        calls = transactionsOf(treasury, ids.proposalId).find((tx) => tx.purpose === 'schedule')?.calls ?? [];
        call = cancelOperationCall(contracts.timelock, operationId);
      }
      const onChainNonce = await onChainSafeNonce(deps.chain, contracts.safe);
      const nonce = nextSafeNonce(treasury, onChainNonce);
      const { transaction, safeTxHash } = buildSingleCallSafeTransaction(contracts, call, nonce);
      const { nonce: _n, ...fields } = transaction;
      await append((s) =>
        proposeSafeTransaction(
          {
            type: 'ProposeSafeTransaction',
            data: {
              proposalId: ids.proposalId,
              purpose: step.type === 'ProposeSchedule' ? 'schedule' : 'cancel',
              safeTxHash,
              nonce,
              onChainNonce,
              transaction: fields,
              operationId,
              salt,
              calls,
            },
            metadata: metadata(),
          },
          s,
        ),
      );
      crashPoint('after-propose');
      return { next: 'now' };
    }
    case 'ProposeReject': {
      // A call to the Safe itself with no data: it does nothing but use the abandoned transaction's nonce.
      const { contracts } = treasury;
      const abandoned = treasury.transactions.get(step.safeTxHash)!;
      const call: SafeCall = { to: contracts.safe, value: 0n, data: '0x' };
      const { transaction, safeTxHash } = buildSingleCallSafeTransaction(contracts, call, step.nonce);
      const { nonce: _n, ...fields } = transaction;
      const onChainNonce = await onChainSafeNonce(deps.chain, contracts.safe);
      const description = `Void Safe nonce ${step.nonce}: the vetoed proposal's schedule transaction can never run`;
      await append((s) =>
        proposeSafeTransaction(
          {
            type: 'ProposeSafeTransaction',
            data: {
              proposalId: ids.proposalId,
              purpose: 'reject',
              safeTxHash,
              nonce: step.nonce,
              onChainNonce,
              transaction: fields,
              operationId: abandoned.operationId,
              salt: abandoned.salt,
              calls: [{ ...call, description }],
            },
            metadata: metadata(),
          },
          s,
        ),
      );
      return { next: 'now' };
    }
    case 'ExecuteSafeTransaction': {
      const { contracts } = treasury;
      const tx = treasury.transactions.get(step.safeTxHash)!;
      const safeTxHash = tx.safeTxHash;
      const key = `safe-exec:${contracts.chainId}:${contracts.safe}:${safeTxHash}`;
      let signatures: readonly SafeSignature[] | undefined;
      // Check with the Safe only before anything was sent: a sent transaction is waited for, not judged.
      const sent = (await deps.pool.query('SELECT 1 FROM chain_calls WHERE key = $1 AND tx_hash IS NOT NULL', [key])).rowCount;
      if (!sent && !(await findSafeExecution(deps.chain, contracts, safeTxHash))) {
        const check = await checkSafeExecution(deps.chain, contracts, tx);
        switch (check.kind) {
          case 'ready':
            signatures = check.signatures;
            break;
          case 'drop':
            await append((s) => ({
              treasury: dropSafeSignatures(
                { type: 'DropSafeSignatures', data: { safeTxHash, dropped: check.dropped }, metadata: metadata() },
                s.treasury,
              ),
              proposal: [],
              dao: [],
            }));
            return { next: 'now' };
          case 'short':
            // Woken again by the next signature.
            return { next: 'idle' };
          case 'not-next':
            return { next: 'at', at: new Date(deps.now().getTime() + deps.maxWaitMs) };
          case 'abandon':
            await append((s) =>
              abandonSafeTransaction(
                { type: 'AbandonSafeTransaction', data: { safeTxHash, reason: check.reason }, metadata: metadata() },
                s,
              ),
            );
            return { next: 'now' };
        }
      }
      const done = await keyedChainCall(deps.pool, {
        key,
        kind: 'safe-exec',
        daoId: ids.daoId,
        reconcile: () => findSafeExecution(deps.chain, contracts, safeTxHash),
        send: () => {
          if (!signatures) throw new Error(`Safe transaction ${safeTxHash}: not checked against the Safe before sending; retrying`);
          return sendSafeTransaction(deps.chain, contracts, tx, signatures);
        },
        confirm: (txHash) => confirmSafeTransaction(deps.chain, contracts, txHash, safeTxHash),
        afterSend: () => crashPoint('after-safe-send'),
      });
      if (done.status === 'busy') return { next: 'at', at: new Date(deps.now().getTime() + 1000) };
      const { txHash, success } = done.result;
      const eta = tx.purpose === 'schedule' && success ? await operationEta(deps.chain, contracts, tx.operationId) : null;
      await append((s) =>
        recordSafeTransactionExecuted(
          { type: 'RecordSafeTransactionExecuted', data: { safeTxHash, txHash, success, eta }, metadata: metadata() },
          s,
        ),
      );
      crashPoint('after-safe-record');
      return { next: 'now' };
    }
    case 'ExecuteOperation': {
      const { contracts } = treasury;
      const operationId = step.operationId;
      const tx = transactionsOf(treasury, ids.proposalId).find((t) => t.purpose === 'schedule' && t.operationId === operationId)!;
      const key = `timelock-exec:${contracts.chainId}:${contracts.timelock}:${operationId}`;
      const recorded = await findOperationExecution(deps.chain, contracts, tx);
      // Simulate only before anything was sent: a sent, still pending run must be waited for, not judged.
      const sent = (await deps.pool.query('SELECT 1 FROM chain_calls WHERE key = $1 AND tx_hash IS NOT NULL', [key])).rowCount;
      if (!recorded && !sent) {
        const reason = await simulateOperation(deps.chain, contracts, tx);
        if (reason !== undefined) {
          await append((s) =>
            recordTimelockOperationFailed(
              { type: 'RecordTimelockOperationFailed', data: { operationId, reason }, metadata: metadata() },
              s,
            ),
          );
          return { next: 'now' };
        }
      }
      const done = await keyedChainCall(deps.pool, {
        key,
        kind: 'timelock-exec',
        daoId: ids.daoId,
        reconcile: async () => recorded ?? (await findOperationExecution(deps.chain, contracts, tx)),
        send: () => sendOperation(deps.chain, contracts, tx),
        confirm: (txHash) => confirmOperation(deps.chain, contracts, tx, txHash),
        afterSend: () => crashPoint('after-timelock-send'),
      });
      if (done.status === 'busy') return { next: 'at', at: new Date(deps.now().getTime() + 1000) };
      const run = done.result;
      await append((s) =>
        run.status === 'executed'
          ? recordTimelockOperationExecuted(
              { type: 'RecordTimelockOperationExecuted', data: { operationId, txHash: run.txHash }, metadata: metadata() },
              s,
            )
          : recordTimelockOperationFailed(
              { type: 'RecordTimelockOperationFailed', data: { operationId, reason: run.reason }, metadata: metadata() },
              s,
            ),
      );
      return { next: 'now' };
    }
  }
}
