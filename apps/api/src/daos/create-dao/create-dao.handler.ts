import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams, type DaoConfigurationInput, type DaoEvent } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { toDaoView, type DaoView } from '../dao.view';

export class CreateDaoCommand extends Command<DaoView> {
  constructor(
    readonly daoId: string,
    readonly configuration: DaoConfigurationInput,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/** The DAO as its creation event states it (the read model catches up later). */
const viewOf = (events: readonly DaoEvent[] = []): DaoView => {
  const created = events.find((e) => e.type === 'DaoCreated');
  if (!created) throw new Error('a DAO was created without a DaoCreated event');
  return toDaoView({
    id: created.data.daoId,
    configuration: created.data.configuration,
    memberCount: created.data.founders.length,
    createdAt: created.data.createdAt,
    createdBy: created.data.createdBy,
  });
};

@CommandHandler(CreateDaoCommand)
export class CreateDaoHandler implements ICommandHandler<CreateDaoCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, configuration, actor, requestId, idempotency }: CreateDaoCommand): Promise<DaoView> {
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { dao: streams.dao.of(daoId) },
      ({ dao }) => ({ dao: daoDecider.decide({ type: 'CreateDao', data: { ...configuration, daoId }, metadata: { now, actor } }, dao) }),
      {
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
        respond: ({ events }) => viewOf(events.dao),
      },
    );
    return response;
  }
}
