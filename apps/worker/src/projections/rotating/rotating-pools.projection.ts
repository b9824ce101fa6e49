import {
  evolveRoscaHistory,
  initialRoscaHistory,
  restoreRoscaHistory,
  streams,
  type Address,
  type ContributionEntry,
  type ContributionStatus,
  type ContributionTiming,
  type RoscaHistory,
  type StoredRoscaHistory,
} from '@ayllu/domain';
import { reviveBigints } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import { processor } from '../../processing/processor';
import { upsertContributions, upsertMembers, upsertPools, upsertRounds, type ContributionRow, type PoolTouch } from './rosca-rows';

interface Loaded {
  readonly history: RoscaHistory;
  readonly createdPosition: bigint;
  /** The stream version the history is folded to: an event at or below it is already in the rows. */
  readonly version: number;
}

/**
 * Rotating pools (`rm_rosca_pools` with the dashboard figures and the folded history, `rm_rosca_members`,
 * `rm_rosca_contributions`, `rm_rosca_rounds`). A batch folds each touched pool in memory with the domain's
 * read-side fold (evolveRoscaHistory: the domain's evolve plus what a round leaves behind) and writes what
 * changed with one statement per table. Only the open round's contributions can change, so only those are loaded.
 */
export const rotatingPoolsProjection = processor({
  name: 'rotating-pools',
  tables: ['rm_rosca_pools', 'rm_rosca_members', 'rm_rosca_contributions', 'rm_rosca_rounds'],
  canHandle: streams.rosca.eventTypes,
  async handle(tx, events) {
    const mine = events.filter((e) => streams.rosca.parse(e.streamId) !== null);
    if (mine.length === 0) return;
    const loaded = await loadPools(tx, [...new Set(mine.map((e) => streams.rosca.parse(e.streamId)!))]);
    const start = new Map([...loaded].map(([id, l]) => [id, l.history.contributions]));
    const touched = new Map<string, PoolTouch>();
    for (const event of mine) {
      const poolId = streams.rosca.parse(event.streamId)!;
      const before = loaded.get(poolId) ?? { history: initialRoscaHistory(), createdPosition: event.position, version: 0 };
      // Idempotent: an event handed again (a replayed batch) is already folded in.
      if (event.version <= before.version) continue;
      const history = evolveRoscaHistory(before.history, event);
      if (history.state.status === 'ABSENT') continue;
      loaded.set(poolId, { history, createdPosition: before.createdPosition, version: event.version });
      touched.set(poolId, {
        history: history as PoolTouch['history'],
        createdPosition: before.createdPosition,
        version: event.version,
        position: event.position,
        updatedAt: event.recordedAt,
      });
    }
    const contributions: ContributionRow[] = [];
    for (const [poolId, t] of touched) {
      const earlier = start.get(poolId);
      for (const entry of t.history.contributions.values())
        if (earlier?.get(`${entry.round}:${entry.member}`) !== entry) contributions.push({ poolId, entry });
    }
    const all = [...touched.values()];
    await upsertPools(tx, all);
    await upsertMembers(tx, all);
    await upsertContributions(tx, contributions);
    await upsertRounds(tx, all);
  },
});

interface ContributionDbRow {
  pool_id: string;
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

/** The touched pools' stored histories, with the open round's contributions (the only ones a batch can change). */
const loadPools = async (tx: PoolClient, ids: readonly string[]): Promise<Map<string, Loaded>> => {
  const pools = await tx.query<{ pool_id: string; fold_state: unknown; created_position: string; version: number }>(
    'SELECT pool_id, fold_state, created_position, version FROM rm_rosca_pools WHERE pool_id = ANY($1)',
    [ids],
  );
  const open = await tx.query<ContributionDbRow>(
    `SELECT c.pool_id, c.round, c.member, c.status, c.amount::text, c.penalty::text, c.timing, c.paid_at
     FROM rm_rosca_contributions c JOIN rm_rosca_pools p ON p.pool_id = c.pool_id AND p.current_round = c.round
     WHERE c.pool_id = ANY($1)`,
    [ids],
  );
  return new Map(
    pools.rows.map((r) => [
      r.pool_id,
      {
        history: restoreRoscaHistory(
          reviveBigints(r.fold_state) as StoredRoscaHistory,
          open.rows.filter((c) => c.pool_id === r.pool_id).map(entryOf),
        ),
        createdPosition: BigInt(r.created_position),
        version: r.version,
      },
    ]),
  );
};
