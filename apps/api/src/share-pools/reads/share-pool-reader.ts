import { Inject, Injectable } from '@nestjs/common';
import {
  evolveSharePoolHistory,
  initialSharePoolHistory,
  restoreSharePoolHistory,
  streams,
  type SharePoolEvent,
  type SharePoolHistory,
  type SharePoolRecord,
  type SharePoolStatus,
  type StoredSharePoolHistory,
} from '@ayllu/domain';
import { reviveBigints, withinCut, type LogCut, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { parseAsOf } from '../../governance-reads/shared/as-of';
import { readPoolMemberRows, type MemberPayoutRow } from '../../payouts/read-payouts';
import { requireDaoId } from '../../shared/dao-lookup';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { isSharePoolId } from '../shared/share-pool';
import { shareProblems } from '../shared/share-problems';

export type ExistingHistory = SharePoolHistory & { readonly state: SharePoolRecord & { readonly status: SharePoolStatus } };

/** A pool's read-side history and the instant its running stream is credited to. */
export interface ReadSharePool {
  readonly history: ExistingHistory;
  /** Where the pool sits in the DAO's list: the log position of its creation. */
  readonly createdPosition: bigint;
  readonly at: string;
}

/**
 * Share pools from the read model (`rm_share_pools.fold_state`), or folded from the log with the same read-side fold
 * (evolveSharePoolHistory): for `asOf`, and for a pool the worker has not projected yet, so a client reads its own write.
 */
@Injectable()
export class SharePoolReader {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  async get(daoId: string, poolId: string, asOf: string | undefined): Promise<ReadSharePool> {
    requireDaoId(daoId);
    if (!isSharePoolId(poolId)) throw shareProblems.poolNotFound(daoId, poolId);
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const pool = (cut === null ? await this.projected(poolId) : null) ?? (await this.fold(poolId, cut));
    if (pool === null || pool.history.state.configuration.daoId !== daoId) throw shareProblems.poolNotFound(daoId, poolId);
    return pool;
  }

  /**
   * The DAO's public pools not deleted, in the order they were created, after `afterPosition`, at most `limit` + 1
   * (to tell a next page). Private pools are never listed: they are reached by id.
   */
  async list(daoId: string, asOf: string | undefined, afterPosition: bigint | null, limit: number): Promise<ReadSharePool[]> {
    requireDaoId(daoId);
    if (asOf === undefined) {
      const { rows } = await this.db.query<{ fold_state: unknown; created_position: string }>(
        `SELECT fold_state, created_position FROM rm_share_pools
         WHERE dao_id = $1 AND visibility = 'public' AND NOT deleted AND ($2::bigint IS NULL OR created_position > $2)
         ORDER BY created_position LIMIT $3`,
        [daoId, afterPosition?.toString() ?? null, limit + 1],
      );
      const now = new Date().toISOString();
      return rows.map((r) => ({
        history: restoreSharePoolHistory(reviveBigints(r.fold_state) as StoredSharePoolHistory) as ExistingHistory,
        createdPosition: BigInt(r.created_position),
        at: now,
      }));
    }
    const cut = await parseAsOf(asOf, this.store);
    const { rows } = await this.db.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = 'SharePoolCreated' AND data->'configuration'->>'daoId' = $1
         AND data->'configuration'->>'visibility' = 'public' AND ($2::bigint IS NULL OR global_position > $2) ORDER BY global_position`,
      [daoId, afterPosition?.toString() ?? null],
    );
    const pools: ReadSharePool[] = [];
    for (const { stream_id } of rows) {
      if (pools.length > limit) break;
      const folded = await this.fold(streams.sharePool.parse(stream_id)!, cut);
      if (folded !== null && !folded.history.state.deleted) pools.push(folded);
    }
    return pools;
  }

  /**
   * Holders' positions in the pool's GDA pool as the worker last read them (payout cache); empty for `asOf` (the
   * cache only knows now) and for a pool without a GDA pool yet.
   */
  async payouts(pool: ReadSharePool, asOf: string | undefined): Promise<ReadonlyMap<string, MemberPayoutRow>> {
    const { state } = pool.history;
    if (asOf !== undefined || state.gdaPool === null) return new Map();
    const rows = await readPoolMemberRows(this.db, state.configuration.daoId, state.gdaPool);
    return new Map(rows.map((r) => [r.address, r]));
  }

  private async projected(poolId: string): Promise<ReadSharePool | null> {
    const { rows } = await this.db.query<{ fold_state: unknown; created_position: string }>(
      'SELECT fold_state, created_position FROM rm_share_pools WHERE pool_id = $1',
      [poolId],
    );
    if (rows.length === 0) return null;
    const history = restoreSharePoolHistory(reviveBigints(rows[0].fold_state) as StoredSharePoolHistory);
    return { history: history as ExistingHistory, createdPosition: BigInt(rows[0].created_position), at: new Date().toISOString() };
  }

  /** The pool folded from its stream up to the cut (or now); null if it did not exist then. */
  async fold(poolId: string, cut: LogCut | null): Promise<ReadSharePool | null> {
    const events = withinCut(await this.store.readStream(streams.sharePool.of(poolId).streamId), cut);
    if (events.length === 0) return null;
    const history = events.reduce(
      (h, e) => evolveSharePoolHistory(h, { type: e.type, data: e.data } as SharePoolEvent),
      initialSharePoolHistory(),
    );
    if (history.state.status === 'ABSENT') return null;
    const at =
      cut === null
        ? new Date().toISOString()
        : cut.kind === 'time'
          ? cut.at.toISOString()
          : events[events.length - 1].recordedAt.toISOString();
    return { history: history as ExistingHistory, createdPosition: events[0].position, at };
  }
}
