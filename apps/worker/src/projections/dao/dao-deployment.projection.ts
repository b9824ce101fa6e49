import { processor } from '../../processing/processor';

/**
 * Where each DAO's contracts deployment stands (`rm_dao_deployments`): deployed with its Safe (attached or
 * not, and whether the Safe has the timelock module enabled), or failed with the chain's reason. No row:
 * still pending. The DAO's read endpoints join it in.
 */
export const daoDeploymentProjection = processor({
  name: 'dao-deployment',
  tables: ['rm_dao_deployments'],
  canHandle: ['DaoContractsDeployed', 'DaoDeploymentFailed', 'SafeModuleEnabled'],
  async handle(tx, events) {
    for (const event of events) {
      if (event.type === 'SafeModuleEnabled') {
        await tx.query(`UPDATE rm_dao_deployments SET module_enabled = true, updated_at = $2 WHERE dao_id = $1`, [
          event.data.daoId,
          event.recordedAt,
        ]);
        continue;
      }
      const deployed = event.type === 'DaoContractsDeployed';
      const attached = deployed && event.data.attached;
      // A recorded deployment is final: a failure recorded after it (it cannot be, by the domain) changes nothing.
      await tx.query(
        `INSERT INTO rm_dao_deployments (dao_id, status, safe, reason, updated_at, attached, module_enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (dao_id) DO UPDATE SET status = EXCLUDED.status, safe = EXCLUDED.safe, reason = EXCLUDED.reason,
           updated_at = EXCLUDED.updated_at, attached = EXCLUDED.attached, module_enabled = EXCLUDED.module_enabled
         WHERE rm_dao_deployments.status <> 'deployed'`,
        [
          event.data.daoId,
          deployed ? 'deployed' : 'failed',
          deployed ? event.data.safe : null,
          deployed ? null : event.data.reason,
          event.recordedAt,
          attached,
          // A Safe the platform deployed enabled the module in its bootstrap.
          !attached,
        ],
      );
    }
  },
});
