import { isRoscaEvent, mapEvent, outboxId, roscaPoolInfo, type ProposalInfo, type RoscaInfoCache } from '@ayllu/notifications';
import { PostgresEventStore, START, type Checkpoint } from '@ayllu/event-store';
import type { Pool } from 'pg';

/**
 * The outbox rows the log calls for (every mapped notification of every event, for every endpoint that
 * was subscribed when it happened), next to the rows the worker wrote. Equal means none lost, none doubled.
 */
export const outboxAgainstLog = async (pool: Pool): Promise<{ missing: string[]; unexpected: string[]; expected: number }> => {
  const store = new PostgresEventStore(pool);
  const endpoints = (
    await pool.query<{ id: string; dao_id: string; event_types: string[] | null; created_at: Date }>(
      `SELECT id, dao_id, event_types, created_at FROM webhook_endpoints WHERE status IN ('active', 'paused')`,
    )
  ).rows;
  const proposals = new Map<string, ProposalInfo>();
  const expected = new Set<string>();
  const pools: RoscaInfoCache = new Map();
  let after: Checkpoint = START;
  for (;;) {
    const events = await store.readAll(after, 1000);
    if (events.length === 0) break;
    for (const event of events) {
      const data = (event.data ?? {}) as Record<string, unknown>;
      if (event.type === 'ProposalSubmitted' && typeof data.proposalId === 'string' && typeof data.daoId === 'string') {
        proposals.set(data.proposalId, {
          daoId: data.daoId,
          type: typeof data.type === 'string' ? data.type : '',
          description: typeof data.description === 'string' ? data.description : '',
        });
      }
      const info = typeof data.proposalId === 'string' ? (proposals.get(data.proposalId) ?? null) : null;
      const mapped = isRoscaEvent(event) ? mapEvent(event, null, [], await roscaPoolInfo(pool, event, pools)) : mapEvent(event, info);
      for (const n of mapped) {
        for (const e of endpoints) {
          if (e.dao_id !== n.daoId || (e.event_types !== null && !e.event_types.includes(n.type))) continue;
          if (e.created_at.getTime() > event.recordedAt.getTime()) continue;
          expected.add(outboxId(e.id, event.metadata.eventId, n));
        }
      }
    }
    const last = events.at(-1)!;
    after = { transactionId: last.transactionId, position: last.position };
  }
  const actual = new Set((await pool.query<{ id: string }>('SELECT id FROM notifications')).rows.map((r) => r.id));
  return {
    missing: [...expected].filter((id) => !actual.has(id)),
    unexpected: [...actual].filter((id) => !expected.has(id)),
    expected: expected.size,
  };
};
