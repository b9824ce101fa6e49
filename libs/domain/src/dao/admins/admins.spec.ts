import type { Address } from '../../shared/address';
import { daoCreated } from '../../testing/dao-history';
import { adminMeta, alice, at, bob, DAY, meta, T0 } from '../../testing/fixtures';
import { deciderSpec } from '../../testing/given';
import { daoDecider } from '../dao-decider';
import type { DaoCommand } from '../dao-commands';
import type { DaoEvent } from '../dao-events';
import { adminKeyActor, isAdminActor, PLATFORM_ADMIN, siweActor } from './admin-actors';

const { given } = deciderSpec(daoDecider);
const platform = meta(PLATFORM_ADMIN);
const dao = daoCreated([alice]);

const createKey = (name = 'ops', expiresAt = at(30 * DAY), metadata = platform, keyId = 'key_1'): DaoCommand => ({
  type: 'CreateDaoAdminKey',
  data: { keyId, name, secretHash: 'scrypt$hash', expiresAt },
  metadata,
});
const keyCreated = (name = 'ops', keyId = 'key_1'): DaoEvent => ({
  type: 'DaoAdminKeyCreated',
  data: { keyId, name, secretHash: 'scrypt$hash', expiresAt: at(30 * DAY), createdBy: PLATFORM_ADMIN, createdAt: T0 },
});
const revoke = (keyId = 'key_1', metadata = platform): DaoCommand => ({ type: 'RevokeDaoAdminKey', data: { keyId }, metadata });
const keyRevoked: DaoEvent = { type: 'DaoAdminKeyRevoked', data: { keyId: 'key_1', revokedBy: PLATFORM_ADMIN, revokedAt: T0 } };
const addWallet = (address: Address, metadata = platform): DaoCommand => ({ type: 'AddDaoAdminWallet', data: { address }, metadata });
const walletAdded = (address: Address): DaoEvent => ({
  type: 'DaoAdminWalletAdded',
  data: { address, addedBy: PLATFORM_ADMIN, addedAt: T0 },
});

describe('DAO admins', () => {
  describe('admin keys', () => {
    it('the platform admin issues a named key; only its hash is recorded', () => given([dao]).when(createKey()).then([keyCreated()]));

    it('a DAO admin cannot issue keys', () =>
      given([dao, keyCreated()])
        .when(createKey('mine', at(DAY), meta(adminKeyActor('key_1')), 'key_2'))
        .thenThrows('AUTH.PLATFORM_ADMIN_REQUIRED'));

    it('a signed-in admin wallet cannot issue keys either', () =>
      given([dao, walletAdded(bob)])
        .when(createKey('mine', at(DAY), meta(siweActor(bob))))
        .thenThrows('AUTH.PLATFORM_ADMIN_REQUIRED'));

    it('refuses an expiry in the past or beyond a year, naming the field', () => {
      given([dao])
        .when(createKey('ops', at(-1)))
        .thenThrows('ADMIN_KEY.INVALID_EXPIRY', ['expiresAt']);
      given([dao])
        .when(createKey('ops', at(400 * DAY)))
        .thenThrows('ADMIN_KEY.INVALID_EXPIRY', ['expiresAt']);
    });

    it('refuses a blank name and a name a live key already has', () => {
      given([dao]).when(createKey('  ')).thenThrows('ADMIN_KEY.INVALID_NAME', ['name']);
      given([dao, keyCreated()])
        .when(createKey('ops', at(DAY), platform, 'key_2'))
        .thenThrows('ADMIN_KEY.NAME_TAKEN', ['name']);
    });

    it('a revoked key frees its name', () =>
      given([dao, keyCreated(), keyRevoked])
        .when(createKey('ops', at(30 * DAY), platform, 'key_2'))
        .then([keyCreated('ops', 'key_2')]));

    it('revoking records who revoked; revoking again records nothing', () => {
      given([dao, keyCreated()]).when(revoke()).then([keyRevoked]);
      given([dao, keyCreated(), keyRevoked]).when(revoke()).then([]);
    });

    it('a DAO admin cannot revoke keys', () =>
      given([dao, keyCreated()]).when(revoke('key_1', adminMeta())).thenThrows('AUTH.PLATFORM_ADMIN_REQUIRED'));

    it('revoking an unknown key is not found', () => given([dao]).when(revoke('key_9')).thenThrows('ADMIN_KEY.NOT_FOUND'));

    it('the DAO state lists keys with their revocation', () => {
      const state = [dao, keyCreated(), keyRevoked].reduce(daoDecider.evolve, daoDecider.initialState());
      if (state.status !== 'Active') throw new Error('no DAO');
      expect(state.admins.keys.get('key_1')).toMatchObject({ name: 'ops', revokedAt: T0, revokedBy: PLATFORM_ADMIN });
    });
  });

  describe('admin wallets', () => {
    it('the platform admin lists a wallet; listing it again records nothing', () => {
      given([dao])
        .when(addWallet(bob))
        .then([walletAdded(bob)]);
      given([dao, walletAdded(bob)])
        .when(addWallet(bob))
        .then([]);
    });

    it('a DAO admin cannot list wallets', () => given([dao]).when(addWallet(bob, adminMeta())).thenThrows('AUTH.PLATFORM_ADMIN_REQUIRED'));

    it('removing an unlisted wallet is not found', () =>
      given([dao])
        .when({ type: 'RemoveDaoAdminWallet', data: { address: bob }, metadata: platform })
        .thenThrows('ADMIN_WALLET.NOT_FOUND'));
  });

  it('names admins by role, never by key material', () => {
    expect([PLATFORM_ADMIN, adminKeyActor('key_1'), siweActor(bob)].every(isAdminActor)).toBe(true);
    expect(isAdminActor(bob)).toBe(false);
    expect(isAdminActor('system:worker')).toBe(false);
  });
});
