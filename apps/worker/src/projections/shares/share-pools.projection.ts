import {
  evolveSharePoolHistory,
  initialSharePoolHistory,
  restoreSharePoolHistory,
  streams,
  type SharePoolEvent,
  type SharePoolHistory,
  type StoredSharePoolHistory,
} from '@ayllu/domain';
import { reviveBigints } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import { processor } from '../../processing/processor';
import { replaceShareHolders, upsertShareDistributions, upsertSharePools, type ShareTouch } from './share-rows';

interface Loaded {
  readonly history: SharePoolHistory;
  readonly createdPosition: bigint;
  /** The stream version the history is folded to: an event at or below it is already in the rows. */
  readonly version: number;
}

/**
 * Share pools (`rm_share_pools` with the figures and the folded read-side history, `rm_share_holders`,
 * `rm_share_distributions`). A batch folds each touched pool in memory with the domain's read-side fold
 * (evolveSharePoolHistory, the same the API's `asOf` reads use) and writes what changed, one statement per table.
 */
export const sharePoolsProjection = processor({
  name: 'share-pools',
  tables: ['rm_share_pools', 'rm_share_holders', 'rm_share_distributions'],
  canHandle: streams.sharePool.eventTypes,
  async handle(tx, events) {
    const mine = events.filter((e) => streams.sharePool.parse(e.streamId) !== null);
    if (mine.length === 0) return;
    const loaded = await loadPools(tx, [...new Set(mine.map((e) => streams.sharePool.parse(e.streamId)!))]);
    const touched = new Map<string, ShareTouch>();
    for (const event of mine) {
      const poolId = streams.sharePool.parse(event.streamId)!;
      const before = loaded.get(poolId) ?? { history: initialSharePoolHistory(), createdPosition: event.position, version: 0 };
      // Idempotent: an event handed again (a replayed batch) is already folded in.
      if (event.version <= before.version) continue;
      const history = evolveSharePoolHistory(before.history, event as SharePoolEvent);
      if (history.state.status === 'ABSENT') continue;
      loaded.set(poolId, { history, createdPosition: before.createdPosition, version: event.version });
      touched.set(poolId, {
        history: history as ShareTouch['history'],
        createdPosition: before.createdPosition,
        version: event.version,
        position: event.position,
        updatedAt: event.recordedAt,
      });
    }
    const all = [...touched.values()];
    await upsertSharePools(tx, all);
    await replaceShareHolders(tx, all);
    await upsertShareDistributions(tx, all);
  },
});

const loadPools = async (tx: PoolClient, ids: readonly string[]): Promise<Map<string, Loaded>> => {
  const { rows } = await tx.query<{ pool_id: string; fold_state: unknown; created_position: string; version: number }>(
    'SELECT pool_id, fold_state, created_position, version FROM rm_share_pools WHERE pool_id = ANY($1)',
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.pool_id,
      {
        history: restoreSharePoolHistory(reviveBigints(r.fold_state) as StoredSharePoolHistory),
        createdPosition: BigInt(r.created_position),
        version: r.version,
      },
    ]),
  );
};
