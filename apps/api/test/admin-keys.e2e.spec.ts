import { createHash } from 'node:crypto';
import { expect } from '@jest/globals';
import { streams } from '@ayllu/domain';
import { startTestApi, TEST_ADMIN_KEY, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts } from '../../../test/support/signing';
import type { AdminKeyView, AdminKeyWithSecretView } from '../src/admin-auth/admin-keys/admin-key.view';
import type { AdminKeyPage } from '../src/admin-auth/admin-keys/list-admin-keys/list-admin-keys.controller';
import type { DaoView } from '../src/daos/dao.view';

const [ALICE, BOB, CAROL] = labelledAccounts('admin-keys', 3).map((a) => a.address);
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DAO admin keys over HTTP', () => {
  let api: TestApi;
  let daoA: string;
  let daoB: string;
  beforeAll(async () => {
    api = await startTestApi();
    const create = async (name: string) =>
      (await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name, founders: [ALICE, BOB, CAROL] } })).body.id;
    daoA = await create('A');
    daoB = await create('B');
  });
  afterAll(() => api.close());

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const issue = (daoId: string, body: Record<string, unknown>, headers: Record<string, string> = bearer(TEST_ADMIN_KEY)) =>
    api.request<AdminKeyWithSecretView>('POST', `/v1/daos/${daoId}/admin-keys`, { headers, body });
  const events = async () =>
    (
      await api.db.pool.query<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>(
        'SELECT type, data, metadata FROM events ORDER BY global_position',
      )
    ).rows;
  const eventCount = async () => (await events()).length;

  it('shows a new key once; lists it without the key or its hash; records only a hash', async () => {
    const res = await issue(daoA, { name: 'ops' }, { ...bearer(TEST_ADMIN_KEY), 'idempotency-key': 'issue-ops' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^key_[0-9a-f]{24}$/),
      daoId: daoA,
      name: 'ops',
      status: 'active',
      createdBy: 'admin:platform',
    });
    const key = res.body.key!;
    expect(key).toMatch(/^ayllu_dak\./);
    const secret = key.split('.').at(-1)!;

    const retry = await issue(daoA, { name: 'ops' }, { ...bearer(TEST_ADMIN_KEY), 'idempotency-key': 'issue-ops' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: res.body.id, key: null });

    const list = await api.request<AdminKeyPage>('GET', `/v1/daos/${daoA}/admin-keys`, { admin: true });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [expect.objectContaining({ id: res.body.id, name: 'ops', status: 'active' })], nextCursor: null });
    expect(JSON.stringify(list.body)).not.toMatch(/secret|scrypt|ayllu_dak/i);

    // The public audit log names the key and who issued it, not its hash.
    const audit = await api.request<{ items: { type: string; actor: string; data: Record<string, unknown> }[] }>(
      'GET',
      `/v1/daos/${daoA}/events`,
    );
    const issuedEntry = audit.body.items.find((e) => e.type === 'DaoAdminKeyCreated');
    expect(issuedEntry).toMatchObject({ actor: 'admin:platform', data: { keyId: res.body.id, name: 'ops' } });
    expect(issuedEntry?.data).not.toHaveProperty('secretHash');

    const created = (await events()).filter((e) => e.type === 'DaoAdminKeyCreated');
    expect(created).toHaveLength(1);
    expect(created[0].data).toMatchObject({ keyId: res.body.id, secretHash: expect.stringMatching(/^scrypt\$/) });
    const stored =
      JSON.stringify(await api.db.pool.query('SELECT * FROM events')) +
      JSON.stringify(await api.db.pool.query('SELECT * FROM idempotency_keys'));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(createHash('sha256').update(secret).digest('hex'));
  });

  it("administers its own DAO and nothing of another; DAO and key creation stay the platform admin's", async () => {
    const { key, id } = (await issue(daoA, { name: 'scoped' })).body;
    const own = await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(key!) });
    expect(own.status).toBe(200);
    const suspended = await api.request('POST', `/v1/daos/${daoA}/members/${ALICE}/suspension`, {
      headers: bearer(key!),
      body: { reason: 'spam' },
    });
    expect(suspended.status).toBe(201);

    const before = await eventCount();
    const other = await api.request<Problem>('POST', `/v1/daos/${daoB}/members/${ALICE}/suspension`, {
      headers: bearer(key!),
      body: { reason: 'spam' },
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTH.OTHER_DAO');
    expect((await api.request('GET', `/v1/daos/${daoB}/webhooks`, { headers: bearer(key!) })).status).toBe(403);
    const newDao = await api.request<Problem>('POST', '/v1/daos', { headers: bearer(key!), body: { name: 'mine' } });
    expect(newDao.status).toBe(403);
    expect(newDao.body.code).toBe('AUTH.PLATFORM_ADMIN_REQUIRED');
    const newKey = await issue(daoA, { name: 'another' }, bearer(key!));
    expect(newKey.status).toBe(403);
    expect((await api.request('DELETE', `/v1/daos/${daoA}/admin-keys/${id}`, { headers: bearer(key!) })).status).toBe(403);
    expect((await api.request('POST', `/v1/daos/${daoA}/admin-wallets`, { headers: bearer(key!), body: { address: BOB } })).status).toBe(
      403,
    );
    expect(await eventCount()).toBe(before);
  });

  it('names the admin who acted in every event, never a part of a key', async () => {
    const { key, id } = (await issue(daoA, { name: 'named' })).body;
    await api.request('POST', `/v1/daos/${daoA}/members/${BOB}/suspension`, { headers: bearer(key!), body: { reason: 'r' } });
    await api.request('POST', `/v1/daos/${daoA}/members/${BOB}/reinstatement`, { admin: true, body: { reason: 'r' } });
    const log = await events();
    const suspension = log.filter((e) => e.type === 'MemberSuspended').at(-1)!;
    expect(suspension.metadata.actor).toBe(`admin-key:${id}`);
    expect(suspension.data.suspendedBy).toBe(`admin-key:${id}`);
    const reinstatement = log.filter((e) => e.type === 'MemberReinstated').at(-1)!;
    expect(reinstatement.metadata.actor).toBe('admin:platform');
    expect(reinstatement.data.reinstatedBy).toBe('admin:platform');
    const created = log.find((e) => e.type === 'DaoCreated')!;
    expect(created.data.createdBy).toBe('admin:platform');

    const platformDigest = createHash('sha256').update(TEST_ADMIN_KEY).digest('hex');
    const text = JSON.stringify(log);
    expect(text).not.toContain(TEST_ADMIN_KEY);
    expect(text).not.toContain(platformDigest.slice(0, 12));
    expect(text).not.toContain(key!.split('.').at(-1)!);
    for (const e of log)
      expect(String(e.metadata.actor)).toMatch(
        /^(admin:platform|admin-key:key_[0-9a-f]{24}|siwe:0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{40}|system:.+)$/,
      );
  });

  it('stops working the moment it is revoked', async () => {
    const { key, id } = (await issue(daoA, { name: 'revoked' })).body;
    expect((await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(key!) })).status).toBe(200);
    const revoked = await api.request<AdminKeyView>('DELETE', `/v1/daos/${daoA}/admin-keys/${id}`, { admin: true });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, status: 'revoked', revokedBy: 'admin:platform' });
    const refused = await api.request<Problem>('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(key!) });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.KEY_REVOKED');
    const before = await eventCount();
    expect(
      (await api.request('POST', `/v1/daos/${daoA}/members/${CAROL}/suspension`, { headers: bearer(key!), body: { reason: 'r' } })).status,
    ).toBe(401);
    expect(await eventCount()).toBe(before);
    // Revoking again records nothing more.
    expect((await api.request('DELETE', `/v1/daos/${daoA}/admin-keys/${id}`, { admin: true })).status).toBe(200);
    expect(await eventCount()).toBe(before);
  });

  it('stops working when it expires', async () => {
    const { key } = (await issue(daoA, { name: 'short', expiresAt: inSeconds(6) })).body;
    expect((await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(key!) })).status).toBe(200);
    await sleep(6500);
    const refused = await api.request<Problem>('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(key!) });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.KEY_EXPIRED');
    const list = await api.request<AdminKeyPage>('GET', `/v1/daos/${daoA}/admin-keys`, { admin: true });
    expect(list.body.items.find((k) => k.name === 'short')?.status).toBe('expired');
  });

  it("lets a DAO admin resume its own DAO's quarantined stream only, and answers crafted paths with a 4xx", async () => {
    const { key } = (await issue(daoA, { name: 'operator' })).body;
    const quarantine = async (daoId: string) => {
      const streamId = streams.dao.of(daoId).streamId;
      await api.db.pool.query(
        `INSERT INTO processor_quarantines (processor, stream_id, dao_id, event_version, event_position, event_type, reason)
         VALUES ('dao', $1, $2, 1, 1, 'DaoCreated', 'test') ON CONFLICT DO NOTHING`,
        [streamId, daoId],
      );
      return `/v1/admin/quarantines/dao/${streamId}/resume`;
    };
    const own = await api.request('POST', await quarantine(daoA), { headers: bearer(key!) });
    expect(own.status).toBe(202);
    const other = await api.request<Problem>('POST', await quarantine(daoB), { headers: bearer(key!) });
    expect(other.status).toBe(403);
    for (const path of ['/v1/admin/quarantines/dao/%00/resume', `/v1/admin/quarantines/${'p'.repeat(400)}/x/resume`]) {
      const res = await api.request('POST', path, { headers: bearer(key!) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const resumedBy = await api.db.pool.query<{ resume_requested_by: string | null; dao_id: string }>(
      'SELECT dao_id, resume_requested_by FROM processor_quarantines',
    );
    expect(Object.fromEntries(resumedBy.rows.map((r) => [r.dao_id, r.resume_requested_by]))).toEqual({
      [daoA]: expect.stringMatching(/^admin-key:key_/),
      [daoB]: null,
    });
  });

  it('refuses a tampered key, an impossible expiry, a blank name, and an unknown DAO, changing nothing', async () => {
    const { key } = (await issue(daoA, { name: 'tamper' })).body;
    const tampered = `${key!.slice(0, -2)}${key!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await api.request('GET', `/v1/daos/${daoA}/webhooks`, { headers: bearer(tampered) })).status).toBe(401);
    const before = await eventCount();
    const impossible = await issue(daoA, { name: 'x', expiresAt: '2027-02-31T00:00:00Z' });
    expect(impossible.status).toBe(400);
    expect((impossible.body as unknown as Problem).errors?.[0]?.field).toBe('expiresAt');
    const past = await issue(daoA, { name: 'x', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect((past.body as unknown as Problem).errors?.[0]?.field).toBe('expiresAt');
    const blank = await issue(daoA, { name: '' });
    expect(blank.status).toBe(400);
    expect((await issue(`dao_${'0'.repeat(28)}`, { name: 'x' })).status).toBe(404);
    expect(await eventCount()).toBe(before);
  });
});
