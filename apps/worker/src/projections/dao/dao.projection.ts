import { streams, daoDecider, type ActiveDao, type DaoEvent, type Member } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import { processor } from '../../processing/processor';
import { toPlainJson } from '../plain-json';
import { loadDaoStates, updateDaos, upsertMembers, type ChangedMember, type DaoTouch } from './dao-rows';

/**
 * The DAO list and detail read model (`rm_daos`) and the members of each DAO (`rm_members`): status,
 * balances, weight and why. Each batch loads the touched DAOs once, runs the domain's `evolve` over their
 * events in memory (so the read model can never disagree with the rules), and writes every changed row
 * back with one statement per table.
 */
export const daoProjection = processor({
  name: 'dao',
  tables: ['rm_daos', 'rm_members'],
  canHandle: streams.dao.eventTypes,
  async handle(tx, events) {
    const daoEvents = events.filter((e) => streams.dao.parse(e.streamId) !== null);
    if (daoEvents.length === 0) return;
    const ids = [...new Set(daoEvents.map((e) => streams.dao.parse(e.streamId)!))];
    const states = await loadDaoStates(tx, ids);
    const changed = new Map<string, ChangedMember>();
    const touched = new Map<string, DaoTouch>();
    for (const event of daoEvents) {
      const daoId = streams.dao.parse(event.streamId)!;
      const before = states.get(daoId);
      if (!before && event.type !== 'DaoCreated') continue;
      const after = daoDecider.evolve(before ?? daoDecider.initialState(), event);
      if (after.status !== 'Active') continue;
      if (!before) await insertDao(tx, after, event);
      states.set(daoId, after);
      for (const member of changedMembers(before, after, event))
        changed.set(`${daoId}:${member.address}`, {
          daoId,
          member,
          votingType: after.configuration.votingType,
          updatedAt: event.recordedAt,
        });
      touched.set(daoId, { dao: after, version: event.version, position: event.position, updatedAt: event.recordedAt });
    }
    await upsertMembers(tx, [...changed.values()]);
    await updateDaos(tx, [...touched.values()]);
  },
});

/**
 * Members an event changed. The domain replaces a member's object when it changes it, so identity tells;
 * a full scan is needed only when an event names no member but rewrote the map (a reweigh, a settled
 * removal vote), which is rare.
 */
const changedMembers = (before: ActiveDao | undefined, after: ActiveDao, event: DaoEvent): Member[] => {
  if (before && before.members === after.members) return [];
  const named = 'member' in event.data ? event.data.member : event.type === 'ProposalOpened' ? event.data.subject : null;
  if (before && named) {
    const member = after.members.get(named);
    return member && member !== before.members.get(named) ? [member] : [];
  }
  return [...after.members.values()].filter((m) => m !== before?.members.get(m.address));
};

const insertDao = async (tx: PoolClient, dao: ActiveDao, event: RecordedEvent): Promise<void> => {
  const { configuration } = dao;
  await tx.query(
    `INSERT INTO rm_daos (id, name, description, configuration, member_count, created_at, created_by, updated_at, version, last_position)
     VALUES ($1, $2, $3, $4, 0, $5, $6, $5, $7, $8)
     ON CONFLICT (id) DO NOTHING`,
    [
      dao.daoId,
      configuration.name,
      configuration.description,
      JSON.stringify(toPlainJson(configuration)),
      dao.createdAt,
      dao.createdBy,
      event.version,
      event.position.toString(),
    ],
  );
};
