import { streams } from '@ayllu/domain';
import { processor } from '../processing/processor';

/**
 * The rotating pools' process manager view of the log: every event of a pool makes its next step due now, and
 * a DAO's contracts being deployed wakes its pools waiting for them. Written with its checkpoint, so no wake-up
 * is lost or doubled; the stepper does the work (runRoscaStep).
 */
export const roscaSubscription = processor({
  name: 'rosca-process-manager',
  canHandle: [...streams.rosca.eventTypes, 'DaoContractsDeployed'],
  async handle(tx, events) {
    for (const event of events) {
      if (event.type === 'DaoContractsDeployed') {
        await tx.query(`UPDATE rosca_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE dao_id = $1`, [
          event.data.daoId,
        ]);
        continue;
      }
      const poolId = streams.rosca.parse(event.streamId);
      if (poolId === null) continue;
      if (event.type === 'RotatingPoolCreated')
        await tx.query(
          `INSERT INTO rosca_processes (pool_id, dao_id, due_at) VALUES ($1, $2, now())
           ON CONFLICT (pool_id) DO UPDATE SET due_at = now(), wakes = rosca_processes.wakes + 1`,
          [poolId, event.data.configuration.daoId],
        );
      else await tx.query(`UPDATE rosca_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE pool_id = $1`, [poolId]);
    }
  },
});
