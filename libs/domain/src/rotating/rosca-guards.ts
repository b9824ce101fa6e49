import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import type { RoscaMember, RoscaRecord, RoscaState, RunningState } from './rosca-state';

type Existing = Exclude<RoscaState, { status: 'ABSENT' }>;

export const existing = (state: RoscaState): Existing => {
  if (state.status === 'ABSENT') throw new DomainError('ROSCA.NOT_FOUND', 'No such rotating pool', 'not-found');
  return state;
};

export const forming = (state: RoscaState): Extract<RoscaState, { status: 'FORMING' }> => {
  const s = existing(state);
  if (s.status !== 'FORMING') throw new DomainError('ROSCA.NOT_FORMING', `The pool is ${s.status}, not FORMING`, 'conflict');
  return s;
};

export const active = (state: RoscaState): Extract<RoscaState, { status: 'ACTIVE' }> => {
  const s = existing(state);
  if (s.status !== 'ACTIVE') throw new DomainError('ROSCA.NOT_ACTIVE', `The pool is ${s.status}, not ACTIVE`, 'conflict');
  return s;
};

export const running = (state: RoscaState): RunningState => {
  const s = existing(state);
  if (s.status !== 'ACTIVE' && s.status !== 'EMERGENCY')
    throw new DomainError('ROSCA.NOT_RUNNING', `The pool is ${s.status}, not running`, 'conflict');
  return s;
};

export const inEmergency = (state: RoscaState): Extract<RoscaState, { status: 'EMERGENCY' }> => {
  const s = existing(state);
  if (s.status !== 'EMERGENCY') throw new DomainError('ROSCA.NOT_IN_EMERGENCY', `The pool is ${s.status}, not EMERGENCY`, 'conflict');
  return s;
};

/** Organisers act through the DAO's Safe: the command's actor is the Safe. */
export const byOrganiser = (state: RoscaRecord, actor: string): void => {
  if (actor !== state.configuration.organiser)
    throw new DomainError('ROSCA.NOT_ORGANISER', "Only the DAO's Safe organises this pool", 'forbidden');
};

export const currentMember = (state: RoscaRecord, address: Address, field = 'member'): RoscaMember => {
  const member = state.members.get(address);
  if (!member || member.departed !== null)
    throw new DomainError('ROSCA.NOT_A_MEMBER', `${address} is not a member of this pool`, 'invalid', [
      { field, message: 'is not a current member of this pool' },
    ]);
  return member;
};

export const currentRound = (state: RunningState, round: number): void => {
  if (round !== state.round.index)
    throw new DomainError('ROSCA.WRONG_ROUND', `Round ${state.round.index} is open, not ${round}`, 'conflict', [
      { field: 'round', message: `must be the open round, ${state.round.index}` },
    ]);
};
