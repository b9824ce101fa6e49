import { streams, reminderDueAt } from '@ayllu/domain';
import type PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import { processor } from '../processing/processor';
import type { Clock } from './proposal-job-handlers';
import { PROPOSAL_QUEUES, singletonKey, type ProposalJobData, type ProposalJobKind } from './proposal-jobs';

interface Scheduled {
  readonly daoId: string;
  readonly earlyClose: boolean;
  open: boolean;
}

/**
 * The proposal-deadline process manager, a log processor (own checkpoint, same-transaction writes):
 * ProposalSubmitted schedules the close at votingEndsAt and the reminder at reminderDueAt (when still
 * ahead); ProposalSucceeded schedules the expiry at queueBy; a VoteCast on an open early-close proposal
 * asks for an early-close check. Jobs are inserted through the batch's own transaction, so a batch that
 * rolls back schedules nothing and one that commits has scheduled everything.
 */
export const proposalDeadlinesSubscription = (boss: PgBoss, clock: Clock) =>
  processor({
    name: 'proposal-deadlines',
    tables: ['pm_proposal_deadlines'],
    canHandle: ['ProposalSubmitted', 'VoteCast', 'ProposalSucceeded', 'ProposalDefeated', 'ProposalCanceled', 'ProposalVetoed'],
    async handle(tx, events) {
      const mine = events.filter((e) => streams.proposal.parse(e.streamId) !== null);
      if (mine.length === 0) return;
      const ids = [...new Set(mine.map((e) => streams.proposal.parse(e.streamId)!))];
      const known = await load(tx, ids);
      const db = { executeSql: (text: string, values: unknown[]) => tx.query(text, values) };
      const send = (kind: ProposalJobKind, data: ProposalJobData, at: string) =>
        boss.send(PROPOSAL_QUEUES[kind], data, { startAfter: new Date(at), singletonKey: singletonKey(kind, data), db });
      const earlyChecks = new Map<string, ProposalJobData>();
      for (const event of mine) {
        const proposalId = streams.proposal.parse(event.streamId)!;
        switch (event.type) {
          case 'ProposalSubmitted': {
            const { daoId, votingEndsAt, earlyClose } = event.data;
            known.set(proposalId, { daoId, earlyClose, open: true });
            await tx.query(
              `INSERT INTO pm_proposal_deadlines (proposal_id, dao_id, early_close, voting_ends_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (proposal_id) DO NOTHING`,
              [proposalId, daoId, earlyClose, votingEndsAt],
            );
            await send('close', { daoId, proposalId, trigger: 'deadline' }, votingEndsAt);
            const remindAt = reminderDueAt(event.data);
            if (Date.parse(remindAt) > clock().getTime() && Date.parse(remindAt) < Date.parse(votingEndsAt))
              await send('remind', { daoId, proposalId, trigger: 'deadline' }, remindAt);
            break;
          }
          case 'VoteCast': {
            const proposal = known.get(proposalId);
            if (proposal?.open && proposal.earlyClose) earlyChecks.set(proposalId, { daoId: proposal.daoId, proposalId, trigger: 'early' });
            break;
          }
          case 'ProposalSucceeded':
          case 'ProposalDefeated':
          case 'ProposalCanceled':
          case 'ProposalVetoed': {
            const proposal = known.get(proposalId);
            earlyChecks.delete(proposalId);
            if (!proposal) break;
            proposal.open = false;
            await tx.query('UPDATE pm_proposal_deadlines SET open = false WHERE proposal_id = $1', [proposalId]);
            if (event.type === 'ProposalSucceeded')
              await send('expire', { daoId: proposal.daoId, proposalId, trigger: 'deadline' }, event.data.queueBy);
            break;
          }
        }
      }
      for (const data of earlyChecks.values()) await send('close', data, clock().toISOString());
    },
  });

const load = async (tx: PoolClient, ids: readonly string[]): Promise<Map<string, Scheduled>> => {
  const { rows } = await tx.query<{ proposal_id: string; dao_id: string; early_close: boolean; open: boolean }>(
    'SELECT proposal_id, dao_id, early_close, open FROM pm_proposal_deadlines WHERE proposal_id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.proposal_id, { daoId: r.dao_id, earlyClose: r.early_close, open: r.open }]));
};
