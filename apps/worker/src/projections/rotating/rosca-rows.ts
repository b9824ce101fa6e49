import { roscaTotals, roundEntries, storeRoscaHistory, type ContributionEntry, type RoscaHistory, type RoscaState } from '@ayllu/domain';
import { encodeJson } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import { toPlainJson } from '../plain-json';

export type ExistingRosca = Exclude<RoscaState, { status: 'ABSENT' }>;

export interface PoolTouch {
  readonly history: RoscaHistory & { readonly state: ExistingRosca };
  readonly createdPosition: bigint;
  readonly version: number;
  readonly position: bigint;
  readonly updatedAt: Date;
}

const running = (state: ExistingRosca) => (state.status === 'FORMING' ? null : state);

/** Every pool the batch touched, in one statement (the dashboard sums come from the domain's history). */
export const upsertPools = async (tx: PoolClient, touched: readonly PoolTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  const col = <T>(f: (t: PoolTouch) => T) => touched.map(f);
  const totals = touched.map((t) => roscaTotals(t.history));
  await tx.query(
    `INSERT INTO rm_rosca_pools (pool_id, dao_id, status, rotation_method, contract_address, configuration, member_count, rounds,
                                 current_round, first_due_at, created_at, created_position, total_volume, yield_earned, fees, held,
                                 fold_state, version, position, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::int[], $9::int[],
                          $10::timestamptz[], $11::timestamptz[], $12::bigint[], $13::numeric[], $14::numeric[], $15::numeric[],
                          $16::numeric[], $17::jsonb[], $18::int[], $19::bigint[], $20::timestamptz[])
     ON CONFLICT (pool_id) DO UPDATE SET
       status = EXCLUDED.status, contract_address = EXCLUDED.contract_address, member_count = EXCLUDED.member_count,
       rounds = EXCLUDED.rounds, current_round = EXCLUDED.current_round, first_due_at = EXCLUDED.first_due_at,
       total_volume = EXCLUDED.total_volume, yield_earned = EXCLUDED.yield_earned, fees = EXCLUDED.fees, held = EXCLUDED.held,
       fold_state = EXCLUDED.fold_state, version = EXCLUDED.version, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
    [
      col((t) => t.history.state.poolId),
      col((t) => t.history.state.configuration.daoId),
      col((t) => t.history.state.status),
      col((t) => t.history.state.configuration.rotationMethod),
      col((t) => t.history.state.contract),
      col((t) => JSON.stringify(toPlainJson(t.history.state.configuration))),
      col((t) => t.history.state.members.size),
      col((t) => running(t.history.state)?.rounds ?? null),
      col((t) => {
        const s = running(t.history.state);
        return s === null ? null : Math.min(s.round.index, s.rounds - 1);
      }),
      col((t) => running(t.history.state)?.firstDueAt ?? null),
      col((t) => t.history.createdAt),
      col((t) => t.createdPosition.toString()),
      totals.map((x) => x.totalVolume.toString()),
      totals.map((x) => x.yieldEarned.toString()),
      totals.map((x) => x.fees.toString()),
      totals.map((x) => x.held.toString()),
      col((t) => encodeJson(storeRoscaHistory(t.history))),
      col((t) => t.version),
      col((t) => t.position.toString()),
      col((t) => t.updatedAt.toISOString()),
    ],
  );
};

/** Every member of every touched pool (at most 50 a pool), in one statement. */
export const upsertMembers = async (tx: PoolClient, touched: readonly PoolTouch[]): Promise<void> => {
  const rows = touched.flatMap((t) => [...t.history.state.members.values()].map((m) => ({ t, m })));
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await tx.query(
    `INSERT INTO rm_rosca_members (pool_id, member, dao_id, joined_at, collateral, held_back, contributed, received_round, strikes, departed)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::numeric[], $6::numeric[], $7::numeric[],
                          $8::int[], $9::int[], $10::text[])
     ON CONFLICT (pool_id, member) DO UPDATE SET
       collateral = EXCLUDED.collateral, held_back = EXCLUDED.held_back, contributed = EXCLUDED.contributed,
       received_round = EXCLUDED.received_round, strikes = EXCLUDED.strikes, departed = EXCLUDED.departed`,
    [
      col((r) => r.t.history.state.poolId),
      col((r) => r.m.address),
      col((r) => r.t.history.state.configuration.daoId),
      col((r) => r.m.joinedAt),
      col((r) => r.m.collateral.toString()),
      col((r) => r.m.heldBack.toString()),
      col((r) => r.m.contributed.toString()),
      col((r) => r.m.receivedRound),
      col((r) => r.m.strikes),
      col((r) => r.m.departed),
    ],
  );
};

export interface ContributionRow {
  readonly poolId: string;
  readonly entry: ContributionEntry;
}

export const upsertContributions = async (tx: PoolClient, rows: readonly ContributionRow[]): Promise<void> => {
  if (rows.length === 0) return;
  const col = <T>(f: (r: ContributionRow) => T) => rows.map(f);
  await tx.query(
    `INSERT INTO rm_rosca_contributions (pool_id, round, member, status, amount, penalty, timing, paid_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::text[], $8::timestamptz[])
     ON CONFLICT (pool_id, round, member) DO UPDATE SET
       status = EXCLUDED.status, amount = EXCLUDED.amount, penalty = EXCLUDED.penalty, timing = EXCLUDED.timing, paid_at = EXCLUDED.paid_at`,
    [
      col((r) => r.poolId),
      col((r) => r.entry.round),
      col((r) => r.entry.member),
      col((r) => r.entry.status),
      col((r) => r.entry.amount.toString()),
      col((r) => r.entry.penalty.toString()),
      col((r) => r.entry.timing),
      col((r) => r.entry.paidAt),
    ],
  );
};

/** The whole schedule of every touched pool (at most 50 rounds a pool): planned rounds change when a member leaves. */
export const upsertRounds = async (tx: PoolClient, touched: readonly PoolTouch[]): Promise<void> => {
  const rows = touched.flatMap((t) => roundEntries(t.history).map((r) => ({ poolId: t.history.state.poolId, r })));
  if (rows.length === 0) return;
  const col = <T>(f: (x: (typeof rows)[number]) => T) => rows.map(f);
  const num = (n: bigint | null) => (n === null ? null : n.toString());
  await tx.query(
    `INSERT INTO rm_rosca_rounds (pool_id, round, kind, recipient, due_at, settled_at, gross, fee, paid, discount_bps, yield_earned, tx_hash)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::numeric[],
                          $8::numeric[], $9::numeric[], $10::int[], $11::numeric[], $12::text[])
     ON CONFLICT (pool_id, round) DO UPDATE SET
       kind = EXCLUDED.kind, recipient = EXCLUDED.recipient, due_at = EXCLUDED.due_at, settled_at = EXCLUDED.settled_at,
       gross = EXCLUDED.gross, fee = EXCLUDED.fee, paid = EXCLUDED.paid, discount_bps = EXCLUDED.discount_bps,
       yield_earned = EXCLUDED.yield_earned, tx_hash = EXCLUDED.tx_hash`,
    [
      col((x) => x.poolId),
      col((x) => x.r.round),
      col((x) => x.r.kind),
      col((x) => x.r.recipient),
      col((x) => x.r.dueAt),
      col((x) => x.r.settledAt),
      col((x) => num(x.r.gross)),
      col((x) => num(x.r.fee)),
      col((x) => num(x.r.paid)),
      col((x) => x.r.discountBps),
      col((x) => num(x.r.yieldEarned)),
      col((x) => x.r.txHash),
    ],
  );
};
