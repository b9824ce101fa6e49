import { normaliseAddress, sameAddress, type Address } from '../shared/address';
import { chainIntegerMessage, fitsChainInteger } from '../shared/chain-integer';
import type { CommandMetadata } from '../shared/decider';
import { isAdminActor } from '../dao/admins/admin-actors';
import { DomainError } from '../shared/domain-error';
import { isAtOrAfter } from '../shared/time';
import { accessContext, requireAccess, type ObservedBalance } from './access-conditions';
import { TOTAL_SHARES, type WayToAccess } from './share-pool-configuration';
import { participants, unreserved, type ExistingSharePool, type SharePoolState } from './share-pool-state';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const existing = (state: SharePoolState): ExistingSharePool => {
  if (state.status === 'ABSENT') throw new DomainError('SHARE_POOL.NOT_FOUND', 'No such share pool', 'not-found');
  return state;
};

/** An existing pool that was not deleted. */
export const live = (state: SharePoolState): ExistingSharePool => {
  const s = existing(state);
  if (s.deleted) throw new DomainError('SHARE_POOL.DELETED', `The pool was deleted: ${s.deleted.reason}`, 'conflict');
  return s;
};

/**
 * Decisions without a chain effect (reject a join request, generate or revoke codes, complete a round, soft-delete)
 * are the DAO admin's, through the admin API (`admin:…`, `admin-key:<id>`, `siwe:<address>`), or the Safe's.
 */
export const byCreatorOrAdmin = (state: ExistingSharePool, metadata: CommandMetadata): void => {
  if (isAdminActor(metadata.actor)) return;
  if (!sameAddress(metadata.actor, state.configuration.creator))
    throw new DomainError('SHARE_POOL.NOT_CREATOR', "Only a DAO admin or the pool's creator, the DAO's Safe, may do this", 'forbidden');
};

/** The creator's powers are the DAO's Safe's: the command's actor must be the Safe (any case). */
export const byCreator = (state: ExistingSharePool, metadata: CommandMetadata): void => {
  if (!sameAddress(metadata.actor, state.configuration.creator))
    throw new DomainError('SHARE_POOL.NOT_CREATOR', "Only the pool's creator, the DAO's Safe, may do this", 'forbidden');
};

export const deployed = (state: ExistingSharePool): Address => {
  if (state.contract === null)
    throw new DomainError('SHARE_POOL.NOT_DEPLOYED', "The pool's contract is not deployed yet; try again shortly", 'conflict');
  return state.contract;
};

/**
 * The contract refuses the operator's ways in (buy, grant, contribute, stake) and transfers while paused
 * (`whenNotPaused`); the log refuses them first. Unstaking, finalizing, accruing, claims and the Safe's own
 * assignments go on, as on chain.
 */
export const notPaused = (state: ExistingSharePool): void => {
  if (state.paused)
    throw new DomainError(
      'SHARE_POOL.PAUSED',
      "The pool is paused by its creator, the DAO's Safe: no new ways in or transfers until it resumes",
      'conflict',
    );
};

export const wayIs = (state: ExistingSharePool, way: WayToAccess): void => {
  if (state.configuration.wayToAccess !== way)
    throw new DomainError('SHARE_POOL.WRONG_WAY_IN', `This pool's way in is ${state.configuration.wayToAccess}, not ${way}`, 'conflict');
};

/** A live, deployed pool of this way in, not expired: where a new way in may start. */
export const openWayIn = (state: SharePoolState, way: WayToAccess, now: string): ExistingSharePool => {
  const s = live(state);
  wayIs(s, way);
  deployed(s);
  const { expiration } = s.configuration;
  if (expiration !== null && isAtOrAfter(now, expiration))
    throw new DomainError('SHARE_POOL.EXPIRED', `The pool expired at ${expiration} and takes no one new`, 'conflict');
  return s;
};

/** An address from a command in any case, checksummed; a bad one is refused naming its field. */
export const addressIn = (value: unknown, field: string): Address => {
  const address = normaliseAddress(value);
  if (address === null)
    throw new DomainError('SHARE_POOL.INVALID_ADDRESS', `${field} is not an address`, 'invalid', [
      { field, message: 'must be a 20-byte hex address (a mixed-case address must carry a valid EIP-55 checksum)' },
    ]);
  return address;
};

export const sharesIn = (value: unknown, field = 'shares'): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > TOTAL_SHARES)
    throw new DomainError('SHARE_POOL.INVALID_SHARES', `${field} must be a whole number of shares`, 'invalid', [
      { field, message: `must be a whole number from 1 to ${TOTAL_SHARES}` },
    ]);
  return value;
};

export const amountIn = (value: unknown, field: string): bigint => {
  if (typeof value !== 'bigint' || !fitsChainInteger(value, 'uint256', 1n))
    throw new DomainError('SHARE_POOL.INVALID_AMOUNT', `${field} is not a valid amount`, 'invalid', [
      { field, message: chainIntegerMessage('uint256', 1n) },
    ]);
  return value;
};

export const instantIn = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value)))
    throw new DomainError('SHARE_POOL.INVALID_TIME', `${field} is not an instant`, 'invalid', [
      { field, message: 'must be an ISO-8601 UTC instant' },
    ]);
  return value;
};

export const reasonIn = (value: unknown, field = 'reason'): string => {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 500)
    throw new DomainError('SHARE_POOL.REASON_REQUIRED', 'A reason is required', 'invalid', [
      { field, message: 'must be 1 to 500 characters' },
    ]);
  return value.trim();
};

/** At most `unreserved` shares can be promised now. */
export const withinAvailable = (state: ExistingSharePool, shares: number, field = 'shares'): void => {
  const free = unreserved(state);
  if (shares > free)
    throw new DomainError('SHARE_POOL.NOT_ENOUGH_SHARES', `Only ${free} shares are available`, 'conflict', [
      { field, message: `must be at most ${free}, the shares available` },
    ]);
};

/** A newcomer must fit under the maximum number of participants (see `participants`). */
export const roomFor = (state: ExistingSharePool, address: Address): void => {
  const max = state.configuration.maxParticipants;
  if (max === 0) return;
  const now = participants(state);
  if (!now.has(address) && now.size >= max)
    throw new DomainError('SHARE_POOL.FULL', `The pool is full: it has its maximum of ${max} participants`, 'conflict');
};

/** The pool's access conditions, checked for `address` with the balances the caller observed. */
export const admitted = (
  state: ExistingSharePool,
  address: Address,
  now: string,
  observed: readonly ObservedBalance[] | undefined,
  field: string,
): void => requireAccess(state.configuration.accessConditions, address, accessContext(now, observed), field);

export const nextKey = (state: ExistingSharePool, kind: string): string => `${kind}-${state.nextKey}`;
