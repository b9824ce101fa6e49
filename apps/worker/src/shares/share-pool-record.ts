import { sharePoolDecider, streams, type SharePoolCommand } from '@ayllu/domain';
import type { ExecutionDeps, StepOutcome } from '../execution/execution-deps';

export const SHARE_POOL_ACTOR = 'system:share-pools';

export type SharePoolStepResult = { readonly step: string; readonly outcome: StepOutcome };

export const again = (step: string): SharePoolStepResult => ({ step, outcome: { next: 'now' } });
export const idle = (step: string): SharePoolStepResult => ({ step, outcome: { next: 'idle' } });
/** Another worker holds the call: look again shortly. */
export const busy = (deps: ExecutionDeps, step: string): SharePoolStepResult => ({
  step,
  outcome: { next: 'at', at: new Date(Date.now() + deps.maxWaitMs) },
});

/** Decides `command` on the pool's stream and appends what it decided, as the worker. */
export const recordSharePool = async (deps: ExecutionDeps, poolId: string, command: SharePoolCommand, correlationId: string) => {
  await deps.store.handle({ pool: streams.sharePool.of(poolId) }, ({ pool }) => ({ pool: sharePoolDecider.decide(command, pool) }), {
    context: { actor: SHARE_POOL_ACTOR, correlationId, occurredAt: deps.now().toISOString() },
  });
};

export const meta = (deps: ExecutionDeps, now?: string) => ({ actor: SHARE_POOL_ACTOR, now: now ?? deps.now().toISOString() });

export const chainSecondsNow = async (deps: ExecutionDeps): Promise<bigint> =>
  (await deps.chain.public.getBlock({ blockTag: 'latest' })).timestamp;
