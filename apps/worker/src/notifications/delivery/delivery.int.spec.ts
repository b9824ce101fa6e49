import { streams } from '@ayllu/domain';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { DISCORD_LIMITS, embedCharacters, type NotificationEnvelope } from '@ayllu/notifications';
import { Receiver } from '../testing/receiver';
import { startNotificationHarness, type NotificationHarness } from '../testing/notification-harness';
import { claimDue } from './claim-due';
import { RETRY_DELAYS_MS } from './retry-schedule';

const DAO = 'dao_0193a1b2c3d4e5f60718293a4b5c';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('webhook delivery to real HTTP receivers', () => {
  let h: NotificationHarness;
  let receiver: Receiver;
  beforeEach(async () => {
    h = await startNotificationHarness(DAO);
    receiver = await new Receiver().start();
  });
  afterEach(async () => {
    await receiver.stop();
    await h.close();
  });

  const suspendBob = (reason = 'KYC expired') =>
    h.append(streams.dao.of(DAO).streamId, 'MemberSuspended', {
      member: BOB,
      reason,
      suspendedBy: 'admin:test',
      suspendedAt: h.now.toISOString(),
    });
  const attempts = async () =>
    (
      await h.db.pool.query<{ attempt: number; started_at: Date; status_code: number | null; error: string | null; outcome: string }>(
        'SELECT attempt, started_at, status_code, error, outcome FROM notification_attempts ORDER BY id',
      )
    ).rows;
  const notification = async () =>
    (
      await h.db.pool.query<{ status: string; attempt: number; next_attempt_at: Date; last_status_code: number | null }>(
        'SELECT * FROM notifications',
      )
    ).rows[0];

  it('sends a signed standard webhook that standardwebhooks verifies, carrying its id and log position', async () => {
    const { secret } = await h.createEndpoint({ url: receiver.url });
    await suspendBob();
    await h.fillOutbox();
    expect(await h.dispatcher().runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as NotificationEnvelope;
    expect(verified).toMatchObject({ type: 'member.suspended', daoId: DAO, data: { member: BOB, reason: 'KYC expired' } });
    // The harness's PUBLIC_URL is https://ayllu.example.org/coop: a suspension is reviewed on the DAO's admin page.
    expect(verified.link).toBe(`https://ayllu.example.org/coop/daos/${DAO}/admin`);
    expect(got.headers['webhook-id']).toBe(verified.id);
    expect(got.headers['ayllu-log-position']).toBe(verified.logPosition);
    expect(Number(verified.logPosition)).toBeGreaterThan(0);
    expect(await notification()).toMatchObject({ status: 'delivered', last_status_code: 204 });
  });

  it('keeps retrying a receiver that is down, on the schedule, and delivers once it is up', async () => {
    await h.createEndpoint({ url: receiver.url });
    await receiver.stop(); // connection refused from here on
    await suspendBob();
    await h.fillOutbox();
    const dispatcher = h.dispatcher();
    const t0 = h.now.getTime();
    await dispatcher.runOnce();
    expect(await dispatcher.runOnce()).toBe(0); // not due again before 5 s
    h.advance(5_000);
    expect(await dispatcher.runOnce()).toBe(1);
    h.advance(RETRY_DELAYS_MS[2] - 1);
    expect(await dispatcher.runOnce()).toBe(0);
    await receiver.start();
    h.advance(1);
    expect(await dispatcher.runOnce()).toBe(1);
    const log = await attempts();
    expect(log.map((a) => a.outcome)).toEqual(['retry', 'retry', 'delivered']);
    expect(log.map((a) => a.started_at.getTime() - t0)).toEqual([0, 5_000, 5_000 + 300_000]);
    expect(log[0].error).toMatch(/ECONNREFUSED/);
    expect(receiver.received).toHaveLength(1);
    expect(await notification()).toMatchObject({ status: 'delivered', attempt: 3 });
  });

  it('answers 500s through the whole schedule, then dead-letters the message', async () => {
    receiver.reply = () => ({ status: 500 });
    await h.createEndpoint({ url: receiver.url });
    await suspendBob();
    await h.fillOutbox();
    const dispatcher = h.dispatcher();
    const t0 = h.now.getTime();
    for (const delay of RETRY_DELAYS_MS) {
      h.advance(delay);
      expect(await dispatcher.runOnce()).toBe(1);
    }
    h.advance(24 * 3600_000);
    expect(await dispatcher.runOnce()).toBe(0);
    const log = await attempts();
    expect(log.map((a) => a.outcome)).toEqual([...Array<string>(7).fill('retry'), 'dead']);
    const cumulative = RETRY_DELAYS_MS.map((_, i) => RETRY_DELAYS_MS.slice(0, i + 1).reduce((a, b) => a + b, 0));
    expect(log.map((a) => a.started_at.getTime() - t0)).toEqual(cumulative);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(await notification()).toMatchObject({ status: 'dead', last_status_code: 500 });
  });

  it('gives up on a slow receiver at the timeout and tries again later', async () => {
    receiver.reply = (_r, i) => (i === 0 ? { status: 200, delayMs: 1500 } : { status: 200 });
    await h.createEndpoint({ url: receiver.url });
    await suspendBob();
    await h.fillOutbox();
    const dispatcher = h.dispatcher({ timeoutMs: 300 });
    const started = Date.now();
    await dispatcher.runOnce();
    expect(Date.now() - started).toBeLessThan(1400);
    expect((await attempts())[0]).toMatchObject({ outcome: 'retry', status_code: null, error: 'timeout' });
    h.advance(5_000);
    await dispatcher.runOnce();
    expect((await notification()).status).toBe('delivered');
  });

  it('disables an endpoint that answers 410 at once, and tells the DAO admins through its other endpoints', async () => {
    const admins = await new Receiver().start();
    try {
      receiver.reply = () => ({ status: 410 });
      const gone = await h.createEndpoint({ url: receiver.url });
      await h.createEndpoint({ url: admins.url, events: ['webhook.endpoint_disabled'] });
      await suspendBob();
      await h.fillOutbox();
      await h.dispatcher().runOnce();
      expect(await h.endpoints.get(DAO, gone.id)).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
      await h.fillOutbox();
      h.advance(10_000);
      expect(await h.dispatcher().runOnce()).toBe(1); // the notice to the admins; nothing more to the gone endpoint
      expect(admins.received.map((r) => r.json)).toEqual([
        expect.objectContaining({
          type: 'webhook.endpoint_disabled',
          data: expect.objectContaining({ endpointId: gone.id, reason: 'gone' }) as unknown,
        }),
      ]);
      expect(JSON.stringify(admins.received[0].json)).not.toContain('/hook');
      expect(receiver.received).toHaveLength(1);
    } finally {
      await admins.stop();
    }
  });

  it('disables an endpoint failing for 5 days and tells the admins', async () => {
    const admins = await new Receiver().start();
    try {
      receiver.reply = () => ({ status: 503 });
      const failing = await h.createEndpoint({ url: receiver.url, events: ['member.suspended'] });
      await h.createEndpoint({ url: admins.url, events: ['webhook.endpoint_disabled'] });
      const dispatcher = h.dispatcher();
      for (let day = 0; day <= 5; day++) {
        await suspendBob(`day ${day}`);
        await h.fillOutbox();
        await dispatcher.runOnce();
        expect((await h.endpoints.get(DAO, failing.id))!.status).toBe(day < 5 ? 'active' : 'disabled');
        h.advance(24 * 3600_000);
      }
      await h.fillOutbox();
      await dispatcher.runOnce();
      expect(admins.received.map((r) => (r.json as NotificationEnvelope).data)).toEqual([
        expect.objectContaining({ endpointId: failing.id, reason: 'failing' }),
      ]);
    } finally {
      await admins.stop();
    }
  });

  it('honours a 429 retry_after without using up an attempt', async () => {
    receiver.reply = (_r, i) =>
      i === 0
        ? {
            status: 429,
            body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 2.5, global: false }),
            headers: { 'content-type': 'application/json' },
          }
        : { status: 204 };
    await h.createEndpoint({ url: receiver.url, format: 'discord' });
    await suspendBob();
    await h.fillOutbox();
    const dispatcher = h.dispatcher();
    await dispatcher.runOnce();
    const throttled = await notification();
    expect(throttled.next_attempt_at.getTime() - h.now.getTime()).toBe(2500);
    expect(throttled.attempt).toBe(0);
    h.advance(2499);
    expect(await dispatcher.runOnce()).toBe(0);
    h.advance(1);
    expect(await dispatcher.runOnce()).toBe(1);
    expect(await notification()).toMatchObject({ status: 'delivered', attempt: 1 });
  });

  it('sends Discord messages within Discord limits, even for a 10,000-character reason', async () => {
    await h.createEndpoint({ url: receiver.url, format: 'discord' });
    await suspendBob('x'.repeat(10_000));
    await h.fillOutbox();
    await h.dispatcher().runOnce();
    const message = receiver.received[0].json as RESTPostAPIWebhookWithTokenJSONBody;
    expect(message.embeds!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    const embed = message.embeds![0];
    expect(embed.title).toBe('Member suspended');
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    expect(embed.fields!.every((f) => f.value.length <= 1024)).toBe(true);
    expect(message.embeds!.reduce((n, e) => n + embedCharacters(e), 0)).toBeLessThanOrEqual(6000);
    expect(embed.fields![0]).toMatchObject({ name: 'Member', value: '0x3C44…93BC' });
    const link = `https://ayllu.example.org/coop/daos/${DAO}/admin`;
    expect(embed.url).toBe(link);
    expect(embed.description).toBe(`[Open the DAO's admin page](<${link}>)`);
  });

  it('links notifications queued before a new PUBLIC_URL under the new one (the link is drawn when sent)', async () => {
    await h.createEndpoint({ url: receiver.url });
    await suspendBob();
    await h.fillOutbox();
    const { rows } = await h.db.pool.query<{ payload: Record<string, unknown> }>('SELECT payload FROM notifications');
    expect(rows[0].payload).not.toHaveProperty('link');
    await h.dispatcher({ publicUrl: 'https://moved.example.net' }).runOnce();
    expect((receiver.received[0].json as NotificationEnvelope).link).toBe(`https://moved.example.net/daos/${DAO}/admin`);
  });

  it('signs with the old and the new secret for 24 h after a rotation', async () => {
    const { id, secret: old } = await h.createEndpoint({ url: receiver.url });
    const rotated = (await h.endpoints.rotateSecret(DAO, id, h.now))!.secret;
    await suspendBob();
    await h.fillOutbox();
    await h.dispatcher().runOnce();
    const first = receiver.received[0];
    for (const secret of [old, rotated])
      expect(() => new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).not.toThrow();
    expect(String(first.headers['webhook-signature']).split(' ')).toHaveLength(2);
    h.advance(24 * 3600_000 + 1);
    await suspendBob('again');
    await h.fillOutbox();
    await h.dispatcher().runOnce();
    expect(String(receiver.received[1].headers['webhook-signature']).split(' ')).toHaveLength(1);
  });

  it('redelivers once, with the same id, when a worker dies between claim and record', async () => {
    await h.createEndpoint({ url: receiver.url });
    await suspendBob();
    await h.fillOutbox();
    // Another process claims and dies without sending or recording.
    const other = new Pool({ connectionString: h.db.url, max: 1 });
    const [claimed] = await claimDue(other, h.now, 60_000, 10, 'dead-worker');
    await other.end();
    const dispatcher = h.dispatcher();
    expect(await dispatcher.runOnce()).toBe(0); // the lease still holds
    h.advance(59_999);
    expect(await dispatcher.runOnce()).toBe(0);
    h.advance(1);
    expect(await dispatcher.runOnce()).toBe(1);
    h.advance(3600_000);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([claimed.id]);
    expect(await notification()).toMatchObject({ status: 'delivered', attempt: 2 });
  });

  it('lets several workers share the queue without sending a message twice', async () => {
    await h.createEndpoint({ url: receiver.url });
    for (let i = 0; i < 40; i++) await suspendBob(`reason ${i}`);
    await h.fillOutbox();
    const workers = Array.from({ length: 4 }, () => h.dispatcher({ batchSize: 5 }));
    await Promise.all(workers.map((w) => w.drain()));
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
