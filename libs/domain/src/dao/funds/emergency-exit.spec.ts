import { deciderSpec } from '../../testing/given';
import { daoCreated, deposited } from '../../testing/dao-history';
import { at, bob, DAY, meta, T0 } from '../../testing/fixtures';
import { daoDecider } from '../dao-decider';
import { VAULT_LIMITS } from '../vault-limits';
import type { DaoCommand } from '../dao-commands';
import type { DaoEvent } from '../dao-events';

const { given } = deciderSpec(daoDecider);
const funded = [daoCreated([bob]), deposited(bob, 80n)];
const requestExit: DaoCommand = { type: 'RequestEmergencyExit', data: { member: bob }, metadata: meta(bob) };
const complete = (now: string): DaoCommand => ({
  type: 'CompleteEmergencyExit',
  data: { member: bob },
  metadata: meta(bob, now),
});
const requested: DaoEvent = {
  type: 'EmergencyExitRequested',
  data: { member: bob, requestedAt: T0, availableAt: at(7 * DAY) },
};

describe('Emergency exit', () => {
  it('is available after the DAO wait', () => given(funded).when(requestExit).then([requested]));
  it('cannot be requested twice', () =>
    given([...funded, requested])
      .when(requestExit)
      .thenThrows('EMERGENCY_EXIT.ALREADY_REQUESTED'));
  it('refuses to complete before the wait', () =>
    given([...funded, requested])
      .when(complete(at(7 * DAY - 1)))
      .thenThrows('EMERGENCY_EXIT.NOT_YET_AVAILABLE'));
  it('completes after the wait with the whole balance', () =>
    given([...funded, requested])
      .when(complete(at(7 * DAY)))
      .then([{ type: 'EmergencyExitCompleted', data: { member: bob, amount: 80n, completedAt: at(7 * DAY) } }]));
  describe('lapses after the vault window', () => {
    const lapse = 7 * DAY + VAULT_LIMITS.emergencyExitWindowSeconds;
    it('completes up to the last second of the window', () =>
      given([...funded, requested])
        .when(complete(at(lapse - 1)))
        .then([{ type: 'EmergencyExitCompleted', data: { member: bob, amount: 80n, completedAt: at(lapse - 1) } }]));
    it('refuses to complete once the window has passed', () =>
      given([...funded, requested])
        .when(complete(at(lapse)))
        .thenThrows('EMERGENCY_EXIT.LAPSED'));
    it('refuses a second request while the first is still open', () =>
      given([...funded, requested])
        .when({ ...requestExit, metadata: meta(bob, at(lapse - 1)) })
        .thenThrows('EMERGENCY_EXIT.ALREADY_REQUESTED'));
    it('may be requested again once lapsed, with a new wait', () =>
      given([...funded, requested])
        .when({ ...requestExit, metadata: meta(bob, at(lapse)) })
        .then([{ type: 'EmergencyExitRequested', data: { member: bob, requestedAt: at(lapse), availableAt: at(lapse + 7 * DAY) } }]));
  });
  it('needs a request first', () =>
    given(funded)
      .when(complete(at(8 * DAY)))
      .thenThrows('EMERGENCY_EXIT.NOT_REQUESTED'));
  it('needs a balance', () =>
    given([daoCreated([bob])])
      .when(requestExit)
      .thenThrows('WITHDRAWAL.NOTHING_TO_WITHDRAW'));
});
