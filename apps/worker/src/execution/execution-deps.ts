import type { ExecutionEvents, ExecutionStates } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { ExecutionChain } from './execution-chain';

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

/** How a step records what happened: one append over the DAO, proposal and treasury streams, as the execution actor. */
export interface StepRecorder {
  readonly append: (decide: (states: ExecutionStates) => ExecutionEvents) => Promise<unknown>;
  readonly metadata: () => { readonly actor: string; readonly now: string };
}
