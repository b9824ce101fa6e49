import { DomainError } from '../../shared/domain-error';
import { addSeconds, isAtOrAfter } from '../../shared/time';
import type { CompleteEmergencyExit, RequestEmergencyExit } from '../dao-commands';
import type { EmergencyExitCompleted, EmergencyExitRequested } from '../dao-events';
import { requireDao, requireMember } from '../dao-guards';
import type { DaoState, EmergencyExit } from '../dao-state';
import { VAULT_LIMITS } from '../vault-limits';

/** Any member with a balance may ask, whatever their status: no one can be locked in. */
export const requestEmergencyExit = (command: RequestEmergencyExit, state: DaoState): EmergencyExitRequested[] => {
  const dao = requireDao(state);
  const member = requireMember(dao, command.data.member);
  if (member.status === 'REMOVED') throw new DomainError('MEMBER.ALREADY_LEFT', `${member.address} already left`, 'conflict');
  if (member.currentBalance === 0n) throw new DomainError('WITHDRAWAL.NOTHING_TO_WITHDRAW', `${member.address} holds nothing`, 'conflict');
  const { now } = command.metadata;
  const earlier = dao.emergencyExits.get(member.address);
  // A lapsed request is no request: asking again starts a new wait, as the vault does.
  if (earlier && !isAtOrAfter(now, lapsesAt(earlier)))
    throw new DomainError('EMERGENCY_EXIT.ALREADY_REQUESTED', 'An emergency exit is already under way', 'conflict');
  return [
    {
      type: 'EmergencyExitRequested',
      data: {
        member: member.address,
        requestedAt: now,
        availableAt: addSeconds(now, dao.configuration.emergencyExitWaitSeconds),
      },
    },
  ];
};

/**
 * When a requested exit lapses unused: the vault's EMERGENCY_EXIT_WINDOW after it became available. An exit bypasses
 * pause and withdrawal limits, so a request must not stand forever as a way round them.
 */
export const lapsesAt = (exit: EmergencyExit): string => addSeconds(exit.availableAt, VAULT_LIMITS.emergencyExitWindowSeconds);

/** After the wait, and before the exit lapses, the member leaves with the whole balance (paid by the vault, confirmed from the chain). */
export const completeEmergencyExit = (command: CompleteEmergencyExit, state: DaoState): EmergencyExitCompleted[] => {
  const dao = requireDao(state);
  const member = requireMember(dao, command.data.member);
  const exit = dao.emergencyExits.get(member.address);
  if (!exit) throw new DomainError('EMERGENCY_EXIT.NOT_REQUESTED', 'No emergency exit was requested', 'conflict');
  const { now } = command.metadata;
  if (!isAtOrAfter(now, exit.availableAt))
    throw new DomainError('EMERGENCY_EXIT.NOT_YET_AVAILABLE', `Available from ${exit.availableAt}`, 'conflict');
  if (isAtOrAfter(now, lapsesAt(exit)))
    throw new DomainError('EMERGENCY_EXIT.LAPSED', `The exit lapsed at ${lapsesAt(exit)}; request it again`, 'conflict');
  return [
    {
      type: 'EmergencyExitCompleted',
      data: { member: member.address, amount: member.currentBalance, completedAt: now },
    },
  ];
};
