import { Inject, Injectable } from '@nestjs/common';
import {
  evolveRoscaHistory,
  initialRoscaHistory,
  restoreRoscaHistory,
  streams,
  type Address,
  type ContributionEntry,
  type ContributionStatus,
  type ContributionTiming,
  type RoscaEvent,
  type StoredRoscaHistory,
} from '@ayllu/domain';
import { reviveBigints, withinCut, type LogCut, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { requireDaoId } from '../../shared/dao-lookup';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { parseAsOf } from '../../governance-reads/shared/as-of';
import type { PoolHistory } from './rotating-pool-view-of';

const POOL_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const poolNotFound = (poolId: string) =>
  new ProblemException(problem(404, 'ROSCA.POOL_NOT_FOUND', `No rotating pool ${poolId} in this DAO`));

/** A pool's history with the instant its time-dependent figures (a penalty if paid now) are computed at. */
export interface ReadPool {
  readonly history: PoolHistory;
  /** Where the pool sits in the DAO's list: the log position of its creation. */
  readonly createdPosition: bigint;
  readonly at: string;
}

interface ContributionDbRow {
  round: number;
  member: string;
  status: string;
  amount: string;
  penalty: string;
  timing: string | null;
  paid_at: Date | null;
}

const entryOf = (r: ContributionDbRow): ContributionEntry => ({
  round: r.round,
  member: r.member as Address,
  status: r.status as ContributionStatus,
  amount: BigInt(r.amount),
  penalty: BigInt(r.penalty),
  timing: r.timing as ContributionTiming | null,
  paidAt: r.paid_at?.toISOString() ?? null,
});

/**
 * Rotating pools from the read model, or folded from the log (for `asOf`, and for a pool the worker has not
 * projected yet, so a client reads its own write). Both give the same history to the same view builders.
 */
@Injectable()
export class RotatingPoolReader {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  async get(daoId: string, poolId: string, asOf: string | undefined): Promise<ReadPool> {
    requireDaoId(daoId);
    if (!POOL_ID.test(poolId)) throw poolNotFound(poolId);
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const pool = (cut === null ? await this.projected(poolId) : null) ?? (await this.fold(poolId, cut));
    if (pool === null || pool.history.state.configuration.daoId !== daoId) throw poolNotFound(poolId);
    return pool;
  }

  /** The DAO's pools in the order they were created, after `afterPosition`, at most `limit` + 1 (to tell a next page). */
  async list(daoId: string, asOf: string | undefined, afterPosition: bigint | null, limit: number): Promise<ReadPool[]> {
    requireDaoId(daoId);
    if (asOf === undefined) {
      const { rows } = await this.db.query<{ fold_state: unknown; created_position: string }>(
        `SELECT fold_state, created_position FROM rm_rosca_pools
         WHERE dao_id = $1 AND ($2::bigint IS NULL OR created_position > $2) ORDER BY created_position LIMIT $3`,
        [daoId, afterPosition?.toString() ?? null, limit + 1],
      );
      const now = new Date().toISOString();
      return rows.map((r) => ({
        history: restoreRoscaHistory(reviveBigints(r.fold_state) as StoredRoscaHistory, []) as PoolHistory,
        createdPosition: BigInt(r.created_position),
        at: now,
      }));
    }
    const cut = await parseAsOf(asOf, this.store);
    // The log is the list: every pool created for this DAO (the creation names the DAO), folded up to the cut.
    const { rows } = await this.db.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = 'RotatingPoolCreated' AND data->'configuration'->>'daoId' = $1
         AND ($2::bigint IS NULL OR global_position > $2) ORDER BY global_position`,
      [daoId, afterPosition?.toString() ?? null],
    );
    const pools: ReadPool[] = [];
    for (const { stream_id } of rows) {
      if (pools.length > limit) break;
      const folded = await this.fold(streams.rosca.parse(stream_id)!, cut);
      if (folded !== null) pools.push(folded);
    }
    return pools;
  }

  private async projected(poolId: string): Promise<ReadPool | null> {
    const { rows } = await this.db.query<{ fold_state: unknown; created_position: string }>(
      'SELECT fold_state, created_position FROM rm_rosca_pools WHERE pool_id = $1',
      [poolId],
    );
    if (rows.length === 0) return null;
    const contributions = await this.db.query<ContributionDbRow>(
      `SELECT round, member, status, amount::text, penalty::text, timing, paid_at FROM rm_rosca_contributions WHERE pool_id = $1`,
      [poolId],
    );
    const history = restoreRoscaHistory(reviveBigints(rows[0].fold_state) as StoredRoscaHistory, contributions.rows.map(entryOf));
    return { history: history as PoolHistory, createdPosition: BigInt(rows[0].created_position), at: new Date().toISOString() };
  }

  /** The pool folded from its stream up to the cut (or now); null if it did not exist then. */
  async fold(poolId: string, cut: LogCut | null): Promise<ReadPool | null> {
    const events = withinCut(await this.store.readStream(streams.rosca.of(poolId).streamId), cut);
    if (events.length === 0) return null;
    const history = events.reduce((h, e) => evolveRoscaHistory(h, { type: e.type, data: e.data } as RoscaEvent), initialRoscaHistory());
    if (history.state.status === 'ABSENT') return null;
    const at =
      cut === null
        ? new Date().toISOString()
        : cut.kind === 'time'
          ? cut.at.toISOString()
          : events[events.length - 1].recordedAt.toISOString();
    return { history: history as PoolHistory, createdPosition: events[0].position, at };
  }
}
