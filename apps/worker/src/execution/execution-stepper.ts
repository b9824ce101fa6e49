import type { Pool } from 'pg';
import { DrainLoop } from '../processing/drain-loop';
import { runDaoStep } from './deploy-dao-contracts';
import { runProposalStep, type ExecutionDeps, type StepOutcome } from './run-proposal-step';
import { runRoscaStep } from '../rotating/rosca-step';
import { runSharePoolStep } from '../shares/share-pool-step';

export interface StepperOptions {
  /** How long a claimed item is leased: a worker that dies mid-step frees it after this. */
  readonly leaseMs: number;
  /** The wait after a step's first failure; it doubles with each failure in a row, up to `maxRetryMs`. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
  readonly onError: (subject: string, error: unknown) => void;
  /** A pass that failed outside any one step (claiming, recording a step's outcome); the next wake-up retries. */
  readonly onPassError: (error: unknown) => void;
}

type Table = 'execution_processes' | 'execution_daos' | 'rosca_processes' | 'share_pool_processes';
type Claimed = { id: string; dao_id: string; wakes: string; attempts: number };

/**
 * How long to wait after the `attempts`-th failure in a row: `baseMs` doubled each time, capped at `maxMs`
 * (e.g. 5 s, 10 s, 20 s ... 5 min). A node that answers 429 or times out is given room instead of being
 * asked again every few seconds; a step that succeeds starts the count again.
 */
export const retryDelayMs = (attempts: number, policy: { readonly baseMs: number; readonly maxMs: number }): number =>
  Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));

/**
 * Runs due execution steps. Items are claimed with SKIP LOCKED and a lease, so several workers share the
 * work without taking the same item; a wake-up that arrives while a step runs (`wakes` moved) makes the item
 * due again instead of being lost.
 */
export class ExecutionStepper {
  private readonly loop: DrainLoop;

  constructor(
    private readonly pool: Pool,
    private readonly deps: ExecutionDeps,
    private readonly options: StepperOptions,
  ) {
    this.loop = new DrainLoop({ drain: () => this.stepUntilIdle(), onError: options.onPassError });
  }

  /** Runs due steps until none is due. Overlapping calls coalesce. */
  tick(): Promise<void> {
    return this.loop.wake();
  }

  /** Runs due steps every `pollMs`: due times (ETAs, leases, retries) pass without any event. */
  start(pollMs: number): void {
    this.loop.start({ pollMs });
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async stepUntilIdle(): Promise<void> {
    let worked = true;
    while (worked) {
      const daos = await this.claim('execution_daos', 'dao_id', 'dao_id');
      for (const item of daos) await this.run('execution_daos', 'dao_id', item, () => runDaoStep(this.deps, item.id));
      const proposals = await this.claim('execution_processes', 'proposal_id', 'dao_id');
      for (const item of proposals)
        await this.run('execution_processes', 'proposal_id', item, () => runProposalStep(this.deps, item.dao_id, item.id));
      const pools = await this.claim('rosca_processes', 'pool_id', 'dao_id');
      for (const item of pools) await this.run('rosca_processes', 'pool_id', item, () => runRoscaStep(this.deps, item.dao_id, item.id));
      const sharePools = await this.claim('share_pool_processes', 'pool_id', 'dao_id');
      for (const item of sharePools) await this.run('share_pool_processes', 'pool_id', item, () => runSharePoolStep(this.deps, item.id));
      worked = daos.length + proposals.length + pools.length + sharePools.length > 0;
    }
  }

  private async claim(table: Table, idColumn: string, daoColumn: string): Promise<Claimed[]> {
    const { rows } = await this.pool.query<Claimed>(
      `WITH due AS (
         SELECT ${idColumn} FROM ${table} WHERE due_at <= now() ORDER BY due_at LIMIT 10 FOR UPDATE SKIP LOCKED)
       UPDATE ${table} t SET due_at = now() + make_interval(secs => $1::float8 / 1000), updated_at = now()
       FROM due WHERE t.${idColumn} = due.${idColumn}
       RETURNING t.${idColumn} AS id, t.${daoColumn} AS dao_id, t.wakes::text AS wakes, t.attempts`,
      [this.options.leaseMs],
    );
    return rows;
  }

  private async run(table: Table, idColumn: string, item: Claimed, step: () => Promise<{ step: unknown; outcome: StepOutcome }>) {
    let next: Date | null;
    let label: string;
    let error: string | null = null;
    let attempts = 0;
    try {
      const result = await step();
      label = typeof result.step === 'string' ? result.step : (result.step as { type: string }).type;
      const { outcome } = result;
      next = outcome.next === 'idle' ? null : outcome.next === 'now' ? new Date(0) : outcome.at;
    } catch (caught) {
      this.options.onError(`${table}:${item.id}`, caught);
      label = 'Error';
      error = (caught as Error).message?.slice(0, 2000) ?? String(caught);
      attempts = item.attempts + 1;
      next = new Date(Date.now() + retryDelayMs(attempts, { baseMs: this.options.retryMs, maxMs: this.options.maxRetryMs }));
    }
    await this.pool.query(
      `UPDATE ${table} SET
         due_at = CASE WHEN wakes::text <> $2 THEN now() WHEN $3::timestamptz IS NULL THEN NULL ELSE GREATEST($3::timestamptz, now()) END,
         last_step = $4, last_error = $5, attempts = $6, updated_at = now()
       WHERE ${idColumn} = $1`,
      [
        item.id,
        item.wakes,
        next && next.getTime() === 0 ? new Date().toISOString() : (next?.toISOString() ?? null),
        label,
        error,
        attempts,
      ],
    );
  }
}
