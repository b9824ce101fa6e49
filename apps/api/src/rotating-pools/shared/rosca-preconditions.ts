import { Inject, Injectable, Optional } from '@nestjs/common';
import { collateralFor, latePenalty, streams, type Address } from '@ayllu/domain';
import type { SelectedNetwork } from '@ayllu/chain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { PublicClient } from 'viem';
import { EVENT_STORE, NETWORK, PG_POOL } from '../../shared/tokens';
import { TREASURY_CHAIN } from '../../treasury/treasury-chain';
import type { ExistingPool } from './rosca-pool';
import { roscaProblems } from './rosca-problems';
import { requireFunds } from './rosca-funds';

/**
 * What the API checks before a member's request reaches the pool's decider: facts the decider cannot see
 * (the DAO's membership, the read model of expelled members, the chain). A refusal here records nothing.
 */
@Injectable()
export class RoscaPreconditions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly db: Pool,
    @Optional() @Inject(NETWORK) private readonly network: SelectedNetwork | null = null,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null = null,
  ) {}

  /** Only the DAO's ACTIVE members join its rotating pools. */
  async requireActiveDaoMember(daoId: string, member: Address): Promise<void> {
    const { state } = await this.store.load(streams.dao.of(daoId));
    if (state.status !== 'Active' || state.members.get(member)?.status !== 'ACTIVE') throw roscaProblems.notDaoMember(daoId, member);
  }

  /**
   * Whether the member was expelled from one of the DAO's rotating pools, from the read model
   * `rm_rosca_members`. Before that table exists (its migration not run yet) nobody reads as banned.
   */
  async isBanned(daoId: string, member: Address): Promise<boolean> {
    const present = await this.db.query<{ present: boolean }>(`SELECT to_regclass('rm_rosca_members') IS NOT NULL AS present`);
    if (!present.rows[0]?.present) return false;
    const banned = await this.db.query(
      `SELECT 1 FROM rm_rosca_members WHERE dao_id = $1 AND member = $2 AND departed = 'expelled' LIMIT 1`,
      [daoId, member],
    );
    return (banned.rowCount ?? 0) > 0;
  }

  /** The pool's contract pulls collateral on a join: it must be deployed, and the member must cover it. */
  async requireJoinable(pool: ExistingPool, member: Address): Promise<void> {
    if (pool.contract === null) throw roscaProblems.notDeployed(pool.poolId);
    if (pool.members.has(member) || pool.pendingJoins.has(member)) return; // the decider says why not
    await this.requireCovered(pool, member, collateralFor(pool.configuration));
  }

  /** An early payment is pulled at once: the contribution and the late penalty as of now. */
  async requirePayable(pool: ExistingPool, member: Address, round: number, now: string): Promise<void> {
    // Not the open round, nothing owed, or the pool not running: the decider says why not.
    if (pool.status !== 'ACTIVE' || pool.round.index !== round || pool.round.contributions.get(member) !== 'PENDING') return;
    if (pool.contract === null) throw roscaProblems.notDeployed(pool.poolId);
    const { configuration } = pool;
    await this.requireCovered(pool, member, configuration.contributionAmount + latePenalty(configuration, pool.round.dueAt, now));
  }

  /** Skipped without a chain (the worker's pull is then the only check) or when the DAO's token is unknown. */
  private async requireCovered(pool: ExistingPool, member: Address, amount: bigint): Promise<void> {
    if (!this.chain || pool.contract === null || amount === 0n) return;
    const token = await this.tokenOf(pool.configuration.daoId);
    if (!token) return;
    await requireFunds(this.chain, { token, owner: member, spender: pool.contract, amount });
  }

  /** The pool holds the DAO's token: its configured asset, else the network's first token (as the vault does). */
  private async tokenOf(daoId: string): Promise<Address | null> {
    const { state } = await this.store.load(streams.dao.of(daoId));
    if (state.status !== 'Active') return null;
    return state.configuration.asset ?? this.network?.profile.tokens[0]?.address ?? null;
  }
}
