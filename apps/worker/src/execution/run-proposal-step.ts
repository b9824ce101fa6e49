import { cancelOperationCall, scheduleBatchCall, timelockOperationId, type SafeCall } from '@ayllu/chain';
import {
  executionSalt,
  nextExecutionStep,
  nextSafeNonce,
  proposalActions,
  proposeSafeTransaction,
  recordTimelockOperationExecuted,
  recordTimelockOperationFailed,
  transactionsOf,
  type DeployedTreasury,
  type ExecutionStates,
  type ExecutionStep,
  type OperationCall,
} from '@ayllu/domain';
import { zeroHash, type Address, type Hex } from 'viem';
import { crashPoint } from './crash-point';
import { encodeActions } from './encode-actions';
import type { ExecutionDeps, StepOutcome } from './execution-deps';
import { appendExecution, loadExecution } from './execution-streams';
import { executeSafeTransactionStep } from './safe-execution-step';
import { keyedChainCall } from './keyed-chain-call';
import { buildSingleCallSafeTransaction, onChainSafeNonce } from './safe-steps';
import { confirmOperation, findOperationExecution, sendOperation, simulateOperation } from './timelock-steps';

export type { ExecutionDeps, StepOutcome } from './execution-deps';

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
    case 'ExecuteSafeTransaction':
      return executeSafeTransactionStep(deps, ids.daoId, treasury, step.safeTxHash, { append, metadata });
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
