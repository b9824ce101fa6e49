import { randomUUID } from 'node:crypto';
import { roscaDecider, streams, type RoscaCommand } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';

type Data<T extends RoscaCommand['type']> = Extract<RoscaCommand, { type: T }>['data'];

/**
 * Appends a rotating pool's history the way the API and the worker do (the domain's decider through the
 * store's command path), with the domain's `now` and actor chosen by the test. For integration and e2e specs.
 */
export const roscaLog = (store: PostgresEventStore, poolId: string) => ({
  run: async <T extends RoscaCommand['type']>(type: T, data: Data<T>, now: string, actor: string) => {
    const command = { type, data, metadata: { now, actor } } as RoscaCommand;
    const result = await store.handle({ pool: streams.rosca.of(poolId) }, ({ pool }) => ({ pool: roscaDecider.decide(command, pool) }), {
      context: { actor, correlationId: randomUUID(), occurredAt: now },
    });
    return result.events;
  },
});
