import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { streams } from '@ayllu/domain';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { WebhookWithSecretView } from '../src/webhooks/webhook.view';
import { labelled } from './rosca-writes.fixture';
import { shareWorld, txHash, type ShareWorld } from './share-writes.fixture';

const [alice, bob] = labelledAccounts('list-paging', 2) as [TestSigner, TestSigner];

interface Page {
  readonly items: unknown[];
  readonly nextCursor: string | null;
}

/**
 * Every list route pages alike: `{ items, nextCursor }`, `limit`, an opaque `cursor`, and `Link: <...>; rel="next"`
 * on every page but the last. Each route is walked two items a page by its Link header, against one big page.
 */
describe('Paging on every list route', () => {
  let api: TestApi;
  let world: ShareWorld;
  let daoId: string;
  let webhookId: string;
  beforeAll(async () => {
    api = await startTestApi();
    world = shareWorld(api);
    daoId = await world.createDao([alice, bob]);
    for (const name of ['Paged B', 'Paged C']) await world.createDao([alice], { name });
    await world.deployTreasury(daoId, [alice, bob]);
    for (let i = 0; i < 3; i++) await world.createSharePool(daoId);
    for (let i = 0; i < 3; i++) await world.createPool(daoId);
    for (let i = 0; i < 3; i++) {
      const hook = await api.request<WebhookWithSecretView>('POST', `/v1/daos/${daoId}/webhooks`, {
        admin: true,
        body: { url: `http://127.0.0.1:9/hook-${i}`, events: '*' },
      });
      expect(hook.status).toBe(201);
      webhookId = hook.body.id;
    }
    for (const name of ['ops', 'audit', 'treasury']) {
      expect((await api.request('POST', `/v1/daos/${daoId}/admin-keys`, { admin: true, body: { name } })).status).toBe(201);
    }
    for (const label of ['one', 'two', 'three']) {
      const address = labelled(`list-paging:wallet:${label}`);
      expect((await api.request('POST', `/v1/daos/${daoId}/admin-wallets`, { admin: true, body: { address } })).status).toBe(200);
    }
    await proposeSafeTransactions();
    await insertDeliveries();
    await world.project();
  });
  afterAll(() => api.close());

  /** Safe transactions as the worker proposes them; two share nonce 1 (a replacement), so the tie-breaker counts. */
  const proposeSafeTransactions = async () => {
    const safe = labelled(`${daoId}:safe`);
    const zero = `0x${'0'.repeat(40)}`;
    const events = [0n, 1n, 1n, 2n].map((nonce, i) => ({
      type: 'SafeTransactionProposed',
      data: {
        daoId,
        proposalId: null,
        purpose: 'enable_module',
        safeTxHash: txHash(100 + i),
        nonce,
        transaction: {
          to: safe,
          value: 0n,
          data: '0x',
          operation: 0,
          safeTxGas: 0n,
          baseGas: 0n,
          gasPrice: 0n,
          gasToken: zero,
          refundReceiver: zero,
        },
        operationId: txHash(0),
        salt: txHash(0),
        calls: [{ to: safe, value: 0n, data: '0x', description: `call ${i}` }],
        proposedAt: new Date().toISOString(),
      },
    }));
    await world.store.append([{ streamId: streams.treasury.of(daoId).streamId, expectedVersion: 'any', events }], {
      actor: 'system:test',
      correlationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    });
  };

  /** Deliveries of the last webhook; two share a log position (one event, two notifications), so the tie-breaker counts. */
  const insertDeliveries = async () => {
    for (const position of [10, 11, 11, 12, 13]) {
      await api.db.pool.query(
        `INSERT INTO notifications (id, endpoint_id, dao_id, type, event_id, log_position, occurred_at, payload, status, next_attempt_at, created_at)
         VALUES ($1, $2, $3, 'member.suspended', $4, $5, now(), '{}', 'delivered', now(), now())`,
        [randomUUID(), webhookId, daoId, randomUUID(), position],
      );
    }
  };

  /** The route two items a page, each next page from the Link header; checks the body's nextCursor agrees with it. */
  const walk = async (path: string, admin: boolean): Promise<{ pages: number; items: unknown[]; firstCursor: string }> => {
    const items: unknown[] = [];
    let next: string | null = `${path}${path.includes('?') ? '&' : '?'}limit=2`;
    let pages = 0;
    let firstCursor = '';
    while (next !== null) {
      const page = await api.request<Page>('GET', next, { admin });
      expect(page.status).toBe(200);
      expect(Object.keys(page.body).sort()).toEqual(['items', 'nextCursor']);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      items.push(...page.body.items);
      const link = page.headers.get('link');
      expect(link === null).toBe(page.body.nextCursor === null);
      if (pages === 0 && page.body.nextCursor !== null) firstCursor = page.body.nextCursor;
      pages += 1;
      if (link === null) break;
      const target = /^<([^>]+)>; rel="next"$/.exec(link);
      expect(target).not.toBeNull();
      expect(new URL(target![1], 'http://x').searchParams.get('cursor')).toBe(page.body.nextCursor);
      expect(new URL(target![1], 'http://x').searchParams.get('limit')).toBe('2');
      next = target![1];
    }
    return { pages, items, firstCursor };
  };

  const ROUTES: readonly (readonly [string, (dao: string) => string, boolean])[] = [
    ['DAOs', () => '/v1/daos', false],
    ['share pools', (dao) => `/v1/daos/${dao}/share-pools`, false],
    ['rotating pools', (dao) => `/v1/daos/${dao}/rotating-pools`, false],
    ['webhooks', (dao) => `/v1/daos/${dao}/webhooks`, true],
    ['deliveries', (dao) => `/v1/daos/${dao}/webhooks/${webhookId}/deliveries`, true],
    ['deliveries, a filter kept', (dao) => `/v1/daos/${dao}/webhooks/${webhookId}/deliveries?status=delivered`, true],
    ['admin keys', (dao) => `/v1/daos/${dao}/admin-keys`, true],
    ['admin wallets', (dao) => `/v1/daos/${dao}/admin-wallets`, true],
    ['Safe transactions', (dao) => `/v1/daos/${dao}/safe-transactions`, false],
    ['Safe transactions, a filter kept', (dao) => `/v1/daos/${dao}/safe-transactions?status=awaiting-signatures`, false],
  ];

  it.each(ROUTES)('pages %s by limit and the Link header, every item once', async (_name, pathOf, admin) => {
    const path = pathOf(daoId);
    const all = await api.request<Page>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1000`, { admin });
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.headers.get('link')).toBeNull();
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const walked = await walk(path, admin);
    expect(walked.pages).toBe(Math.ceil(all.body.items.length / 2));
    expect(walked.items).toEqual(all.body.items);
    const keys = walked.items.map((item) => JSON.stringify(item));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(ROUTES)('refuses a tampered cursor on %s with 400 naming cursor', async (_name, pathOf, admin) => {
    const path = pathOf(daoId);
    const { firstCursor } = await walk(path, admin);
    const key = JSON.parse(Buffer.from(firstCursor, 'base64url').toString('utf8')) as unknown[];
    const tampered = [
      Buffer.from(JSON.stringify([...key, 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify(key.map(() => "1'; DROP TABLE events; --"))).toString('base64url'),
      Buffer.from(JSON.stringify({ after: key })).toString('base64url'),
      `${firstCursor}A`,
      'not-a-cursor',
    ];
    for (const cursor of tampered) {
      const res = await api.request<Problem>('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`, { admin });
      expect([res.status, res.body.errors?.map((e) => e.field)]).toEqual([400, ['cursor']]);
    }
    const badLimit = await api.request<Problem>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1001`, { admin });
    expect([badLimit.status, badLimit.body.errors?.map((e) => e.field)]).toEqual([400, ['limit']]);
  });
});
