import { Inject, Injectable } from '@nestjs/common';
import { streams, type ActiveDao } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { parseAsOf } from '../shared/as-of';
import { daoNotFound, requireDaoId } from '../../shared/dao-lookup';
import { encodeMemberCursor, type MemberCursor } from './member-cursor';
import { MEMBER_COLUMNS, memberViewFromRow, memberViewOf, type MemberRow, type MemberView } from './member.view';

export interface MemberPageRequest {
  readonly limit: number;
  readonly after: MemberCursor | null;
}

export interface MemberPageResult {
  readonly items: MemberView[];
  readonly nextCursor: string | null;
}

const pageOf = (views: MemberView[], limit: number): MemberPageResult => {
  const items = views.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: views.length > limit && last ? encodeMemberCursor({ joinedAt: last.joinedAt, address: last.address }) : null,
  };
};

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

  /**
   * One page of the DAO's members in the list's order (joinedAt, never-joined last, then address), after the
   * cursor's member: keyset paging, so a page costs the same however far in, and a member who joins meanwhile
   * is neither skipped nor shown twice.
   */
  async page(daoId: string, asOf: string | undefined, page: MemberPageRequest): Promise<MemberPageResult> {
    requireDaoId(daoId);
    const { limit, after } = page;
    if (asOf === undefined) {
      const projected = await this.db.query<{ id: string }>('SELECT id FROM rm_daos WHERE id = $1', [daoId]);
      if (projected.rows.length > 0) {
        const { rows } = await this.db.query<MemberRow>(
          `SELECT ${MEMBER_COLUMNS} FROM rm_members WHERE dao_id = $1
             AND (
               $2::boolean IS NOT TRUE
               OR ($3::timestamptz IS NOT NULL
                   AND (joined_at > $3 OR (joined_at = $3 AND address COLLATE "C" > $4) OR joined_at IS NULL))
               OR ($3::timestamptz IS NULL AND joined_at IS NULL AND address COLLATE "C" > $4)
             )
           ORDER BY joined_at NULLS LAST, address COLLATE "C" LIMIT $5`,
          [daoId, after !== null, after?.joinedAt ?? null, after?.address ?? null, limit + 1],
        );
        return pageOf(rows.map(memberViewFromRow), limit);
      }
    }
    const dao = await this.fold(daoId, asOf);
    const sorted = [...dao.members.values()].sort(byJoinedThenAddress);
    const start = after === null ? 0 : sorted.findIndex((m) => byJoinedThenAddress(m, after) > 0);
    const rest = start < 0 ? [] : sorted.slice(start, start + limit + 1);
    return pageOf(
      rest.map((m) => memberViewOf(m, dao.configuration.votingType)),
      limit,
    );
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
type Sortable = { readonly joinedAt: string | null; readonly address: string };
const byJoinedThenAddress = (a: Sortable, b: Sortable): number =>
  compare(a.joinedAt ?? NEVER, b.joinedAt ?? NEVER) || compare(a.address, b.address);
