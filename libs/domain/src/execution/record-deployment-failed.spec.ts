import { addressOf, at, DAY, meta } from '../testing/fixtures';
import { recordDaoContractsDeployed, recordDaoDeploymentFailed } from './record-contracts-deployed';
import type { RecordDaoDeploymentFailed } from './treasury-commands';
import { evolveTreasury, initialTreasuryState, type TreasuryState } from './treasury-state';

const system = meta('system:execution', at(DAY));
const refused: RecordDaoDeploymentFailed = {
  type: 'RecordDaoDeploymentFailed',
  data: { daoId: 'dao-1', reason: 'CommunityVaultParameterOutOfBounds("emergencyExitWait")' },
  metadata: system,
};
const fold = (state: TreasuryState, events: Parameters<typeof evolveTreasury>[1][]) => events.reduce(evolveTreasury, state);

describe('A DAO deployment the chain refused', () => {
  it('is recorded with its reason, and the treasury says so', () => {
    const events = recordDaoDeploymentFailed(refused, initialTreasuryState());
    expect(events).toEqual([{ type: 'DaoDeploymentFailed', data: { ...refused.data, failedAt: system.now } }]);
    expect(fold(initialTreasuryState(), events)).toEqual({ status: 'DeploymentFailed', ...refused.data, failedAt: system.now });
  });

  it('is recorded once', () => {
    const failed = fold(initialTreasuryState(), recordDaoDeploymentFailed(refused, initialTreasuryState()));
    expect(recordDaoDeploymentFailed(refused, failed)).toEqual([]);
  });

  it('is never recorded over contracts already recorded', () => {
    const contracts = {
      chainId: 31337,
      safe: addressOf('safe'),
      timelock: addressOf('timelock'),
      vault: addressOf('vault'),
      pool: addressOf('pool'),
      payoutToken: addressOf('token'),
      gdaForwarder: addressOf('gda'),
      cfaForwarder: addressOf('cfa'),
      owners: [addressOf('t1')],
      threshold: 1,
      timelockDelaySeconds: DAY,
      fromBlock: 1n,
    };
    const deployed = fold(
      initialTreasuryState(),
      recordDaoContractsDeployed(
        { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId: 'dao-1', attached: false }, metadata: system },
        initialTreasuryState(),
      ),
    );
    expect(recordDaoDeploymentFailed(refused, deployed)).toEqual([]);
  });
});
