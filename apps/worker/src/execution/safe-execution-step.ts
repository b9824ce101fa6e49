import type { SafeSignature } from '@ayllu/chain';
import {
  abandonSafeTransaction,
  dropSafeSignatures,
  isSharePoolDistribution,
  recordRoscaOrganiserExecution,
  recordSharePoolCreatorExecution,
  recordSafeTransactionExecuted,
  type DeployedTreasury,
  type Hash,
} from '@ayllu/domain';
import { crashPoint } from './crash-point';
import type { ExecutionDeps, StepOutcome, StepRecorder } from './execution-deps';
import { appendOrganiser, appendSharePoolCreator } from './execution-streams';
import { keyedChainCall } from './keyed-chain-call';
import { distributionUnitsAt } from './share-pool-units';
import { checkSafeExecution, confirmSafeTransaction, findSafeExecution, sendSafeTransaction } from './safe-steps';
import { operationEta } from './timelock-steps';

/** An earlier Safe nonce still waits for signatures: look again this late at the latest (its execution wakes us). */
const NOT_NEXT_RECHECK_MS = 60_000;

/**
 * Executes a Safe transaction whose threshold is met. Before anything is sent it is checked with the Safe
 * (`checkSafeExecution`): refused signatures are dropped with the reason, a transaction that can never run is
 * abandoned with the reason, one whose nonce is not the Safe's next waits. Then exactly the threshold of
 * signatures, sorted, is sent once (keyed), and the outcome recorded.
 */
export async function executeSafeTransactionStep(
  deps: ExecutionDeps,
  daoId: string,
  treasury: DeployedTreasury,
  safeTxHash: Hash,
  { append, metadata }: StepRecorder,
): Promise<StepOutcome> {
  const { contracts } = treasury;
  const tx = treasury.transactions.get(safeTxHash)!;
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
        // The Safe's threshold is above the accepted signatures: the next signature wakes this step.
        return { next: 'idle' };
      case 'not-next':
        return { next: 'at', at: new Date(deps.now().getTime() + NOT_NEXT_RECHECK_MS) };
      case 'abandon':
        await append((s) =>
          abandonSafeTransaction({ type: 'AbandonSafeTransaction', data: { safeTxHash, reason: check.reason }, metadata: metadata() }, s),
        );
        return { next: 'now' };
    }
  }
  const done = await keyedChainCall(deps.pool, {
    key,
    kind: 'safe-exec',
    daoId,
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
  const executed = { type: 'RecordSafeTransactionExecuted' as const, data: { safeTxHash, txHash, success, eta }, metadata: metadata() };
  const pool = tx.purpose === 'rosca_organiser' ? tx.organiserAction?.poolId : undefined;
  const sharePool = tx.purpose === 'share_pool_creator' ? tx.sharePoolAction?.poolId : undefined;
  const context = { actor: executed.metadata.actor, now: () => executed.metadata.now, correlationId: `safe-tx:${safeTxHash}` };
  if (pool !== undefined)
    // The pool's command is recorded in the same append, with the Safe as its actor.
    await appendOrganiser(deps.store, { daoId, poolId: pool }, (s) => recordRoscaOrganiserExecution(executed, s), context);
  else if (sharePool !== undefined) {
    // A distribution is recorded from the GDA units of the block it executed in: read them first (an RPC failure
    // fails this step, retried later; the keyed call above then answers from the ledger without sending again).
    const block = success && isSharePoolDistribution(tx.sharePoolAction!) ? await executionBlock(deps, txHash) : null;
    const units = block === null ? undefined : await distributionUnitsAt(deps, tx.sharePoolAction, block);
    await appendSharePoolCreator(
      deps.store,
      { daoId, poolId: sharePool },
      (s) => recordSharePoolCreatorExecution(executed, s, units),
      context,
    );
  } else await append((s) => recordSafeTransactionExecuted(executed, s));
  crashPoint('after-safe-record');
  return { next: 'now' };
}

/** The block a sent transaction was mined in, from its receipt. */
const executionBlock = async (deps: ExecutionDeps, txHash: Hash): Promise<bigint> =>
  (await deps.chain.public.getTransactionReceipt({ hash: txHash })).blockNumber;
