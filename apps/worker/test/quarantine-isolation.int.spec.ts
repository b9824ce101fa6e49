import { streams, type DaoContracts } from '@ayllu/domain';
import { loadNotificationConfig } from '@ayllu/notifications';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { NotificationDispatcher } from '../src/notifications/delivery/dispatcher';
import { outboxProjection } from '../src/notifications/outbox/outbox.projection';
import { Receiver } from '../src/notifications/testing/receiver';
import { LogProcessor } from '../src/processing/log-processor';
import { PROJECTIONS } from '../src/projections/projections';
import { createDao, passProposal, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(300_000);

const ADMIN_KEY = 'isolation-test-admin-key-0123456789';

interface Health {
  readonly status: string;
  readonly quarantined?: readonly { readonly processor: string; readonly stream: string; readonly daoId: string }[];
}

/**
 * One DAO's streams break for every processor that reads them (the read models, the notifications outbox
 * and the execution process manager, through a fault in the tables they write); every other DAO's read
 * models, notifications and executions carry on, the broken one is named in /health, and once the fault is
 * fixed an admin resumes each quarantined stream and the DAO catches up: its own proposal executes too.
 */
describe('A DAO whose streams no processor can handle is quarantined while the others carry on', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let receiver: Receiver;
  let steady: { daoId: string; contracts: DaoContracts };
  let broken: { daoId: string; contracts: DaoContracts };
  let log: LogProcessor;
  let dispatcher: NotificationDispatcher;

  const request = async <T>(method: string, path: string, body?: unknown, admin = false): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(admin ? { authorization: `Bearer ${ADMIN_KEY}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  /** Runs the read models and the outbox until `done` holds (commit-safe reads may lag for a moment). */
  const settle = async (what: string, done: () => Promise<boolean>) =>
    waitFor(
      what,
      async () => {
        await log.catchUp();
        return (await done()) ? true : undefined;
      },
      120_000,
    );

  const quarantinedStreams = async () =>
    (
      await world.db.pool.query<{ processor: string; stream_id: string }>(
        'SELECT processor, stream_id FROM processor_quarantines WHERE resume_requested_at IS NULL ORDER BY 1, 2',
      )
    ).rows;

  const proposalState = async (proposalId: string) =>
    (await world.db.pool.query<{ state: string }>('SELECT state FROM rm_proposals WHERE id = $1', [proposalId])).rows[0]?.state;

  beforeAll(async () => {
    world = await startExecutionWorld();
    receiver = await new Receiver().start();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: world.db.url,
      LOG_LEVEL: 'silent',
      RPC_URL: world.devChain.rpcUrl,
      ADMIN_API_KEY: ADMIN_KEY,
    });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    steady = await createDao(world);
    broken = await createDao(world);
    for (const dao of [steady, broken]) {
      const hook = await request('POST', `/v1/daos/${dao.daoId}/webhooks`, { url: receiver.url, events: '*', format: 'standard' }, true);
      expect(hook.status).toBe(201);
    }
    const now = () => new Date();
    log = new LogProcessor(world.db.pool, world.store, [...PROJECTIONS, outboxProjection(now)]);
    dispatcher = new NotificationDispatcher(world.db.pool, world.store, {
      config: loadNotificationConfig(process.env, 'test'),
      publicUrl: loadConfig({ NODE_ENV: 'test' }).publicUrl,
      now,
    });
  });
  afterAll(async () => {
    await receiver?.stop();
    await api?.close();
    await world?.stop();
  });

  it('keeps read models, notifications and executions of the other DAO going, and resumes the broken one after the fix', async () => {
    // The fault: every table a processor writes refuses the broken DAO's rows (a bad deploy, say).
    const tables = (
      await world.db.pool.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND ((column_name = 'dao_id' AND table_name = ANY($1)) OR (table_name = 'rm_daos' AND column_name = 'id'))`,
        [['rm_members', 'rm_proposals', 'rm_votes', 'notifications', 'execution_processes']],
      )
    ).rows;
    expect(tables.map((t) => t.table_name).sort()).toEqual([
      'execution_processes',
      'notifications',
      'rm_daos',
      'rm_members',
      'rm_proposals',
      'rm_votes',
    ]);
    for (const { table_name, column_name } of tables) {
      await world.db.pool.query(`
        CREATE FUNCTION broken_${table_name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.${column_name} = '${broken.daoId}' THEN RAISE EXCEPTION 'storage refuses rows of %', NEW.${column_name}; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER broken_${table_name} BEFORE INSERT OR UPDATE ON ${table_name} FOR EACH ROW EXECUTE FUNCTION broken_${table_name}();`);
    }

    const newcomer = (label: string) => privateKeyToAccount(keccak256(toHex(`isolation:${label}`))).address;
    const brokenProposal = await passProposal(world, broken.daoId, 'ADD_MEMBER', { member: newcomer('broken') });
    const steadyProposal = await passProposal(world, steady.daoId, 'ADD_MEMBER', { member: newcomer('steady') });

    // The broken DAO's streams are quarantined, by the read models and by the execution process manager.
    await settle('the broken DAO quarantined by the read models and the process manager', async () => {
      const names = new Set((await quarantinedStreams()).map((q) => q.processor));
      return names.has('proposals') && names.has('execution-process-manager') && names.has('notifications-outbox');
    });
    const quarantined = await quarantinedStreams();
    const brokenStreams = new Set([
      streams.dao.of(broken.daoId).streamId,
      streams.proposal.of(brokenProposal).streamId,
      streams.treasury.of(broken.daoId).streamId,
      // The outbox fails on the quarantine's own notice too: the broken DAO's rows are what the fault refuses.
      streams.processing.of(broken.daoId).streamId,
    ]);
    expect(quarantined.length).toBeGreaterThan(0);
    for (const q of quarantined) expect(brokenStreams).toContain(q.stream_id);

    // The steady DAO goes on: its proposal is projected, it executes on chain, and its notifications go out.
    const treasurers = treasurersOf(world, base, steady);
    const executed = await treasurers.carryOut(steadyProposal);
    expect(executed.type).toBe('ProposalExecuted');
    await settle('the steady proposal projected as executed', async () => (await proposalState(steadyProposal)) === 'Executed');
    await dispatcher.drain();
    const delivered = receiver.received.map((r) => JSON.parse(r.body) as { daoId: string; type: string });
    expect(delivered.some((n) => n.daoId === steady.daoId && n.type === 'proposal.executed')).toBe(true);
    expect(delivered.filter((n) => n.daoId === broken.daoId && n.type !== 'processing.stream_quarantined')).toEqual([]);
    expect(await proposalState(brokenProposal)).toBeUndefined();

    // /health names the broken DAO, and nothing else.
    const health = await request<Health>('GET', '/health');
    expect(health.body.status).toBe('degraded');
    expect(new Set(health.body.quarantined?.map((q) => q.daoId))).toEqual(new Set([broken.daoId]));

    // The fix, then an admin resumes each quarantined stream: the broken DAO catches up and its proposal executes.
    for (const { table_name } of tables) await world.db.pool.query(`DROP TRIGGER broken_${table_name} ON ${table_name}`);
    // Resumed as they are found: a quarantine can still be recorded by a pass that started before the fix.
    await settle('the broken DAO caught up', async () => {
      for (const q of await quarantinedStreams()) {
        const resumed = await request('POST', `/v1/admin/quarantines/${q.processor}/${q.stream_id}/resume`, undefined, true);
        expect(resumed.status).toBe(202);
      }
      return (await quarantinedStreams()).length === 0 && (await proposalState(brokenProposal)) !== undefined;
    });
    const caughtUp = await treasurersOf(world, base, broken).carryOut(brokenProposal);
    expect(caughtUp.type).toBe('ProposalExecuted');
    await settle('the broken proposal projected as executed', async () => (await proposalState(brokenProposal)) === 'Executed');
    expect((await request<Health>('GET', '/health')).body.status).toBe('ok');
  });
});
