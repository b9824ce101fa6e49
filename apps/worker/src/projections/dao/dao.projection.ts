import type { DaoEvent } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import { toPlainJson, type Projection } from '../projection';

/** The DAO list and detail read model (`rm_daos`) and the members of each DAO (`rm_members`). */
export const daoProjection: Projection = {
  name: 'dao',
  tables: ['rm_daos', 'rm_members'],
  async apply(tx, events) {
    for (const event of events) {
      if (event.streamId.startsWith('dao-')) await applyDaoEvent(tx, event as RecordedEvent<DaoEvent['type'], DaoEvent['data']>);
    }
  },
};

const applyDaoEvent = async (tx: PoolClient, event: RecordedEvent<DaoEvent['type'], DaoEvent['data']>): Promise<void> => {
  const e = { type: event.type, data: event.data } as DaoEvent;
  switch (e.type) {
    case 'DaoCreated': {
      const { configuration, founders } = e.data;
      await tx.query(
        `INSERT INTO rm_daos (id, name, description, configuration, member_count, created_at, created_by, updated_at, version, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, $9)
         ON CONFLICT (id) DO NOTHING`,
        [
          e.data.daoId,
          configuration.name,
          configuration.description,
          JSON.stringify(toPlainJson(configuration)),
          founders.length,
          e.data.createdAt,
          e.data.createdBy,
          event.version,
          event.position.toString(),
        ],
      );
      const weight = configuration.votingType === 'democratic' ? 1 : 0;
      await tx.query(
        `INSERT INTO rm_members (dao_id, address, status, voting_weight, joined_at, updated_at)
         SELECT $1, address, 'ACTIVE', $3, $4, $4 FROM unnest($2::text[]) AS address
         ON CONFLICT DO NOTHING`,
        [e.data.daoId, founders, weight, e.data.createdAt],
      );
      return;
    }
    default:
      // Events this read model does not show yet; the projection still moves past them.
      return;
  }
};
