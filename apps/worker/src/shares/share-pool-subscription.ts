import { streams } from '@ayllu/domain';
import { processor } from '../processing/processor';

/**
 * The share pools' process manager view of the log: every event of a pool makes its next step due now. Written with
 * its checkpoint, so no wake-up is lost or doubled; the stepper does the work (runSharePoolStep).
 */
export const sharePoolSubscription = processor({
  name: 'share-pool-process-manager',
  canHandle: [...streams.sharePool.eventTypes],
  async handle(tx, events) {
    for (const event of events) {
      const poolId = streams.sharePool.parse(event.streamId);
      if (poolId === null) continue;
      if (event.type === 'SharePoolCreated')
        await tx.query(
          `INSERT INTO share_pool_processes (pool_id, dao_id, due_at) VALUES ($1, $2, now())
           ON CONFLICT (pool_id) DO UPDATE SET due_at = now(), wakes = share_pool_processes.wakes + 1`,
          [poolId, event.data.configuration.daoId],
        );
      else
        await tx.query(`UPDATE share_pool_processes SET due_at = now(), wakes = wakes + 1, updated_at = now() WHERE pool_id = $1`, [
          poolId,
        ]);
    }
  },
});
