import { Inject, Injectable } from '@nestjs/common';
import { sharePoolDecider, streams, type SharePoolCommand, type SharePoolEvent, type SharePoolState } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { requireSharePoolIn } from './share-pool';

export interface AdminCommandInput<R> {
  readonly daoId: string;
  readonly poolId: string;
  readonly actor: string;
  readonly requestId: string;
  readonly idempotency?: IdempotencyScope;
  readonly command: (metadata: { readonly actor: string; readonly now: string }) => SharePoolCommand;
  readonly respond: (state: SharePoolState, events: readonly SharePoolEvent[]) => R;
}

/**
 * A DAO admin's decision on a share pool without a chain effect (codes, rejecting a request, completing a round,
 * soft deletion): one decide-and-append on the pool's stream with the admin as actor.
 */
@Injectable()
export class ShareAdminCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  /** 404 unless the pool is the DAO's. */
  async pool(daoId: string, poolId: string) {
    return requireSharePoolIn(this.store, daoId, poolId);
  }

  async run<R>(input: AdminCommandInput<R>): Promise<R> {
    await requireSharePoolIn(this.store, input.daoId, input.poolId);
    const now = new Date().toISOString();
    const command = input.command({ actor: input.actor, now });
    const { response } = await this.store.handle(
      { sharePool: streams.sharePool.of(input.poolId) },
      ({ sharePool }) => ({ sharePool: sharePoolDecider.decide(command, sharePool) }),
      {
        context: { actor: input.actor, correlationId: input.requestId, occurredAt: now },
        ...(input.idempotency ? { idempotency: input.idempotency } : {}),
        respond: ({ newState, events }) => input.respond(newState.sharePool, events.sharePool ?? []),
      },
    );
    return response;
  }
}
