import { processor } from '../../processing/processor';

/**
 * Where each DAO's contracts deployment stands (`rm_dao_deployments`): deployed with its Safe, or failed with
 * the chain's reason. No row: still pending. The DAO's read endpoints join it in.
 */
export const daoDeploymentProjection = processor({
  name: 'dao-deployment',
  tables: ['rm_dao_deployments'],
  canHandle: ['DaoContractsDeployed', 'DaoDeploymentFailed'],
  async handle(tx, events) {
    for (const event of events) {
      const deployed = event.type === 'DaoContractsDeployed';
      // A recorded deployment is final: a failure recorded after it (it cannot be, by the domain) changes nothing.
      await tx.query(
        `INSERT INTO rm_dao_deployments (dao_id, status, safe, reason, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dao_id) DO UPDATE SET status = EXCLUDED.status, safe = EXCLUDED.safe, reason = EXCLUDED.reason,
           updated_at = EXCLUDED.updated_at
         WHERE rm_dao_deployments.status <> 'deployed'`,
        [
          event.data.daoId,
          deployed ? 'deployed' : 'failed',
          deployed ? event.data.safe : null,
          deployed ? null : event.data.reason,
          event.recordedAt,
        ],
      );
    }
  },
});
