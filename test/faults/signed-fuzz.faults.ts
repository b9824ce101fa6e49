import { loadConfig } from '@ayllu/platform';
import fc from 'fast-check';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadNotificationConfig } from '@ayllu/notifications';
import type { ProposalView } from '../../apps/api/src/governance-reads/proposals/proposal.view';
import { COMMUNITY_ACTIONS } from '../../apps/api/src/signatures/signed-actions';
import { startJobScheduler, type JobScheduler } from '../../apps/worker/src/jobs/job-scheduler';
import { proposalDeadlinesSubscription } from '../../apps/worker/src/jobs/proposal-deadlines.subscription';
import { NotificationDispatcher } from '../../apps/worker/src/notifications/delivery/dispatcher';
import { outboxProjection } from '../../apps/worker/src/notifications/outbox/outbox.projection';
import { Receiver } from '../../apps/worker/src/notifications/testing/receiver';
import { LogProcessor } from '../../apps/worker/src/processing/log-processor';
import type { Processor } from '../../apps/worker/src/processing/processor';
import { PROJECTIONS } from '../../apps/worker/src/projections/projections';
import { startTestApi, type TestApi } from '../support/api';
import { HARDHAT_KEYS, signerFor, type TestSigner } from '../support/signing';
import { governance } from './support/governance-fixture';
import { signedCase, signedRoute, type SigningWorld } from './support/signed-intents';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';

const TOTAL_CASES = Number(process.env.FAULTS_SIGNED_FUZZ_CASES ?? 1_800);
/** Every community-pool signed route (the rotating pools' have their own specs), cancellations last so that votes meet open proposals. */
const ORDER = [...COMMUNITY_ACTIONS.filter((a) => a !== 'proposal-cancellation'), 'proposal-cancellation' as const];
const members: TestSigner[] = HARDHAT_KEYS.slice(0, 4).map(signerFor);

/**
 * Signed fuzzing: hostile intents signed with real keys for every signed route, so each one gets past the
 * signature check into the deciders, the event store and the worker's processors. No answer may be a 5xx,
 * a refusal may change nothing, and every processor must keep up with the log with nothing quarantined:
 * whatever a member can sign, no DAO stops.
 */
describe('Bad input that is validly signed, on every signed route', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  let jobs: JobScheduler;
  let receiver: Receiver;
  let fingerprint: () => Promise<StateFingerprint>;
  let world: SigningWorld;
  let proposalIds: string[] = [];
  let log: LogProcessor;
  let dispatcher: NotificationDispatcher;
  let processors: Processor[];
  const figures = {
    cases: 0,
    accepted: 0,
    refused: 0,
    byStatus: {} as Record<number, number>,
    byAction: {} as Record<string, string>,
    byCode: {} as Record<string, number>,
  };

  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
    receiver = await new Receiver().start();
    fingerprint = await stateFingerprinter(api.db.pool);
    const g = governance(api);
    const daoId = await g.createDao(members.slice(0, 3), { maxActiveProposals: 100 });
    const otherDaoId = await g.createDao(members.slice(0, 3));
    const proposalId = await g.propose(daoId, members[0]);
    for (const dao of [daoId, otherDaoId]) {
      const hook = await api.request('POST', `/v1/daos/${dao}/webhooks`, { admin: true, body: { url: receiver.url, events: '*' } });
      if (hook.status !== 201) throw new Error(`webhook refused: ${hook.status} ${JSON.stringify(hook.body)}`);
    }
    const typed = await api.request<{ domain: { chainId: number } }>('POST', `/v1/daos/${daoId}/typed-data/emergency-exit`, {
      body: { member: members[0].address },
    });
    proposalIds = [proposalId];
    world = { chainId: typed.body.domain.chainId, daoId, otherDaoId, proposalIds: () => proposalIds, members };
    const now = () => new Date();
    jobs = await startJobScheduler({ pool: api.db.pool, store, clock: now });
    processors = [...PROJECTIONS, proposalDeadlinesSubscription(jobs.boss, now), outboxProjection(now)];
    log = new LogProcessor(api.db.pool, store, processors);
    dispatcher = new NotificationDispatcher(api.db.pool, store, {
      config: loadNotificationConfig(process.env, 'test'),
      publicUrl: loadConfig({ NODE_ENV: 'test' }).publicUrl,
      now,
    });
  });
  afterAll(async () => {
    process.stdout.write(`signed fuzz figures: ${JSON.stringify(figures)}\n`);
    await jobs?.stop();
    await receiver?.stop();
    await api?.close();
  });

  /** Runs every processor until each has read the whole log (commit-safe reads may lag other test files' transactions). */
  const settleProcessors = async (): Promise<void> => {
    const deadline = Date.now() + 180_000;
    for (;;) {
      await log.catchUp();
      const { rows } = await api.db.pool.query<{ name: string; behind: boolean }>(
        `SELECT p.name, coalesce(c.position, 0) < (SELECT coalesce(max(global_position), 0) FROM events) AS behind
         FROM unnest($1::text[]) AS p(name) LEFT JOIN projection_checkpoints c ON c.name = p.name`,
        [processors.map((p) => p.name)],
      );
      const behind = rows.filter((r) => r.behind).map((r) => r.name);
      if (behind.length === 0) return;
      if (Date.now() > deadline) throw new Error(`processors stalled behind the log: ${behind.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it(`answers ${TOTAL_CASES} validly signed hostile writes with no 5xx, and no processor stalls or quarantines a stream`, async () => {
    const failures = new Map<string, string>();
    const perAction = Math.ceil(TOTAL_CASES / ORDER.length);
    for (const action of ORDER) {
      // Votes and cancellations name the proposals that exist by then (the fuzzed proposals included).
      const listed = await api.request<ProposalView[] | { items: ProposalView[] }>('GET', `/v1/daos/${world.daoId}/proposals`);
      const current = Array.isArray(listed.body) ? listed.body : listed.body.items;
      proposalIds = [...new Set([...proposalIds, ...current.map((p) => p.id)])];
      let before = await fingerprint();
      const counts = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(signedCase(world, action), async (pending) => {
          const { body, note } = await pending;
          const res = await fetch(`${api.url}${signedRoute(world, action, body.message)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await res.text();
          figures.cases++;
          figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
          const label = `${note}: ${JSON.stringify(body.message).slice(0, 400)} → ${res.status} ${text.slice(0, 300)}`;
          const fail = (kind: string) => failures.has(`${kind} ${action}`) || failures.set(`${kind} ${action}`, label);
          if (res.status >= 500) fail('5xx');
          const after = await fingerprint();
          if (res.status >= 400) {
            counts.refused++;
            const code = `${action} ${res.status} ${/"code":"([^"]+)"/.exec(text)?.[1] ?? '?'}`;
            figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
            if (process.env.FAULTS_SIGNED_FUZZ_EXAMPLES && figures.byCode[code] <= 2) process.stdout.write(`${code}: ${label}\n`);
            if (JSON.stringify(after) !== JSON.stringify(before)) fail('refused-but-changed');
            if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) fail('not-a-problem-document');
          } else counts.accepted++;
          before = after;
        }),
        { numRuns: perAction, seed: Number(process.env.FAULTS_SEED ?? 12) },
      );
      figures.accepted += counts.accepted;
      figures.refused += counts.refused;
      figures.byAction[action] = `${counts.accepted} accepted / ${counts.refused} refused`;
      // What was accepted reaches every processor, and nothing may stop them.
      await settleProcessors();
      await dispatcher.drain();
    }
    expect(Object.fromEntries(failures)).toEqual({});

    const quarantined = await api.db.pool.query('SELECT processor, stream_id, reason FROM processor_quarantines');
    expect(quarantined.rows).toEqual([]);
    const health = await api.request<{ status: string }>('GET', '/health');
    expect(health.body.status).toBe('ok');

    // Everything accepted reads back: each proposal, the DAO's list and its event log.
    const list = await api.request<ProposalView[] | { items: ProposalView[] }>('GET', `/v1/daos/${world.daoId}/proposals`);
    expect(list.status).toBe(200);
    const proposals = Array.isArray(list.body) ? list.body : list.body.items;
    expect(proposals.length).toBeGreaterThan(0);
    for (const proposal of proposals) {
      const one = await api.request('GET', `/v1/daos/${world.daoId}/proposals/${proposal.id}`);
      expect(one.status).toBe(200);
    }
    for (const dao of [world.daoId, world.otherDaoId]) {
      expect((await api.request('GET', `/v1/daos/${dao}/events`)).status).toBe(200);
      expect((await api.request('GET', `/v1/daos/${dao}/members`)).status).toBe(200);
    }
    // The fuzz must have reached the domain, not stopped at the signature check.
    expect(figures.accepted).toBeGreaterThan(0);
    expect(Object.values(figures.byStatus).reduce((a, b) => a + b, 0)).toBe(figures.cases);
  });

  it('leaves the other DAO working: a new proposal there is accepted and projected', async () => {
    const g = governance(api);
    const pid = await g.propose(world.otherDaoId, members[1], 'After the storm');
    await settleProcessors();
    const read = await api.request<ProposalView>('GET', `/v1/daos/${world.otherDaoId}/proposals/${pid}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: pid, title: 'After the storm' });
  });
});
