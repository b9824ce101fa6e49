import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { roscaDecider, streams, type RotatingPoolConfigurationInput } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { requireDao } from '../../shared/dao-lookup';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { roscaProblems } from '../shared/rosca-problems';
import { toRotatingPoolCreatedView, type RotatingPoolCreatedView } from './rotating-pool-created.view';

export class CreateRotatingPoolCommand extends Command<RotatingPoolCreatedView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    /** The body's parameters; the DAO and its Safe are added here. */
    readonly configuration: RotatingPoolConfigurationInput,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/**
 * The pool's organiser is the DAO's Safe, so a pool is created only once the DAO's contracts are deployed
 * (409 before); the domain validates the whole configuration (422 naming each field).
 */
@CommandHandler(CreateRotatingPoolCommand)
export class CreateRotatingPoolHandler implements ICommandHandler<CreateRotatingPoolCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({
    daoId,
    poolId,
    configuration,
    actor,
    requestId,
    idempotency,
  }: CreateRotatingPoolCommand): Promise<RotatingPoolCreatedView> {
    await requireDao(this.store, daoId);
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { treasury: streams.treasury.of(daoId), rosca: streams.rosca.of(poolId) },
      ({ treasury, rosca }) => {
        if (treasury.status !== 'Deployed') throw roscaProblems.daoContractsNotDeployed(daoId);
        const data = { ...configuration, poolId, daoId, organiser: treasury.contracts.safe };
        return { rosca: roscaDecider.decide({ type: 'CreateRotatingPool', data, metadata: { now, actor } }, rosca) };
      },
      {
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
        respond: ({ newState }) => {
          if (newState.rosca.status === 'ABSENT') throw new Error('a rotating pool was created without its creation event');
          return toRotatingPoolCreatedView(poolId, newState.rosca.configuration);
        },
      },
    );
    return response;
  }
}
