import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sharesOf, type Address, type ExistingSharePool } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { ClaimView } from '../../payouts/payouts.view';
import type { ClaimTarget } from '../../payouts/relayer-claims/payout-claim-row';
import { RelayerClaims } from '../../payouts/relayer-claims/relayer-claims';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { requireSharePoolIn } from '../shared/share-pool';
import { shareProblems } from '../shared/share-problems';

export class ClaimSharePayoutCommand extends Command<ClaimView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    /** Checksummed. */
    readonly holder: Address,
  ) {
    super();
  }
}

const notAHolder = (poolId: string, holder: Address) =>
  new ProblemException(problem(404, 'SHARE_POOL.NOT_A_HOLDER', `${holder} holds no shares in share pool ${poolId}`));

/** A share pool's GDA pool as a claim's target; null while the pool's contract (and so its GDA pool) is not deployed. */
export const shareClaimTarget = (daoId: string, pool: ExistingSharePool, holder: Address): ClaimTarget | null =>
  pool.gdaPool === null
    ? null
    : {
        daoId,
        member: holder,
        pool: pool.gdaPool,
        sharePoolId: pool.poolId,
        claimUrl: `/v1/daos/${daoId}/share-pools/${pool.poolId}/holders/${holder}/claim`,
        payoutsUrl: `/v1/daos/${daoId}/share-pools/${pool.poolId}`,
        notAMember: () => notAHolder(pool.poolId, holder),
      };

/**
 * A claimAll for a share holder on the pool's own GDA pool, through the relayer's claims (RelayerClaims, the
 * community pools' mechanism): 404 unless the pool is the DAO's, 409 while the pool's contract is not deployed, 404
 * unless the holder holds shares in it (the log); the cooldown, connection and minimum are RelayerClaims' checks.
 */
@CommandHandler(ClaimSharePayoutCommand)
export class ClaimSharePayoutHandler implements ICommandHandler<ClaimSharePayoutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly claims: RelayerClaims,
  ) {}

  async execute({ daoId, poolId, holder }: ClaimSharePayoutCommand): Promise<ClaimView> {
    const pool = await requireSharePoolIn(this.store, daoId, poolId);
    const target = shareClaimTarget(daoId, pool, holder);
    // Before its contract exists, nobody holds anything on chain: the pool is not ready, whoever asks.
    if (target === null) throw shareProblems.notDeployed(poolId);
    if (sharesOf(pool, holder) === 0) throw notAHolder(poolId, holder);
    return this.claims.request(target);
  }
}
