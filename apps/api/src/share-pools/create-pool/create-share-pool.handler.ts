import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sharePoolDecider, streams, type SharePoolConfigurationInput } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { requireDao } from '../../shared/dao-lookup';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { shareProblems } from '../shared/share-problems';
import { toSharePoolCreatedView, type SharePoolCreatedView } from './share-pool-created.view';

export class CreateSharePoolCommand extends Command<SharePoolCreatedView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    /** The body's metadata; the DAO, its Safe (the creator) and the default distribution token are added here. */
    readonly configuration: SharePoolConfigurationInput,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/**
 * The pool's creator is the DAO's Safe, so a pool is created once the DAO's contracts are deployed (409 before);
 * distributions default to the DAO's payout super token. The domain validates the whole configuration (422).
 */
@CommandHandler(CreateSharePoolCommand)
export class CreateSharePoolHandler implements ICommandHandler<CreateSharePoolCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, poolId, configuration, actor, requestId, idempotency }: CreateSharePoolCommand): Promise<SharePoolCreatedView> {
    await requireDao(this.store, daoId);
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { treasury: streams.treasury.of(daoId), sharePool: streams.sharePool.of(poolId) },
      ({ treasury, sharePool }) => {
        if (treasury.status !== 'Deployed') throw shareProblems.daoContractsNotDeployed(daoId);
        const data = {
          ...configuration,
          distributionToken: configuration.distributionToken ?? treasury.contracts.payoutToken,
          poolId,
          daoId,
          creator: treasury.contracts.safe,
        };
        return { sharePool: sharePoolDecider.decide({ type: 'CreateSharePool', data, metadata: { now, actor } }, sharePool) };
      },
      {
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
        respond: ({ newState }) => {
          if (newState.sharePool.status === 'ABSENT') throw new Error('a share pool was created without its creation event');
          return toSharePoolCreatedView(poolId, newState.sharePool.configuration);
        },
      },
    );
    return response;
  }
}
