import { DomainError } from '../../shared/domain-error';
import type { CommandMetadata } from '../../shared/decider';
import { requireDao } from '../dao-guards';
import type { DaoState } from '../dao-state';
import { PLATFORM_ADMIN } from './admin-actors';
import type { AddDaoAdminWallet, CreateDaoAdminKey, RemoveDaoAdminWallet, RevokeDaoAdminKey } from './admin-commands';
import type { DaoAdminKeyCreated, DaoAdminKeyRevoked, DaoAdminWalletAdded, DaoAdminWalletRemoved } from './admin-events';
import { ADMIN_LIMITS, keyIsLive } from './admin-roster';

/** Who administers a DAO is decided by the platform admin only: a DAO admin cannot mint or keep other admins. */
export const requirePlatformAdmin = (metadata: CommandMetadata): void => {
  if (metadata.actor !== PLATFORM_ADMIN)
    throw new DomainError('AUTH.PLATFORM_ADMIN_REQUIRED', 'Only the platform admin may manage the admins of a DAO', 'forbidden');
};

const invalid = (code: string, field: string, message: string) =>
  new DomainError(code, `${field} ${message}`, 'invalid', [{ field, message }]);

export const createDaoAdminKey = (command: CreateDaoAdminKey, state: DaoState): DaoAdminKeyCreated[] => {
  requirePlatformAdmin(command.metadata);
  const dao = requireDao(state);
  const { keyId, secretHash, expiresAt } = command.data;
  const { now, actor } = command.metadata;
  const name = command.data.name.trim();
  if (name.length === 0 || name.length > ADMIN_LIMITS.keyNameMaxLength)
    throw invalid('ADMIN_KEY.INVALID_NAME', 'name', `must be 1 to ${ADMIN_LIMITS.keyNameMaxLength} characters`);
  const lifetime = (Date.parse(expiresAt) - Date.parse(now)) / 1000;
  if (!Number.isFinite(lifetime) || lifetime < ADMIN_LIMITS.keyMinLifetimeSeconds || lifetime > ADMIN_LIMITS.keyMaxLifetimeSeconds)
    throw invalid(
      'ADMIN_KEY.INVALID_EXPIRY',
      'expiresAt',
      `must be between ${ADMIN_LIMITS.keyMinLifetimeSeconds} seconds and ${ADMIN_LIMITS.keyMaxLifetimeSeconds / 86400} days from now`,
    );
  const live = [...dao.admins.keys.values()].filter((k) => keyIsLive(k, now));
  if (live.some((k) => k.name === name))
    throw new DomainError('ADMIN_KEY.NAME_TAKEN', `A live admin key of this DAO is already named "${name}"`, 'conflict', [
      { field: 'name', message: 'is taken by a live key of this DAO' },
    ]);
  if (live.length >= ADMIN_LIMITS.maxActiveKeys)
    throw new DomainError(
      'ADMIN_KEY.TOO_MANY',
      `A DAO has at most ${ADMIN_LIMITS.maxActiveKeys} live admin keys: revoke one first`,
      'conflict',
    );
  if (dao.admins.keys.has(keyId)) throw new DomainError('ADMIN_KEY.ALREADY_EXISTS', `Admin key ${keyId} already exists`, 'conflict');
  return [{ type: 'DaoAdminKeyCreated', data: { keyId, name, secretHash, expiresAt, createdBy: actor, createdAt: now } }];
};

/** Revoking a revoked key changes nothing (and records nothing). */
export const revokeDaoAdminKey = (command: RevokeDaoAdminKey, state: DaoState): DaoAdminKeyRevoked[] => {
  requirePlatformAdmin(command.metadata);
  const dao = requireDao(state);
  const key = dao.admins.keys.get(command.data.keyId);
  if (!key) throw new DomainError('ADMIN_KEY.NOT_FOUND', `No admin key ${command.data.keyId} in this DAO`, 'not-found');
  if (key.revokedAt !== null) return [];
  const { now, actor } = command.metadata;
  return [{ type: 'DaoAdminKeyRevoked', data: { keyId: key.keyId, revokedBy: actor, revokedAt: now } }];
};

/** Listing a listed wallet changes nothing. */
export const addDaoAdminWallet = (command: AddDaoAdminWallet, state: DaoState): DaoAdminWalletAdded[] => {
  requirePlatformAdmin(command.metadata);
  const dao = requireDao(state);
  const { address } = command.data;
  if (dao.admins.wallets.has(address)) return [];
  if (dao.admins.wallets.size >= ADMIN_LIMITS.maxWallets)
    throw new DomainError('ADMIN_WALLET.TOO_MANY', `A DAO lists at most ${ADMIN_LIMITS.maxWallets} admin wallets`, 'conflict');
  const { now, actor } = command.metadata;
  return [{ type: 'DaoAdminWalletAdded', data: { address, addedBy: actor, addedAt: now } }];
};

export const removeDaoAdminWallet = (command: RemoveDaoAdminWallet, state: DaoState): DaoAdminWalletRemoved[] => {
  requirePlatformAdmin(command.metadata);
  const dao = requireDao(state);
  const { address } = command.data;
  if (!dao.admins.wallets.has(address))
    throw new DomainError('ADMIN_WALLET.NOT_FOUND', `${address} is not an admin wallet of this DAO`, 'not-found');
  const { now, actor } = command.metadata;
  return [{ type: 'DaoAdminWalletRemoved', data: { address, removedBy: actor, removedAt: now } }];
};
