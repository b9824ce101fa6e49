import { nextOrganiserStep, type DeployedTreasury } from '@ayllu/domain';
import type { ExecutionDeps, StepOutcome, StepRecorder } from './execution-deps';
import { appendSetup } from './execution-streams';
import { executeSafeTransactionStep } from './safe-execution-step';

const ACTOR = 'system:execution';

/**
 * The DAO's rotating-pool organiser transactions (the Safe starting, pausing or resuming a pool) and share-pool
 * creator transactions (the Safe assigning shares or distributing), queued by the API for a DAO admin, belong to
 * no proposal: the DAO's own process executes them once their threshold is met,
 * the same way as any Safe transaction (checked against the Safe, sent once, keyed). Their execution records the
 * pool's command in the same append (`executeSafeTransactionStep`); a refusal signatures cannot change
 * abandons the transaction, recording nothing on the pool. Null when none is ready, so the DAO's other steps go on.
 * Steps are labelled `Organiser:<step>` on the DAO's execution row.
 */
export async function runOrganiserStep(
  deps: ExecutionDeps,
  daoId: string,
  treasury: DeployedTreasury,
): Promise<{ step: string; outcome: StepOutcome } | null> {
  const step = nextOrganiserStep(treasury);
  if (step.type !== 'ExecuteSafeTransaction') return null;
  const recorder: StepRecorder = {
    append: (decide) =>
      appendSetup(deps.store, daoId, decide, {
        actor: ACTOR,
        now: () => deps.now().toISOString(),
        correlationId: `safe-tx:${step.safeTxHash}`,
      }),
    metadata: () => ({ actor: ACTOR, now: deps.now().toISOString() }),
  };
  const outcome = await executeSafeTransactionStep(deps, daoId, treasury, step.safeTxHash, recorder);
  return { step: `Organiser:${step.type}`, outcome };
}
