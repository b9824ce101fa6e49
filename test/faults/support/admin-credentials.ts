import { randomUUID } from 'node:crypto';
import { PLATFORM_ADMIN, streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { issueDaoAdminKey, tokenDigest } from '@ayllu/platform';
import type { AdminKeyWithSecretView } from '../../../apps/api/src/admin-auth/admin-keys/admin-key.view';
import type { AdminSessionView, SiweChallengeView } from '../../../apps/api/src/admin-auth/admin-sessions/admin-session.view';
import type { DaoView } from '../../../apps/api/src/daos/dao.view';
import { TEST_ADMIN_KEY, type TestApi } from '../../support/api';
import { labelledAccounts } from '../../support/signing';

/** Every kind of admin credential the access matrix tries, valid or not. */
export const ADMIN_ROLES = [
  'platform admin',
  'admin of this DAO',
  'admin of another DAO',
  'revoked key',
  'expired key',
  'SIWE admin session',
  'SIWE non-admin session',
  'expired session',
] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Who may use a DAO's own admin routes, and who may decide who its admins are. */
export const DAO_ADMINS: readonly AdminRole[] = ['platform admin', 'admin of this DAO', 'SIWE admin session'];
export const PLATFORM_ONLY: readonly AdminRole[] = ['platform admin'];

const ok = <T>(what: string, res: { status: number; body: T }, status: number): T => {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

let wallets = 0;

/**
 * The bearer credential of one role for one DAO, made through the real API (as an operator would) except
 * where only time could make it: an expired key is recorded as issued two days ago, an expired session has
 * its end moved into the past.
 */
export const adminCredentials = (api: TestApi) => {
  // One key of another DAO serves every attempt: a DAO holds at most 50 live keys, and the matrix has more routes.
  let otherDaoKey: Promise<string> | undefined;
  const issue = async (daoId: string, name = `k-${randomUUID()}`) =>
    ok(
      'issue key',
      await api.request<AdminKeyWithSecretView>('POST', `/v1/daos/${daoId}/admin-keys`, { admin: true, body: { name } }),
      201,
    );
  const signIn = async (daoId: string) => {
    const [wallet] = labelledAccounts(`access-admin-${++wallets}`, 1);
    ok(
      'list wallet',
      await api.request('POST', `/v1/daos/${daoId}/admin-wallets`, { admin: true, body: { address: wallet.address } }),
      200,
    );
    const { message } = ok(
      'nonce',
      await api.request<SiweChallengeView>('POST', `/v1/daos/${daoId}/admin-sessions/nonce`, { body: { address: wallet.address } }),
      201,
    );
    const session = ok(
      'sign in',
      await api.request<AdminSessionView>('POST', `/v1/daos/${daoId}/admin-sessions`, {
        body: { message, signature: await wallet.signMessage({ message }) },
      }),
      201,
    );
    return { token: session.token, address: wallet.address };
  };
  const expiredKey = async (daoId: string) => {
    const issued = await issueDaoAdminKey(daoId);
    const day = 24 * 3600 * 1000;
    const data = {
      keyId: issued.keyId,
      name: `expired-${issued.keyId}`,
      secretHash: issued.secretHash,
      expiresAt: new Date(Date.now() - day).toISOString(),
      createdBy: PLATFORM_ADMIN,
      createdAt: new Date(Date.now() - 2 * day).toISOString(),
    };
    await new PostgresEventStore(api.db.pool).handle(
      { dao: streams.dao.of(daoId) },
      () => ({ dao: [{ type: 'DaoAdminKeyCreated' as const, data }] }),
      {
        context: { actor: PLATFORM_ADMIN, correlationId: randomUUID(), occurredAt: data.createdAt },
      },
    );
    return issued.key;
  };

  return async (role: AdminRole, daoId: string): Promise<string> => {
    switch (role) {
      case 'platform admin':
        return TEST_ADMIN_KEY;
      case 'admin of this DAO':
        return (await issue(daoId)).key!;
      case 'admin of another DAO':
        otherDaoKey ??= api
          .request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Another DAO' } })
          .then(async (res) => (await issue(ok('other DAO', res, 201).id)).key!);
        return otherDaoKey;
      case 'revoked key': {
        const { key, id } = await issue(daoId);
        ok('revoke', await api.request('DELETE', `/v1/daos/${daoId}/admin-keys/${id}`, { admin: true }), 200);
        return key!;
      }
      case 'expired key':
        return expiredKey(daoId);
      case 'SIWE admin session':
        return (await signIn(daoId)).token;
      case 'SIWE non-admin session': {
        // Signed in while listed; the wallet has since been removed from the DAO's admins.
        const { token, address } = await signIn(daoId);
        ok('remove wallet', await api.request('DELETE', `/v1/daos/${daoId}/admin-wallets/${address}`, { admin: true }), 200);
        return token;
      }
      case 'expired session': {
        const { token } = await signIn(daoId);
        await api.db.pool.query(`UPDATE admin_sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
          tokenDigest(token),
        ]);
        return token;
      }
    }
  };
};
