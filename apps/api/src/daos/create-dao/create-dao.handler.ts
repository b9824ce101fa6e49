import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams, type DaoConfigurationInput, type DaoEvent } from '@ayllu/domain';
import type { SelectedNetwork } from '@ayllu/chain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PublicClient } from 'viem';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE, NETWORK } from '../../shared/tokens';
import { TREASURY_CHAIN } from '../../treasury/treasury-chain';
import { toDaoView, type DaoView } from '../dao.view';
import { checkOnChainFields } from './check-on-chain-fields';

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
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(NETWORK) private readonly network: SelectedNetwork | null,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  async execute({ daoId, configuration: input, actor, requestId, idempotency }: CreateDaoCommand): Promise<DaoView> {
    // Checked against the chain before anything is decided, so a refusal appends nothing.
    const configuration = await checkOnChainFields(input, this.network ?? null, this.chain ?? null);
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
