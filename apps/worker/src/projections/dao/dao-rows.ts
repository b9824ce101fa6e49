import type { ActiveDao, Address, DaoConfiguration, Member, MemberStatus } from '@ayllu/domain';
import { emptyAdminRoster } from '@ayllu/domain';
import type { PoolClient } from 'pg';
import { toPlainJson } from '../plain-json';
import { isSeated, weightReason } from './weight-reason';

/** rm_daos.configuration: the configuration through toPlainJson, so its one bigint is a decimal string. */
type StoredConfiguration = Omit<DaoConfiguration, 'minimumDeposit'> & { readonly minimumDeposit?: string };

interface DaoRow {
  id: string;
  configuration: StoredConfiguration;
  created_at: Date;
  created_by: string;
}

interface MemberRow {
  dao_id: string;
  address: string;
  status: MemberStatus;
  total_deposited: string;
  current_balance: string;
  accrued_yield: string;
  voting_weight: string;
  joined_at: Date | null;
  admitted: boolean;
  units: string | null;
  pending_removal: string | null;
}

/** The stored configuration holds amounts as decimal strings; the domain wants bigint back. */
const configurationFrom = (stored: StoredConfiguration): DaoConfiguration => ({
  ...stored,
  minimumDeposit: BigInt(stored.minimumDeposit ?? '0'),
});

const memberFrom = (row: MemberRow): Member => ({
  address: row.address as Address,
  status: row.status,
  totalDeposited: BigInt(row.total_deposited),
  currentBalance: BigInt(row.current_balance),
  accruedYield: BigInt(row.accrued_yield),
  joinedAt: row.joined_at ? row.joined_at.toISOString() : null,
  weight: BigInt(row.voting_weight),
  admitted: row.admitted,
  units: row.units === null ? null : BigInt(row.units),
  pendingRemoval: row.pending_removal,
  // Only the decider's expiry check reads it, never a projection.
  requestedAt: null,
});

/**
 * The part of each DAO's domain state its read model holds (configuration and members), rebuilt from the
 * rows so the batch can run the domain's own `evolveDao` over it. Withdrawals, exits and chain keys are
 * left empty: no member field depends on them when evolving.
 */
export const loadDaoStates = async (tx: PoolClient, daoIds: readonly string[]): Promise<Map<string, ActiveDao>> => {
  const states = new Map<string, ActiveDao>();
  if (daoIds.length === 0) return states;
  const daos = await tx.query<DaoRow>('SELECT id, configuration, created_at, created_by FROM rm_daos WHERE id = ANY($1)', [daoIds]);
  const members = await tx.query<MemberRow>('SELECT * FROM rm_members WHERE dao_id = ANY($1)', [daoIds]);
  for (const row of daos.rows) {
    states.set(row.id, {
      status: 'Active',
      daoId: row.id,
      configuration: configurationFrom(row.configuration),
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      members: new Map(),
      withdrawals: new Map(),
      emergencyExits: new Map(),
      activeProposals: new Set(),
      chainEvents: new Map(),
      admins: emptyAdminRoster(),
    });
  }
  for (const row of members.rows) {
    const dao = states.get(row.dao_id);
    if (dao) (dao.members as Map<string, Member>).set(row.address, memberFrom(row));
  }
  return states;
};

export interface ChangedMember {
  readonly daoId: string;
  readonly member: Member;
  readonly votingType: DaoConfiguration['votingType'];
  readonly updatedAt: Date;
}

/** One statement for every member a batch changed. */
export const upsertMembers = async (tx: PoolClient, changed: readonly ChangedMember[]): Promise<void> => {
  if (changed.length === 0) return;
  const col = <T>(f: (c: ChangedMember) => T) => changed.map(f);
  await tx.query(
    `INSERT INTO rm_members (dao_id, address, status, total_deposited, current_balance, accrued_yield, voting_weight,
                             joined_at, updated_at, weight_reason, admitted, units, pending_removal)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[],
                          $8::timestamptz[], $9::timestamptz[], $10::text[], $11::boolean[], $12::numeric[], $13::text[])
     ON CONFLICT (dao_id, address) DO UPDATE SET
       status = EXCLUDED.status, total_deposited = EXCLUDED.total_deposited, current_balance = EXCLUDED.current_balance,
       accrued_yield = EXCLUDED.accrued_yield, voting_weight = EXCLUDED.voting_weight, joined_at = EXCLUDED.joined_at,
       updated_at = EXCLUDED.updated_at, weight_reason = EXCLUDED.weight_reason, admitted = EXCLUDED.admitted,
       units = EXCLUDED.units, pending_removal = EXCLUDED.pending_removal`,
    [
      col((c) => c.daoId),
      col((c) => c.member.address),
      col((c) => c.member.status),
      col((c) => c.member.totalDeposited.toString()),
      col((c) => c.member.currentBalance.toString()),
      col((c) => c.member.accruedYield.toString()),
      col((c) => c.member.weight.toString()),
      col((c) => c.member.joinedAt),
      col((c) => c.updatedAt.toISOString()),
      col((c) => weightReason(c.member, c.votingType)),
      col((c) => c.member.admitted),
      col((c) => (c.member.units === null ? null : c.member.units.toString())),
      col((c) => c.member.pendingRemoval),
    ],
  );
};

export interface DaoTouch {
  readonly dao: ActiveDao;
  readonly version: number;
  readonly position: bigint;
  readonly updatedAt: Date;
}

/** Configuration, member count and log position of every DAO the batch touched, in one statement. */
export const updateDaos = async (tx: PoolClient, touched: readonly DaoTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  await tx.query(
    `UPDATE rm_daos d SET configuration = u.configuration, name = u.configuration->>'name',
       description = u.configuration->>'description', member_count = u.member_count, updated_at = u.updated_at,
       version = u.version, last_position = u.last_position
     FROM unnest($1::text[], $2::jsonb[], $3::int[], $4::timestamptz[], $5::int[], $6::bigint[])
       AS u(id, configuration, member_count, updated_at, version, last_position)
     WHERE d.id = u.id`,
    [
      touched.map((t) => t.dao.daoId),
      touched.map((t) => JSON.stringify(toPlainJson(t.dao.configuration))),
      touched.map((t) => [...t.dao.members.values()].filter(isSeated).length),
      touched.map((t) => t.updatedAt.toISOString()),
      touched.map((t) => t.version),
      touched.map((t) => t.position.toString()),
    ],
  );
};
