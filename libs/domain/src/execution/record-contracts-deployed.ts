import type { RecordDaoContractsDeployed, RecordDaoDeploymentFailed } from './treasury-commands';
import type { DaoContractsDeployed, DaoDeploymentFailed } from './treasury-events';
import type { TreasuryState } from './treasury-state';

/** The DAO's contracts exist: its treasury actions may start. Recorded once; a repeat changes nothing. */
export const recordDaoContractsDeployed = (command: RecordDaoContractsDeployed, state: TreasuryState): DaoContractsDeployed[] =>
  state.status === 'Deployed' ? [] : [{ type: 'DaoContractsDeployed', data: { ...command.data, deployedAt: command.metadata.now } }];

/** The chain refused the deployment for good. Recorded once, and never over contracts already recorded. */
export const recordDaoDeploymentFailed = (command: RecordDaoDeploymentFailed, state: TreasuryState): DaoDeploymentFailed[] =>
  state.status === 'Undeployed' ? [{ type: 'DaoDeploymentFailed', data: { ...command.data, failedAt: command.metadata.now } }] : [];
