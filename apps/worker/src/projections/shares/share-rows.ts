import { storeSharePoolHistory, type SharePoolHistory, type SharePoolRecord, type SharePoolStatus } from '@ayllu/domain';
import { encodeJson } from '@ayllu/event-store';
import type { PoolClient } from 'pg';

export interface ShareTouch {
  readonly history: SharePoolHistory & { readonly state: SharePoolRecord & { readonly status: SharePoolStatus } };
  readonly createdPosition: bigint;
  readonly version: number;
  readonly position: bigint;
  readonly updatedAt: Date;
}

/** Every pool the batch touched, in one statement. */
export const upsertSharePools = async (tx: PoolClient, touched: readonly ShareTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  const col = <T>(f: (t: ShareTouch) => T) => touched.map(f);
  const s = (t: ShareTouch) => t.history.state;
  await tx.query(
    `INSERT INTO rm_share_pools (pool_id, dao_id, name, ticker, status, visibility, way_to_access, contract_address, available, reserved,
                                 holder_count, raised, proceeds, kept_by_pool, deleted, created_at, created_position, fold_state,
                                 version, position, updated_at, paused, operator)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
                          $10::int[], $11::int[], $12::numeric[], $13::numeric[], $14::numeric[], $15::bool[], $16::timestamptz[],
                          $17::bigint[], $18::jsonb[], $19::int[], $20::bigint[], $21::timestamptz[], $22::bool[], $23::text[])
     ON CONFLICT (pool_id) DO UPDATE SET
       status = EXCLUDED.status, contract_address = EXCLUDED.contract_address, available = EXCLUDED.available,
       reserved = EXCLUDED.reserved, holder_count = EXCLUDED.holder_count, raised = EXCLUDED.raised, proceeds = EXCLUDED.proceeds,
       kept_by_pool = EXCLUDED.kept_by_pool, deleted = EXCLUDED.deleted, fold_state = EXCLUDED.fold_state,
       version = EXCLUDED.version, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at,
       paused = EXCLUDED.paused, operator = EXCLUDED.operator`,
    [
      col((t) => s(t).poolId),
      col((t) => s(t).configuration.daoId),
      col((t) => s(t).configuration.name),
      col((t) => s(t).configuration.ticker),
      col((t) => s(t).status),
      col((t) => s(t).configuration.visibility),
      col((t) => s(t).configuration.wayToAccess),
      col((t) => s(t).contract),
      col((t) => s(t).available),
      col((t) => s(t).reserved),
      col((t) => s(t).holdings.size),
      col((t) => (s(t).crowdfunding?.raised ?? 0n).toString()),
      col((t) => s(t).proceeds.toString()),
      col((t) => t.history.keptByPool.toString()),
      col((t) => s(t).deleted !== null),
      col((t) => s(t).createdAt),
      col((t) => t.createdPosition.toString()),
      col((t) => encodeJson(storeSharePoolHistory(t.history))),
      col((t) => t.version),
      col((t) => t.position.toString()),
      col((t) => t.updatedAt.toISOString()),
      col((t) => s(t).paused),
      col((t) => s(t).operator),
    ],
  );
};

/** The holders of every touched pool as they are now: rows of those who no longer hold anything go. */
export const replaceShareHolders = async (tx: PoolClient, touched: readonly ShareTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  await tx.query('DELETE FROM rm_share_holders WHERE pool_id = ANY($1)', [touched.map((t) => t.history.state.poolId)]);
  const rows = touched.flatMap((t) => [...t.history.state.holdings].map(([holder, shares]) => ({ t, holder, shares })));
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO rm_share_holders (pool_id, holder, dao_id, shares)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
    [
      rows.map((r) => r.t.history.state.poolId),
      rows.map((r) => r.holder),
      rows.map((r) => r.t.history.state.configuration.daoId),
      rows.map((r) => r.shares),
    ],
  );
};

/** Every distribution of every touched pool (a stream's `stopped_at` changes after it was recorded). */
export const upsertShareDistributions = async (tx: PoolClient, touched: readonly ShareTouch[]): Promise<void> => {
  const rows = touched.flatMap((t) => t.history.distributions.map((d) => ({ poolId: t.history.state.poolId, d })));
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await tx.query(
    `INSERT INTO rm_share_distributions (pool_id, index, round, kind, amount, paid, kept, left_with_distributor, at, stopped_at, tx_hash)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[],
                          $9::timestamptz[], $10::timestamptz[], $11::text[])
     ON CONFLICT (pool_id, index) DO UPDATE SET stopped_at = EXCLUDED.stopped_at`,
    [
      col((r) => r.poolId),
      col((r) => r.d.index),
      col((r) => r.d.round),
      col((r) => r.d.kind),
      col((r) => r.d.amount.toString()),
      col((r) => r.d.paid.toString()),
      col((r) => r.d.kept.toString()),
      col((r) => r.d.leftWithDistributor.toString()),
      col((r) => r.d.at),
      col((r) => r.d.stoppedAt),
      col((r) => r.d.txHash),
    ],
  );
};
