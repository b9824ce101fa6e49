import { streams } from '@ayllu/domain';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadNotificationConfig, NOTIFICATION_TYPES } from '@ayllu/notifications';
import { loadConfig } from '@ayllu/platform';
import { Webhook } from 'standardwebhooks';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { DeliveryPage, ReplayAccepted } from '../src/webhooks/deliveries/delivery.view';
import type { WebhookPage, WebhookView, WebhookWithSecretView } from '../src/webhooks/webhook.view';
import { NotificationDispatcher } from '../../worker/src/notifications/delivery/dispatcher';
import { outboxProjection } from '../../worker/src/notifications/outbox/outbox.projection';
import { Receiver } from '../../worker/src/notifications/testing/receiver';
import { LogProcessor } from '../../worker/src/processing/log-processor';

const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/** Given with a trailing slash, as an operator might: links have none doubled. */
const PUBLIC_URL = 'https://ayllu.example.org/coop/';

/** The part of the OpenAPI document the catalogue test reads. */
interface OpenApiDocument {
  readonly paths: Record<
    string,
    {
      readonly get: {
        readonly responses: Record<
          string,
          {
            readonly content: Record<
              string,
              {
                readonly examples: Record<string, { readonly value: { readonly link: string; readonly data: Record<string, unknown> } }>;
                readonly schema: { readonly items: { readonly properties: { readonly example: { readonly required: string[] } } } };
              }
            >;
          }
        >;
      };
    }
  >;
}

describe('Webhooks over HTTP', () => {
  let api: TestApi;
  let receiver: Receiver;
  let daoId: string;
  let store: PostgresEventStore;
  let clock = new Date();
  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL });
    store = new PostgresEventStore(api.db.pool);
    receiver = await new Receiver().start();
    daoId = (await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Hooked', founders: [BOB] } })).body.id;
  });
  afterAll(async () => {
    await receiver.stop();
    await api.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.reply = () => ({ status: 204 });
    clock = new Date();
  });

  /** `T` is `Problem` where the test expects a refusal. */
  const create = <T = WebhookWithSecretView>(body: Record<string, unknown>) =>
    api.request<T>('POST', `/v1/daos/${daoId}/webhooks`, { admin: true, body });
  const suspendBob = async (reason = 'KYC expired') => {
    const { events } = await store.append(
      [
        {
          streamId: streams.dao.of(daoId).streamId,
          expectedVersion: 'any',
          events: [{ type: 'MemberSuspended', data: { member: BOB, reason, suspendedBy: 'admin:t', suspendedAt: clock.toISOString() } }],
        },
      ],
      { actor: 'admin:test', correlationId: randomUUID(), occurredAt: clock.toISOString() },
    );
    return events[0].position;
  };
  /** What the worker does: fill the outbox from the log, then deliver what is due. */
  const work = async () => {
    await new LogProcessor(api.db.pool, store, [outboxProjection(() => clock)]).catchUp();
    // The worker reads PUBLIC_URL as the API does.
    const { publicUrl } = loadConfig({ NODE_ENV: 'test', PUBLIC_URL });
    await new NotificationDispatcher(api.db.pool, store, {
      config: loadNotificationConfig(process.env, 'test'),
      publicUrl,
      now: () => clock,
    }).drain();
  };
  const deleteAll = async () => {
    for (const w of (await api.request<WebhookPage>('GET', `/v1/daos/${daoId}/webhooks?limit=1000`, { admin: true })).body.items) {
      await api.request('DELETE', `/v1/daos/${daoId}/webhooks/${w.id}`, { admin: true });
    }
  };
  afterEach(deleteAll);

  it('creates a webhook and shows its secret once', async () => {
    const res = await create({ url: receiver.url, events: ['member.suspended'], format: 'standard', description: 'ops' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^wh_[0-9a-f]{28}$/),
      daoId,
      url: receiver.url,
      events: ['member.suspended'],
      status: 'active',
    });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await api.request<Partial<WebhookWithSecretView>>('GET', `/v1/daos/${daoId}/webhooks/${res.body.id}`, { admin: true });
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(JSON.stringify((await api.request('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).body)).not.toContain(
      res.body.secret.slice(6),
    );
    const stored = await api.db.pool.query<{ secret_encrypted: string }>('SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1', [
      res.body.id,
    ]);
    expect(stored.rows[0].secret_encrypted).not.toContain(res.body.secret.slice(6));
  });

  it.each([
    ['ftp://example.org/hook', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['http://10.0.0.1/hook', 'private'],
    ['http://192.168.1.10/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'link-local'],
    ['http://[::ffff:10.0.0.1]/hook', 'private'],
    ['http://[fe80::1]/hook', 'link-local'],
    ['http://100.64.0.1/hook', 'cgnat'],
    ['http://0.0.0.0/hook', 'unspecified'],
  ])('refuses %s (%s) with 422 naming the url', async (url) => {
    const res = await create<Problem>({ url, events: '*' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'WEBHOOK.URL_REFUSED', errors: [{ field: 'url' }] });
  });

  it('honours Idempotency-Key: a retried creation returns the same endpoint and secret and creates nothing', async () => {
    await deleteAll();
    const headers = { 'idempotency-key': `hook-${Date.now()}` };
    const body = { url: receiver.url, events: '*', description: 'retried' };
    /** `T` is `Problem` where the test expects a refusal. */
    const send = <T = WebhookWithSecretView>(b: Record<string, unknown>) =>
      api.request<T>('POST', `/v1/daos/${daoId}/webhooks`, { admin: true, headers, body: b });
    const [first, second] = await Promise.all([send(body), send(body)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(first.body.secret).toMatch(/^whsec_/);
    const listed = (await api.request<WebhookPage>('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).body;
    expect(listed.items).toHaveLength(1);
    const other = await send<Problem>({ ...body, description: 'another request' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await api.request<WebhookPage>('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).body.items).toHaveLength(1);
    await deleteAll();
  });

  it('answers a retried creation after a rotation without any secret: never the one rotated in since', async () => {
    await deleteAll();
    const headers = { 'idempotency-key': `hook-rotated-${Date.now()}` };
    const body = { url: receiver.url, events: '*', description: 'retried after rotation' };
    const send = () => api.request<WebhookWithSecretView>('POST', `/v1/daos/${daoId}/webhooks`, { admin: true, headers, body });
    const first = await send();
    expect(first.status).toBe(201);
    // Before any rotation a retry shows the secret the first answer showed, which is still the endpoint's.
    expect((await send()).body.secret).toBe(first.body.secret);
    const rotated = await api.request<WebhookWithSecretView>('POST', `/v1/daos/${daoId}/webhooks/${first.body.id}/secret-rotation`, {
      admin: true,
    });
    expect(rotated.status).toBe(201);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body).not.toHaveProperty('secret');
    expect(JSON.stringify(retry.body)).not.toContain(rotated.body.secret);
    expect((await api.request<WebhookPage>('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).body.items).toHaveLength(1);
    await deleteAll();
  });

  it('refuses bad bodies, unknown DAOs and missing credentials', async () => {
    expect((await create({ url: receiver.url, events: ['proposal.teleported'] })).status).toBe(400);
    expect((await create({ url: receiver.url, events: [] })).status).toBe(400);
    expect((await create({ url: receiver.url, events: '*', format: 'slack' })).status).toBe(400);
    expect((await create({ url: receiver.url, events: '*', secret: 'mine' })).status).toBe(400);
    const unknown = await api.request('POST', '/v1/daos/dao_0000000000000000000000000000/webhooks', {
      admin: true,
      body: { url: receiver.url, events: '*' },
    });
    expect(unknown.status).toBe(404);
    expect((await api.request('POST', `/v1/daos/${daoId}/webhooks`, { body: { url: receiver.url, events: '*' } })).status).toBe(401);
    expect((await api.request('GET', `/v1/daos/${daoId}/webhooks/wh_0000000000000000000000000000`, { admin: true })).status).toBe(404);
  });

  it('delivers events appended to the log, signed with the secret shown at creation, and logs the attempt', async () => {
    const { body: hook } = await create({ url: receiver.url, events: '*' });
    const position = await suspendBob();
    await work();
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    expect(new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({
      type: 'member.suspended',
      logPosition: position.toString(),
      // The DAO admin reviews a suspension on the DAO's admin page, under PUBLIC_URL.
      link: `https://ayllu.example.org/coop/daos/${daoId}/admin`,
    });
    const log = await api.request<DeliveryPage>('GET', `/v1/daos/${daoId}/webhooks/${hook.id}/deliveries`, { admin: true });
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: got.headers['webhook-id'],
        type: 'member.suspended',
        logPosition: position.toString(),
        status: 'delivered',
        nextAttemptAt: null,
        attempts: [expect.objectContaining({ attempt: 1, statusCode: 204, outcome: 'delivered', latencyMs: expect.any(Number) })],
      }),
    ]);
  });

  it('pauses (queuing), resumes (sending), and filters by type', async () => {
    const { body: hook } = await create({ url: receiver.url, events: '*' });
    const paused = await api.request<WebhookView>('PATCH', `/v1/daos/${daoId}/webhooks/${hook.id}`, {
      admin: true,
      body: { status: 'paused' },
    });
    expect(paused.body.status).toBe('paused');
    await suspendBob();
    await work();
    expect(receiver.received).toHaveLength(0);
    await api.request('PATCH', `/v1/daos/${daoId}/webhooks/${hook.id}`, {
      admin: true,
      body: { status: 'active', events: ['proposal.created'] },
    });
    await work();
    expect(receiver.received).toHaveLength(1); // queued while paused
    await suspendBob('filtered out');
    await work();
    expect(receiver.received).toHaveLength(1);
    expect(
      (await api.request('PATCH', `/v1/daos/${daoId}/webhooks/${hook.id}`, { admin: true, body: { url: 'http://10.1.1.1/' } })).status,
    ).toBe(422);
  });

  it('rotates the secret: the old and the new one both verify for 24 h', async () => {
    const { body: hook } = await create({ url: receiver.url, events: '*' });
    const rotated = await api.request<WebhookWithSecretView>('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/secret-rotation`, {
      admin: true,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt ?? '') - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    await suspendBob();
    await work();
    const got = receiver.received[0];
    for (const secret of [hook.secret, rotated.body.secret])
      expect(() => new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
  });

  it('lists dead letters and redelivers one with the same id', async () => {
    receiver.reply = () => ({ status: 500 });
    const { body: hook } = await create({ url: receiver.url, events: '*' });
    await suspendBob();
    for (let i = 0; i < 8; i++) {
      await work();
      clock = new Date(clock.getTime() + 11 * 3600_000);
    }
    const dead = await api.request<DeliveryPage>('GET', `/v1/daos/${daoId}/webhooks/${hook.id}/deliveries?status=dead`, { admin: true });
    expect(dead.body.items).toHaveLength(1);
    expect(dead.body.items[0].attempts).toHaveLength(8);
    receiver.reply = () => ({ status: 200 });
    const again = await api.request('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/deliveries/${dead.body.items[0].id}/redelivery`, {
      admin: true,
    });
    expect(again.status).toBe(202);
    await work();
    expect(receiver.received).toHaveLength(9);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([dead.body.items[0].id]));
    expect(
      (await api.request<DeliveryPage>('GET', `/v1/daos/${daoId}/webhooks/${hook.id}/deliveries?status=dead`, { admin: true })).body.items,
    ).toHaveLength(0);
    expect(
      (await api.request('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/deliveries/${randomUUID()}/redelivery`, { admin: true })).status,
    ).toBe(404);
  });

  it('replays everything since a log position with the original ids', async () => {
    const first = await suspendBob('before the webhook existed');
    const { body: hook } = await create({ url: receiver.url, events: ['member.suspended'] });
    await suspendBob('second');
    await work();
    expect(receiver.received).toHaveLength(1);
    const replay = await api.request<ReplayAccepted>('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/replay`, {
      admin: true,
      body: { since: first.toString() },
    });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ queued: 2, complete: true });
    clock = new Date(); // the API queued them at its own now
    await work();
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { id: string; data: { reason: string } });
    expect(bodies.map((b) => b.data.reason).sort()).toEqual(['before the webhook existed', 'second', 'second']);
    expect(bodies.filter((b) => b.data.reason === 'second').map((b) => b.id)).toEqual([bodies[0].id, bodies[0].id]);
    expect(
      (await api.request('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/replay`, { admin: true, body: { since: '999999999' } })).status,
    ).toBe(404);
    expect((await api.request('POST', `/v1/daos/${daoId}/webhooks/${hook.id}/replay`, { admin: true, body: { since: 'x' } })).status).toBe(
      400,
    );
  });

  it('deletes a webhook', async () => {
    const { body: hook } = await create({ url: receiver.url, events: '*' });
    expect((await api.request('DELETE', `/v1/daos/${daoId}/webhooks/${hook.id}`, { admin: true })).status).toBe(204);
    expect((await api.request('GET', `/v1/daos/${daoId}/webhooks/${hook.id}`, { admin: true })).status).toBe(404);
  });

  it('documents the routes and an example payload of every notification type in OpenAPI', async () => {
    const doc = (await api.request<OpenApiDocument>('GET', '/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/daos/{id}/webhooks',
        '/v1/daos/{id}/webhooks/{wid}',
        '/v1/daos/{id}/webhooks/{wid}/secret-rotation',
        '/v1/daos/{id}/webhooks/{wid}/deliveries',
        '/v1/daos/{id}/webhooks/{wid}/deliveries/{did}/redelivery',
        '/v1/daos/{id}/webhooks/{wid}/replay',
        '/v1/webhooks/notification-types',
      ]),
    );
    const examples = doc.paths['/v1/webhooks/notification-types'].get.responses['200'].content['application/json'].examples;
    // One example per type of the catalogue, however many the catalogue has.
    expect(Object.keys(examples).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    expect(examples['safe_transaction.execution_failed'].value.data).toMatchObject({ reason: expect.stringContaining('GS013') });
    expect(examples['safe_transaction.signatures_needed'].value.data.missingSigners).toHaveLength(1);
    expect(examples['processing.stream_quarantined'].value.data).toMatchObject({ processor: 'proposals', eventType: 'VoteCast' });
    expect(examples['safe_transaction.signatures_needed'].value.link).toMatch(
      /^https:\/\/ayllu\.example\.org\/daos\/dao_\w+\/treasury\/0x[0-9a-f]{64}$/,
    );
    const envelope = doc.paths['/v1/webhooks/notification-types'].get.responses['200'].content['application/json'].schema;
    expect(envelope.items.properties.example.required).toContain('link');
    // The route itself answers with links under the configured PUBLIC_URL.
    const catalogue = await api.request<{ type: string; example: { link: string } }[]>('GET', '/v1/webhooks/notification-types');
    expect(catalogue.body.map((c) => c.type)).toContain('timelock.scheduled');
    expect(catalogue.body.find((c) => c.type === 'proposal.created')!.example.link).toBe(
      'https://ayllu.example.org/coop/daos/dao_0193a1b2c3d4e5f60718293a4b5c/proposals/b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    );
  });
});
