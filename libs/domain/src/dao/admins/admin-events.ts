import type { Address } from '../../shared/address';
import type { Event } from '../../shared/decider';

/** A DAO admin key was issued. Only its hash is recorded: the key itself is shown once, to its creator. */
export type DaoAdminKeyCreated = Event<
  'DaoAdminKeyCreated',
  {
    /** Random, not derived from the key: events name the key's holder `admin-key:<keyId>`. */
    readonly keyId: string;
    readonly name: string;
    /** A salted slow hash of the key's secret (`scrypt$...`), never the key. */
    readonly secretHash: string;
    readonly expiresAt: string;
    readonly createdBy: string;
    readonly createdAt: string;
  }
>;
export type DaoAdminKeyRevoked = Event<
  'DaoAdminKeyRevoked',
  { readonly keyId: string; readonly revokedBy: string; readonly revokedAt: string }
>;
/** A wallet that may sign in with Ethereum as an admin of this DAO. */
export type DaoAdminWalletAdded = Event<
  'DaoAdminWalletAdded',
  { readonly address: Address; readonly addedBy: string; readonly addedAt: string }
>;
export type DaoAdminWalletRemoved = Event<
  'DaoAdminWalletRemoved',
  { readonly address: Address; readonly removedBy: string; readonly removedAt: string }
>;

export type DaoAdminEvent = DaoAdminKeyCreated | DaoAdminKeyRevoked | DaoAdminWalletAdded | DaoAdminWalletRemoved;

/**
 * Fields recorded for the platform's own checks that no reader of the audit log needs: a key's hash is
 * useless without the key, but it is still nobody's business.
 */
export const UNPUBLISHED_EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = { DaoAdminKeyCreated: ['secretHash'] };
