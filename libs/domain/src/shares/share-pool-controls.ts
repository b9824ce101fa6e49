import { DomainError } from '../shared/domain-error';
import { isHash, type Hash } from '../shared/hex';
import type { ChangeSharePoolOperator, PauseSharePool, ResumeSharePool } from './share-pool-commands';
import type { SharePoolEvent } from './share-pool-events';
import { addressIn, byCreator, deployed, live } from './share-pool-guards';
import type { ExistingSharePool, SharePoolState } from './share-pool-state';

const ZERO = '0x0000000000000000000000000000000000000000';

const txIn = (value: unknown): Hash => {
  if (!isHash(value))
    throw new DomainError('SHARE_POOL.INVALID_TX', 'The Safe call needs its transaction hash', 'invalid', [
      { field: 'txHash', message: 'must be a 32-byte hash' },
    ]);
  return value;
};

/** The creator's controls act on a live, deployed pool, and only the Safe gives them. */
const controlled = (state: SharePoolState, command: PauseSharePool | ResumeSharePool | ChangeSharePoolOperator): ExistingSharePool => {
  const s = live(state);
  byCreator(s, command.metadata);
  deployed(s);
  return s;
};

/** The Safe's `setPaused(true)`: refused on a paused pool (the API asks before the Safe transaction is proposed). */
export const pauseSharePool = (command: PauseSharePool, state: SharePoolState): SharePoolEvent[] => {
  const s = controlled(state, command);
  if (s.paused) throw new DomainError('SHARE_POOL.ALREADY_PAUSED', 'The pool is already paused', 'conflict');
  const txHash = txIn(command.data.txHash);
  return [{ type: 'SharePoolPaused', data: { txHash, pausedBy: command.metadata.actor, pausedAt: command.metadata.now } }];
};

/** The Safe's `setPaused(false)`: refused on a pool that is running. */
export const resumeSharePool = (command: ResumeSharePool, state: SharePoolState): SharePoolEvent[] => {
  const s = controlled(state, command);
  if (!s.paused) throw new DomainError('SHARE_POOL.NOT_PAUSED', 'The pool is not paused', 'conflict');
  const txHash = txIn(command.data.txHash);
  return [{ type: 'SharePoolResumed', data: { txHash, resumedBy: command.metadata.actor, resumedAt: command.metadata.now } }];
};

/** The Safe's `setOperator(operator)`: never the zero address (the contract refuses it), nor the operator already on record. */
export const changeSharePoolOperator = (command: ChangeSharePoolOperator, state: SharePoolState): SharePoolEvent[] => {
  const s = controlled(state, command);
  const operator = addressIn(command.data.operator, 'operator');
  if (operator === ZERO)
    throw new DomainError('SHARE_POOL.INVALID_ADDRESS', 'The operator cannot be the zero address', 'invalid', [
      { field: 'operator', message: 'must not be the zero address' },
    ]);
  if (s.operator === operator)
    throw new DomainError('SHARE_POOL.SAME_OPERATOR', `${operator} is already the pool's operator`, 'conflict', [
      { field: 'operator', message: "is already the pool's operator" },
    ]);
  const txHash = txIn(command.data.txHash);
  const { actor, now } = command.metadata;
  return [{ type: 'SharePoolOperatorChanged', data: { previous: s.operator, operator, txHash, changedBy: actor, changedAt: now } }];
};
