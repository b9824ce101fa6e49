import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Address } from 'viem';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { requireTreasury } from '../../treasury/load-treasury';
import type { ClaimView } from '../payouts.view';
import type { ClaimTarget } from '../relayer-claims/payout-claim-row';
import { RelayerClaims } from '../relayer-claims/relayer-claims';

export class ClaimPayoutCommand extends Command<ClaimView> {
  constructor(
    readonly daoId: string,
    /** Checksummed. */
    readonly member: Address,
  ) {
    super();
  }
}

/** The DAO's community pool as a claim's target (404 when the DAO has no contracts). */
export const communityClaimTarget = async (store: PostgresEventStore, daoId: string, member: Address): Promise<ClaimTarget> => {
  const treasury = await requireTreasury(store, daoId);
  return {
    daoId,
    member,
    pool: treasury.contracts.pool,
    sharePoolId: null,
    claimUrl: `/v1/daos/${daoId}/members/${member}/claim`,
    payoutsUrl: `/v1/daos/${daoId}/payouts`,
    notAMember: () => new ProblemException(problem(404, 'PAYOUT.NOT_A_MEMBER', `${member} holds no seat and no units in this DAO's pool`)),
  };
};

/** A claimAll for a member on the DAO's community pool, through the relayer's claims (RelayerClaims). */
@CommandHandler(ClaimPayoutCommand)
export class ClaimPayoutHandler implements ICommandHandler<ClaimPayoutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly claims: RelayerClaims,
  ) {}

  async execute({ daoId, member }: ClaimPayoutCommand): Promise<ClaimView> {
    return this.claims.request(await communityClaimTarget(this.store, daoId, member));
  }
}
