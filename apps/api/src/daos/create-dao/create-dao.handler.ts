import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams, type DaoEvent, type DaoState } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { toDaoView, type DaoView } from '../dao.view';
import type { CreateDaoRequest } from './create-dao.request.dto';

export class CreateDaoCommand {
  constructor(
    readonly daoId: string,
    readonly body: CreateDaoRequest,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {}
}

const viewOf = (state: DaoState, events: readonly DaoEvent[] = []): DaoView | undefined => {
  const created = events.find((e) => e.type === 'DaoCreated');
  if (!created || state.status === 'Absent') return undefined;
  return toDaoView({
    id: created.data.daoId,
    configuration: created.data.configuration,
    memberCount: created.data.founders.length,
    createdAt: created.data.createdAt,
    createdBy: created.data.createdBy,
  });
};

@CommandHandler(CreateDaoCommand)
export class CreateDaoHandler implements ICommandHandler<CreateDaoCommand, DaoView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, body, actor, requestId, idempotency }: CreateDaoCommand): Promise<DaoView> {
    const now = new Date().toISOString();
    const { minimumDeposit, founders, treasurers, feeCollector, ...rest } = body;
    const command = {
      type: 'CreateDao' as const,
      data: {
        ...rest,
        daoId,
        ...(minimumDeposit === undefined ? {} : { minimumDeposit: BigInt(minimumDeposit) }),
        ...(founders === undefined ? {} : { founders: founders }),
        ...(treasurers === undefined ? {} : { treasurers: treasurers }),
        ...(feeCollector === undefined ? {} : { feeCollector: feeCollector }),
      },
      metadata: { now, actor },
    };
    const result = await this.store.handle({ dao: streams.dao.of(daoId) }, ({ dao }) => ({ dao: daoDecider.decide(command, dao) }), {
      context: { actor, correlationId: requestId, occurredAt: now },
      ...(idempotency ? { idempotency } : {}),
      respond: ({ newState, events }) => viewOf(newState.dao, events.dao),
    });
    return result.response!;
  }
}
