import { streams } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import type { Projection } from '../projections/projection';

const WAKING_PROPOSAL_EVENTS = new Set(['ProposalSucceeded', 'ProposalVetoed', 'ProposalQueued', 'ProposalScheduled']);

/**
 * The process manager's subscription to the log, run by the projection runner so that its wake-ups are
 * written in the same transaction as its checkpoint: no event is missed or handled twice. It only marks
 * work as due; the stepper does the work.
 */
export const executionSubscription: Projection = {
  name: 'execution-process-manager',
  tables: [],
  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      if (event.type === 'DaoCreated') {
        await tx.query(
          `INSERT INTO execution_daos (dao_id, due_at) VALUES ($1, now())
           ON CONFLICT (dao_id) DO UPDATE SET due_at = now(), wakes = execution_daos.wakes + 1`,
          [data.daoId],
        );
      } else if (event.type === 'ProposalSubmitted') {
        await tx.query(`INSERT INTO execution_processes (proposal_id, dao_id) VALUES ($1, $2) ON CONFLICT (proposal_id) DO NOTHING`, [
          data.proposalId,
          data.daoId,
        ]);
      } else if (WAKING_PROPOSAL_EVENTS.has(event.type)) {
        await tx.query(`UPDATE execution_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE proposal_id = $1`, [
          data.proposalId,
        ]);
      } else if (streams.treasury.parse(event.streamId) !== null) {
        // A signature names only its transaction: wake every unfinished proposal of the DAO (a handful).
        await tx.query(
          `UPDATE execution_processes SET due_at = now(), wakes = wakes + 1, updated_at = now()
           WHERE dao_id = $1 AND last_step IS DISTINCT FROM 'Done'`,
          [streams.treasury.parse(event.streamId)],
        );
      }
    }
  },
};
