import { Inject, Injectable } from '@nestjs/common';
import { streams, type ActiveDao, type Member } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { parseAsOf } from '../shared/as-of';
import { daoNotFound, requireDaoId } from '../../shared/dao-lookup';
import { MEMBER_COLUMNS, memberViewFromRow, memberViewOf, type MemberRow, type MemberView } from './member.view';

/**
 * Members from the read model, or folded from the log: for `asOf`, and for a DAO the worker has not
 * projected yet (so a client reads its own write).
 */
@Injectable()
export class MemberReader {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  async list(daoId: string, asOf: string | undefined, address?: string): Promise<MemberView[]> {
    requireDaoId(daoId);
    if (asOf === undefined) {
      const projected = await this.db.query<{ id: string }>('SELECT id FROM rm_daos WHERE id = $1', [daoId]);
      if (projected.rows.length > 0) {
        const { rows } = await this.db.query<MemberRow>(
          `SELECT ${MEMBER_COLUMNS} FROM rm_members WHERE dao_id = $1 AND ($2::text IS NULL OR address = $2) ORDER BY joined_at NULLS LAST, address COLLATE "C"`,
          [daoId, address ?? null],
        );
        return rows.map(memberViewFromRow);
      }
    }
    const dao = await this.fold(daoId, asOf);
    return [...dao.members.values()]
      .filter((m) => address === undefined || m.address === address)
      .sort(byJoinedThenAddress)
      .map((m) => memberViewOf(m, dao.configuration.votingType));
  }

  /** The DAO's domain state as of a cut (or now); 404 when it did not exist then. */
  async fold(daoId: string, asOf: string | undefined): Promise<ActiveDao> {
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const { state } = await this.store.load(streams.dao.of(daoId), { asOf: cut });
    if (state.status !== 'Active') throw daoNotFound(daoId);
    return state;
  }
}

const NEVER = '\uffff';
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** The read model's order (joined_at NULLS LAST, address in byte order), so both paths list alike. */
const byJoinedThenAddress = (a: Member, b: Member): number =>
  compare(a.joinedAt ?? NEVER, b.joinedAt ?? NEVER) || compare(a.address, b.address);
