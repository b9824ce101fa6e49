import { streams } from '@ayllu/domain';
import { processor } from '../processing/processor';

/**
 * The execution process manager's view of the log, a log processor so that its wake-ups are written in the
 * same transaction as its checkpoint: no event is missed or handled twice. It only marks work as due; the
 * stepper does the work.
 */
export const executionSubscription = processor({
  name: 'execution-process-manager',
  canHandle: [
    'DaoCreated',
    'ProposalSubmitted',
    'ProposalSucceeded',
    'ProposalVetoed',
    'ProposalQueued',
    'ProposalScheduled',
    // Anything on a treasury stream (a signature, an execution, a timelock outcome) may unblock a step.
    ...streams.treasury.eventTypes,
  ],
  async handle(tx, events) {
    for (const event of events) {
      switch (event.type) {
        case 'DaoCreated':
          await tx.query(
            `INSERT INTO execution_daos (dao_id, due_at) VALUES ($1, now())
             ON CONFLICT (dao_id) DO UPDATE SET due_at = now(), wakes = execution_daos.wakes + 1`,
            [event.data.daoId],
          );
          break;
        case 'ProposalSubmitted':
          await tx.query(`INSERT INTO execution_processes (proposal_id, dao_id) VALUES ($1, $2) ON CONFLICT (proposal_id) DO NOTHING`, [
            event.data.proposalId,
            event.data.daoId,
          ]);
          break;
        case 'ProposalSucceeded':
        case 'ProposalVetoed':
        case 'ProposalQueued':
        case 'ProposalScheduled':
          await tx.query(`UPDATE execution_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE proposal_id = $1`, [
            event.data.proposalId,
          ]);
          break;
        default: {
          const daoId = streams.treasury.parse(event.streamId);
          if (daoId === null) break;
          // A signature names only its transaction: wake every unfinished proposal of the DAO (a handful).
          await tx.query(
            `UPDATE execution_processes SET due_at = now(), wakes = wakes + 1, updated_at = now()
             WHERE dao_id = $1 AND last_step IS DISTINCT FROM 'Done'`,
            [daoId],
          );
          // An attached Safe's setup transaction and the DAO's rotating-pool organiser transactions move on the
          // same events (signatures, their execution).
          await tx.query(
            `UPDATE execution_daos SET due_at = now(), wakes = wakes + 1, updated_at = now()
             WHERE dao_id = $1 AND (last_step LIKE 'Setup:%' OR last_step LIKE 'Organiser:%' OR last_step = 'Deployed')`,
            [daoId],
          );
        }
      }
    }
  },
});
