import { Inject, Injectable } from '@nestjs/common';
import { streams, type ExistingProposal } from '@ayllu/domain';
import { withinCut, type LogCut, type PostgresEventStore, type RecordedEvent } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { parseAsOf } from '../shared/as-of';
import { daoNotFound, requireDaoId } from '../../shared/dao-lookup';
import { proposalNotFound, requireProposalId } from '../shared/lookups';
import { decodeProposalState, proposalMapsColumns, proposalMapsOf, type ProposalMapsRow } from '@ayllu/platform';

export interface FoldedProposal {
  readonly state: ExistingProposal;
  readonly events: readonly RecordedEvent[];
}

/** Proposals from the read model, or folded from the log (asOf, or not projected yet). */
@Injectable()
export class ProposalReader {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  /**
   * The DAO's proposals in the order they were submitted, `limit` + 1 of them (so the caller knows whether a page
   * follows) after the proposal `after` (keyset paging: a proposal submitted meanwhile is neither skipped nor
   * shown twice).
   */
  async list(
    daoId: string,
    state: string | undefined,
    asOf: string | undefined,
    page: { readonly limit: number; readonly after: string | null },
  ): Promise<ExistingProposal[]> {
    requireDaoId(daoId);
    if (asOf === undefined) {
      const projected = await this.db.query('SELECT 1 FROM rm_daos WHERE id = $1', [daoId]);
      if (projected.rows.length > 0) {
        const { rows } = await this.db.query<{ fold_state: unknown } & ProposalMapsRow>(
          `SELECT p.fold_state, ${proposalMapsColumns()} FROM rm_proposals p WHERE p.dao_id = $1 AND ($2::text IS NULL OR p.state = $2)
             AND ($3::text IS NULL OR p.submitted_position > (SELECT submitted_position FROM rm_proposals WHERE id = $3 AND dao_id = $1))
           ORDER BY p.submitted_position LIMIT $4`,
          [daoId, state ?? null, page.after, page.limit + 1],
        );
        return rows.map((r) => decodeProposalState(r.fold_state, proposalMapsOf(r)) as ExistingProposal);
      }
    }
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const ids = await this.proposalIdsOf(daoId, cut);
    const folded = await Promise.all(
      ids.slice(page.after === null ? 0 : ids.indexOf(page.after) + 1 || ids.length).map((id) => this.foldOne(id, cut)),
    );
    return folded
      .filter((p): p is FoldedProposal => p !== null && (state === undefined || p.state.status === state))
      .map((p) => p.state)
      .slice(0, page.limit + 1);
  }

  /** One proposal folded from its stream (up to the cut), with the events it was folded from. */
  async get(daoId: string, proposalId: string, asOf: string | undefined): Promise<FoldedProposal> {
    requireDaoId(daoId);
    requireProposalId(proposalId);
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const folded = await this.foldOne(proposalId, cut);
    if (!folded || folded.state.daoId !== daoId) throw proposalNotFound(proposalId);
    return folded;
  }

  private async foldOne(proposalId: string, cut: LogCut | null): Promise<FoldedProposal | null> {
    const { state, events } = await this.store.loadWithEvents(streams.proposal.of(proposalId), { asOf: cut });
    return state.status === 'Absent' ? null : { state, events };
  }

  /** The DAO's proposals in the order they opened, as its own stream records them (404 if no such DAO). */
  private async proposalIdsOf(daoId: string, cut: LogCut | null): Promise<string[]> {
    const events = withinCut(await this.store.readStream(streams.dao.of(daoId).streamId), cut);
    if (events.length === 0) throw daoNotFound(daoId);
    return events.filter((e) => e.type === 'ProposalOpened').map((e) => (e.data as { proposalId: string }).proposalId);
  }
}
