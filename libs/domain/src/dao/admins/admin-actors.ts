import type { Address } from '../../shared/address';

/**
 * Who acted, as events name admins. Ids are random and never derived from a key, so nothing in the log
 * helps anyone guess a key:
 * - `admin:platform`: the platform's configured key (creates DAOs and their admin keys);
 * - `admin-key:<keyId>`: a DAO admin key;
 * - `siwe:<address>`: an admin wallet signed in with Ethereum (EIP-4361).
 */
export const PLATFORM_ADMIN = 'admin:platform';
export const adminKeyActor = (keyId: string): string => `admin-key:${keyId}`;
export const siweActor = (address: Address): string => `siwe:${address}`;

// `admin:` keeps histories recorded before admins were named per DAO readable as admin actions.
const ADMIN_ACTOR = /^(admin:|admin-key:|siwe:)/;

export const isAdminActor = (actor: string): boolean => ADMIN_ACTOR.test(actor);
