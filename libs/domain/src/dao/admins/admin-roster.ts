import type { Address } from '../../shared/address';
import { assertNever } from '../../shared/decider';
import type { DaoAdminEvent } from './admin-events';

export interface DaoAdminKey {
  readonly keyId: string;
  readonly name: string;
  readonly secretHash: string;
  readonly expiresAt: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

/** Who may act as an admin of one DAO besides the platform admin. */
export interface AdminRoster {
  /** Every key ever issued, revoked ones included (the list shows them), by key id. */
  readonly keys: ReadonlyMap<string, DaoAdminKey>;
  readonly wallets: ReadonlySet<Address>;
}

export const ADMIN_LIMITS = {
  keyNameMaxLength: 100,
  /** A key lives at most this long; a new one is issued, not an old one extended. */
  keyMaxLifetimeSeconds: 366 * 24 * 3600,
  keyMinLifetimeSeconds: 5,
  /** Unrevoked, unexpired keys per DAO. */
  maxActiveKeys: 50,
  maxWallets: 50,
} as const;

export const emptyAdminRoster = (): AdminRoster => ({ keys: new Map(), wallets: new Set() });

/** A key that authenticates at `now`: issued, not revoked, not expired. */
export const keyIsLive = (key: DaoAdminKey, now: string): boolean => key.revokedAt === null && Date.parse(key.expiresAt) > Date.parse(now);

export const evolveAdminRoster = (roster: AdminRoster, event: DaoAdminEvent): AdminRoster => {
  switch (event.type) {
    case 'DaoAdminKeyCreated': {
      const { keyId, name, secretHash, expiresAt, createdBy, createdAt } = event.data;
      const keys = new Map(roster.keys).set(keyId, {
        keyId,
        name,
        secretHash,
        expiresAt,
        createdBy,
        createdAt,
        revokedAt: null,
        revokedBy: null,
      });
      return { ...roster, keys };
    }
    case 'DaoAdminKeyRevoked': {
      const key = roster.keys.get(event.data.keyId);
      if (!key) return roster;
      const keys = new Map(roster.keys).set(key.keyId, { ...key, revokedAt: event.data.revokedAt, revokedBy: event.data.revokedBy });
      return { ...roster, keys };
    }
    case 'DaoAdminWalletAdded':
      return { ...roster, wallets: new Set(roster.wallets).add(event.data.address) };
    case 'DaoAdminWalletRemoved': {
      const wallets = new Set(roster.wallets);
      wallets.delete(event.data.address);
      return { ...roster, wallets };
    }
    default:
      return assertNever(event);
  }
};
