import type { RecordDaoContractsDeployed } from './treasury-commands';
import type { DaoContractsDeployed } from './treasury-events';
import type { TreasuryState } from './treasury-state';

/** The DAO's contracts exist: its treasury actions may start. Recorded once; a repeat changes nothing. */
export const recordDaoContractsDeployed = (command: RecordDaoContractsDeployed, state: TreasuryState): DaoContractsDeployed[] =>
  state.status === 'Deployed' ? [] : [{ type: 'DaoContractsDeployed', data: { ...command.data, deployedAt: command.metadata.now } }];
