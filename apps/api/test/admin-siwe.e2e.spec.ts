import { expect } from '@jest/globals';
import { createSiweMessage, parseSiweMessage } from 'viem/siwe';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { AdminSessionView, SiweChallengeView } from '../src/admin-auth/admin-sessions/admin-session.view';
import type { DaoView } from '../src/daos/dao.view';

const [admin, stranger, otherAdmin, memberA, memberB] = labelledAccounts('admin-siwe', 5) as [
  TestSigner,
  TestSigner,
  TestSigner,
  TestSigner,
  TestSigner,
];

describe('Sign-In with Ethereum for admin wallets', () => {
  let api: TestApi;
  let daoA: string;
  let daoB: string;
  beforeAll(async () => {
    api = await startTestApi();
    const create = async (name: string) =>
      (await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name, founders: [memberA.address, memberB.address] } })).body
        .id;
    daoA = await create('A');
    daoB = await create('B');
    for (const [dao, wallet] of [
      [daoA, admin],
      [daoB, otherAdmin],
    ] as const) {
      const listed = await api.request('POST', `/v1/daos/${dao}/admin-wallets`, {
        admin: true,
        body: { address: wallet.address.toLowerCase() },
      });
      expect(listed.status).toBe(200);
    }
  });
  afterAll(() => api.close());

  const challenge = async (daoId: string, wallet: TestSigner) => {
    const res = await api.request<SiweChallengeView>('POST', `/v1/daos/${daoId}/admin-sessions/nonce`, {
      body: { address: wallet.address },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const signIn = (daoId: string, message: string, signature: string) =>
    api.request<AdminSessionView & Problem>('POST', `/v1/daos/${daoId}/admin-sessions`, { body: { message, signature } });
  const session = async (daoId: string, wallet: TestSigner) => {
    const { message } = await challenge(daoId, wallet);
    const res = await signIn(daoId, message, await wallet.signMessage({ message }));
    expect(res.status).toBe(201);
    return res.body.token;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  it('serves an EIP-4361 message naming this deployment, the chain and the DAO', async () => {
    const { message, nonce } = await challenge(daoA, admin);
    const fields = parseSiweMessage(message);
    expect(fields).toMatchObject({ address: admin.address, chainId: 31337, nonce, version: '1', resources: [`urn:ayllu:dao:${daoA}`] });
    expect(fields.domain).toBe('127.0.0.1:3000');
    expect(fields.expirationTime!.getTime()).toBeGreaterThan(Date.now());
  });

  it('a listed wallet signs the served message and administers that DAO as siwe:<address>, and no other', async () => {
    const { message } = await challenge(daoA, admin);
    const res = await signIn(daoA, message, await admin.signMessage({ message }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ daoId: daoA, address: admin.address, actor: `siwe:${admin.address}` });
    const token = res.body.token;
    expect(token).toMatch(/^ayllu_ses\./);
    const stored = JSON.stringify((await api.db.pool.query('SELECT * FROM admin_sessions')).rows);
    expect(stored).not.toContain(token);

    const suspended = await api.request('POST', `/v1/daos/${daoA}/members/${memberA.address}/suspension`, {
      headers: bearer(token),
      body: { reason: 'r' },
    });
    expect(suspended.status).toBe(201);
    const last = (
      await api.db.pool.query<{ data: { suspendedBy: string }; metadata: { actor: string } }>(
        `SELECT data, metadata FROM events WHERE type = 'MemberSuspended' ORDER BY global_position DESC LIMIT 1`,
      )
    ).rows[0];
    expect(last.metadata.actor).toBe(`siwe:${admin.address}`);
    expect(last.data.suspendedBy).toBe(`siwe:${admin.address}`);

    const before = await eventCount();
    const other = await api.request<Problem>('POST', `/v1/daos/${daoB}/members/${memberA.address}/suspension`, {
      headers: bearer(token),
      body: { reason: 'r' },
    });
    expect(other.status).toBe(403);
    expect((await api.request('POST', '/v1/daos', { headers: bearer(token), body: { name: 'x' } })).status).toBe(403);
    expect((await api.request('POST', `/v1/daos/${daoA}/admin-keys`, { headers: bearer(token), body: { name: 'x' } })).status).toBe(403);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a replayed message: a nonce signs in once', async () => {
    const { message } = await challenge(daoA, admin);
    const signature = await admin.signMessage({ message });
    expect((await signIn(daoA, message, signature)).status).toBe(201);
    const replay = await signIn(daoA, message, signature);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SIWE.NONCE_USED');
  });

  it('refuses two copies of one signed message sent at once but one', async () => {
    const { message } = await challenge(daoA, admin);
    const signature = await admin.signMessage({ message });
    const answers = await Promise.all([1, 2, 3, 4].map(() => signIn(daoA, message, signature)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 401, 401, 401]);
  });

  it('refuses a message for another domain, URI or chain, even with a nonce this server issued', async () => {
    for (const [change, code] of [
      [{ domain: 'evil.example' }, 'SIWE.WRONG_DOMAIN'],
      [{ uri: 'https://evil.example' }, 'SIWE.WRONG_URI'],
      [{ chainId: 1 }, 'SIWE.WRONG_CHAIN'],
    ] as const) {
      const { message } = await challenge(daoA, admin);
      const forged = createSiweMessage({ ...parseSiweMessage(message), ...change } as Parameters<typeof createSiweMessage>[0]);
      const res = await signIn(daoA, forged, await admin.signMessage({ message: forged }));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(code);
    }
  });

  it('refuses a message signed by another wallet, a nonce of another DAO, and an unlisted wallet', async () => {
    const { message } = await challenge(daoA, admin);
    const wrongSigner = await signIn(daoA, message, await stranger.signMessage({ message }));
    expect(wrongSigner.status).toBe(401);
    expect(wrongSigner.body.code).toBe('SIWE.INVALID_SIGNATURE');

    const forB = await challenge(daoB, otherAdmin);
    const crossDao = await signIn(daoA, forB.message, await otherAdmin.signMessage({ message: forB.message }));
    expect(crossDao.status).toBe(401);
    expect(crossDao.body.code).toBe('SIWE.UNKNOWN_NONCE');

    const own = await challenge(daoA, stranger);
    const nonAdmin = await signIn(daoA, own.message, await stranger.signMessage({ message: own.message }));
    expect(nonAdmin.status).toBe(403);
    expect(nonAdmin.body.code).toBe('SIWE.NOT_AN_ADMIN');
  });

  it('signs out: the session presented stops working, and only a session can sign out', async () => {
    const token = await session(daoA, admin);
    const other = await session(daoA, admin);
    expect((await api.request('DELETE', `/v1/daos/${daoA}/admin-sessions/current`, { headers: bearer(token) })).status).toBe(204);
    expect((await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(token) })).status).toBe(401);
    expect((await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(other) })).status).toBe(200);
    const platform = await api.request<Problem>('DELETE', `/v1/daos/${daoA}/admin-sessions/current`, { admin: true });
    expect(platform.status).toBe(409);
    expect(platform.body.code).toBe('AUTH.NOT_A_SESSION');
  });

  it('ends every session of a wallet removed from the DAO, and a session at its expiry', async () => {
    const token = await session(daoB, otherAdmin);
    expect((await api.request('GET', `/v1/daos/${daoB}/webhooks`, { headers: bearer(token) })).status).toBe(200);
    // A session's end, brought forward (the clock is the database's).
    const expiring = await session(daoB, otherAdmin);
    await api.db.pool.query(
      `UPDATE admin_sessions SET expires_at = now() - interval '1 second' WHERE address = $1 AND created_at = (SELECT max(created_at) FROM admin_sessions)`,
      [otherAdmin.address],
    );
    const expired = await api.request<Problem>('GET', `/v1/daos/${daoB}/webhooks`, { headers: bearer(expiring) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('AUTH.SESSION_EXPIRED');

    const removed = await api.request('DELETE', `/v1/daos/${daoB}/admin-wallets/${otherAdmin.address}`, { admin: true });
    expect(removed.status).toBe(200);
    const refused = await api.request<Problem>('GET', `/v1/daos/${daoB}/webhooks`, { headers: bearer(token) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.NOT_AN_ADMIN');
    const removal = (
      await api.db.pool.query<{ metadata: { actor: string } }>(`SELECT metadata FROM events WHERE type = 'DaoAdminWalletRemoved'`)
    ).rows;
    expect(removal.map((r) => r.metadata.actor)).toEqual(['admin:platform']);
  });
});
