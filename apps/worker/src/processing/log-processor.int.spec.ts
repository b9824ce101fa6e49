import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PostgresEventStore, START } from '@ayllu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { COUNTING_TABLE_SQL, countingProjection, type Ticked } from '../../../../test/fixtures/counting-projection';
import { readCheckpoint } from './checkpoints';
import { EventHeldBack, LogProcessor } from './log-processor';
import { processor } from './processor';

const ROOT = join(__dirname, '../../../..');

const appendMany = async (store: PostgresEventStore, count: number, perAppend = 10, type = 'Ticked') => {
  for (let i = 0; i < count; i += perAppend) {
    const events = Array.from({ length: Math.min(perAppend, count - i) }, (_, j) => ({ type, data: { n: i + j } }));
    await store.append([{ streamId: `tick-${randomUUID()}`, expectedVersion: 'no-stream', events }], {
      actor: 'system:test',
      correlationId: randomUUID(),
      occurredAt: '2026-11-20T00:00:00.000Z',
    });
  }
};

const appliedCounts = async (db: TestDatabase) =>
  (
    await db.pool.query<{ rows: number; distinct: number; events: number }>(
      `SELECT (SELECT count(*) FROM test_applied)::int AS rows,
              (SELECT count(DISTINCT event_id) FROM test_applied)::int AS distinct,
              (SELECT count(*) FROM events)::int AS events`,
    )
  ).rows[0];

/** True once processor `name` has read the whole log. */
const atHead = async (db: TestDatabase, name = 'counting') => {
  const { rows } = await db.pool.query<{ p: string | null }>('SELECT max(global_position)::text AS p FROM events');
  return (await readCheckpoint(db.pool, name)).position === BigInt(rows[0].p ?? 0);
};

/**
 * Catches up until `done` holds. One pass may read nothing: the log is read only below the oldest transaction
 * open anywhere on the PostgreSQL server, and other test files (or other runs) hold transactions open.
 */
const catchUpUntil = async (runner: LogProcessor, done: () => Promise<boolean> | boolean): Promise<void> => {
  const deadline = Date.now() + 30_000;
  do {
    await runner.catchUp();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  } while (Date.now() < deadline);
  throw new Error('the processor never got there');
};

describe('LogProcessor', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await db.pool.query(COUNTING_TABLE_SQL);
  });
  afterEach(() => db.drop());

  it('applies every event once and stores the checkpoint with the writes', async () => {
    await appendMany(store, 120);
    const runner = new LogProcessor(db.pool, store, [countingProjection()], { batchSize: 25 });
    await catchUpUntil(runner, () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 120, distinct: 120, events: 120 });
    const checkpoint = await readCheckpoint(db.pool, 'counting');
    const { rows } = await db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events');
    expect(checkpoint.position).toBe(BigInt(rows[0].p));
  });

  it('moves its checkpoint past the events it does not handle, and is handed only the ones it does', async () => {
    await appendMany(store, 30);
    await appendMany(store, 20, 10, 'Tocked');
    await appendMany(store, 5);
    const batches: string[] = [];
    const runner = new LogProcessor(db.pool, store, [countingProjection()], { batchSize: 7, afterBatch: (name) => batches.push(name) });
    await catchUpUntil(runner, () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 35, distinct: 35, events: 55 });
    const { rows } = await db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events');
    expect((await readCheckpoint(db.pool, 'counting')).position).toBe(BigInt(rows[0].p));
    // 55 events in batches of 7: eight committed batches, each announced.
    expect(batches).toEqual(Array.from({ length: 8 }, () => 'counting'));
  });

  it('moves a processor with nothing to handle to the tail without a batch, unless another worker holds its checkpoint', async () => {
    const tocks: number[] = [];
    const tocker = processor<'Tocked', { type: 'Tocked'; data: { n: number } }>({
      name: 'tocker',
      canHandle: ['Tocked'],
      handle: (_tx, events) => {
        tocks.push(...events.map((e) => e.data.n));
        return Promise.resolve();
      },
    });
    const runner = new LogProcessor(db.pool, store, [countingProjection(), tocker], { batchSize: 50 });
    await appendMany(store, 5, 5, 'Tocked');
    await catchUpUntil(runner, async () => (await atHead(db)) && (await atHead(db, 'tocker')));
    expect(tocks).toEqual([0, 1, 2, 3, 4]);
    // Only Ticked from here on: the tocker is moved along them, and never handed one.
    await appendMany(store, 20);
    await catchUpUntil(runner, async () => (await atHead(db)) && (await atHead(db, 'tocker')));
    expect(tocks).toEqual([0, 1, 2, 3, 4]);
    expect(await appliedCounts(db)).toEqual({ rows: 20, distinct: 20, events: 25 });
    // Another worker's batch holds the tocker's checkpoint row and moves it further than this pass has read: the
    // move waits for that batch, finds the row changed, and leaves it where the other worker put it.
    await appendMany(store, 10);
    const { rows: tail } = await db.pool.query<{ t: string; p: string }>(
      'SELECT max(transaction_id::text::bigint)::text AS t, (max(global_position) + 1000)::text AS p FROM events',
    );
    const [beyondTx, beyond] = [tail[0].t, tail[0].p];
    const other = await db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE projection_checkpoints SET transaction_id = $1::xid8, position = $2 WHERE name = 'tocker'`, [
        beyondTx,
        beyond,
      ]);
      const pass = runner.catchUp();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('COMMIT');
      await pass;
    } finally {
      other.release();
    }
    await catchUpUntil(runner, () => atHead(db));
    expect((await readCheckpoint(db.pool, 'tocker')).position).toBe(BigInt(beyond));
    expect(tocks).toEqual([0, 1, 2, 3, 4]);
    expect(await appliedCounts(db)).toEqual({ rows: 30, distinct: 30, events: 35 });
  });

  it('lets a failing processor hold up no other, and reports it by name', async () => {
    await appendMany(store, 40);
    const broken = processor<'Ticked', Ticked>({
      name: 'broken',
      canHandle: ['Ticked'],
      handle: () => Promise.reject(new Error('cannot handle this')),
    });
    const errors: string[] = [];
    const runner = new LogProcessor(db.pool, store, [broken, countingProjection()], {
      batchSize: 15,
      onError: (name, error) => errors.push(`${name}: ${((error as EventHeldBack).cause as Error).message}`),
    });
    await catchUpUntil(runner, async () => errors.length > 0 && (await atHead(db)));
    expect(errors).toEqual(['broken: cannot handle this']);
    expect(await appliedCounts(db)).toEqual({ rows: 40, distinct: 40, events: 40 });
    expect(await readCheckpoint(db.pool, 'broken')).toEqual(START);
  });

  it('applies a failed batch event by event: a failure that does not repeat keeps every event and quarantines nothing', async () => {
    await appendMany(store, 30);
    let failAt = 15;
    const flaky = processor<'Ticked', Ticked>({
      ...countingProjection(),
      canHandle: ['Ticked'],
      async handle(tx, events) {
        for (const event of events) {
          if (failAt-- === 0) throw new Error('crash mid-batch');
          await tx.query('INSERT INTO test_applied (event_id, position) VALUES ($1, $2)', [
            event.metadata.eventId,
            event.position.toString(),
          ]);
        }
      },
    });
    const errors: unknown[] = [];
    const runner = new LogProcessor(db.pool, store, [flaky], { batchSize: 30, onError: (_n, e) => errors.push(e) });
    await catchUpUntil(runner, () => atHead(db));
    expect(errors).toEqual([]);
    expect(await appliedCounts(db)).toEqual({ rows: 30, distinct: 30, events: 30 });
    expect((await db.pool.query('SELECT * FROM processor_quarantines')).rows).toEqual([]);
  });

  it('holds an event back once and retries it on the next pass: failing only once, it is applied and nothing is quarantined', async () => {
    await appendMany(store, 10);
    let failures = 2; // the batch, then the event on its own
    const once = processor<'Ticked', Ticked>({
      ...countingProjection(),
      canHandle: ['Ticked'],
      async handle(tx, events) {
        if (events.some((e) => e.data.n === 4) && failures-- > 0) throw new Error('downstream not ready');
        await countingProjection().apply(tx, events);
      },
    });
    const errors: unknown[] = [];
    const runner = new LogProcessor(db.pool, store, [once], { onError: (_n, e) => errors.push(e) });
    await runner.catchUp();
    expect(errors).toEqual([expect.any(EventHeldBack)]);
    expect(await appliedCounts(db)).toMatchObject({ rows: 4 });
    await runner.catchUp();
    expect(await appliedCounts(db)).toEqual({ rows: 10, distinct: 10, events: 10 });
    expect((await db.pool.query('SELECT * FROM processor_quarantines')).rows).toEqual([]);
  });

  it('quarantines nothing on a lost connection: the whole batch is read again', async () => {
    await appendMany(store, 10);
    let failures = 1;
    const cut = processor<'Ticked', Ticked>({
      ...countingProjection(),
      canHandle: ['Ticked'],
      async handle(tx, events) {
        if (failures-- > 0) await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        await countingProjection().apply(tx, events);
      },
    });
    const errors: unknown[] = [];
    const runner = new LogProcessor(db.pool, store, [cut], { onError: (_n, e) => errors.push(e) });
    await catchUpUntil(runner, () => errors.length > 0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toBeInstanceOf(EventHeldBack);
    await catchUpUntil(runner, () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 10, distinct: 10, events: 10 });
    expect((await db.pool.query('SELECT * FROM processor_quarantines')).rows).toEqual([]);
  });

  it('catches up after a restart from its stored checkpoint', async () => {
    await appendMany(store, 40);
    await catchUpUntil(new LogProcessor(db.pool, store, [countingProjection()]), () => atHead(db));
    await appendMany(store, 25);
    await catchUpUntil(new LogProcessor(db.pool, store, [countingProjection()]), () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 65, distinct: 65, events: 65 });
  });

  it('never applies a batch twice when two workers run at once', async () => {
    await appendMany(store, 200);
    const make = () => new LogProcessor(db.pool, store, [countingProjection(1)], { batchSize: 20 });
    const [a, b] = [make(), make()];
    await Promise.all([a.catchUp(), b.catchUp(), a.catchUp(), b.catchUp()]);
    await catchUpUntil(a, () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 200, distinct: 200, events: 200 });
  });

  it('rebuilds from position 0 to the same read model', async () => {
    await appendMany(store, 90);
    const runner = new LogProcessor(db.pool, store, [countingProjection()], { batchSize: 40 });
    await catchUpUntil(runner, () => atHead(db));
    const progress: number[] = [];
    const applied = await runner.rebuild(countingProjection(), (n) => progress.push(n));
    expect(applied).toBe(90);
    expect(progress).toEqual([40, 80, 90, 90]);
    expect(await appliedCounts(db)).toEqual({ rows: 90, distinct: 90, events: 90 });
  });

  it("commits a rebuild's batches without waiting for their WAL flush, and the worker's own batches with it", async () => {
    await appendMany(store, 50);
    const modes: string[] = [];
    const probe = processor<'Ticked', Ticked>({
      name: 'commit-mode',
      canHandle: ['Ticked'],
      handle: async (tx) => {
        modes.push((await tx.query<{ mode: string }>(`SELECT current_setting('synchronous_commit') AS mode`)).rows[0].mode);
      },
    });
    const runner = new LogProcessor(db.pool, store, [probe], { batchSize: 20 });
    await runner.rebuild(probe);
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes)).toEqual(new Set(['off']));
    modes.length = 0;
    await appendMany(store, 10);
    await catchUpUntil(runner, () => modes.length > 0);
    expect(new Set(modes)).toEqual(new Set(['on']));
  });

  it('rebuilds several processors in one pass; one failing on an event quarantines its stream and holds up no other', async () => {
    await appendMany(store, 60);
    const failingOn = (await db.pool.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE data->>'n' = '27'`)).rows[0]
      .stream_id;
    const seen: number[] = [];
    const fragile = processor<'Ticked', Ticked>({
      name: 'fragile',
      canHandle: ['Ticked'],
      handle: (_tx, events) => {
        if (events.some((e) => e.streamId === failingOn)) return Promise.reject(new Error('cannot read this stream'));
        seen.push(...events.map((e) => e.data.n));
        return Promise.resolve();
      },
    });
    const runner = new LogProcessor(db.pool, store, [countingProjection(), fragile], { batchSize: 25 });
    const applied = await runner.rebuild([countingProjection(), fragile]);
    expect(applied).toBe(60);
    expect(await appliedCounts(db)).toEqual({ rows: 60, distinct: 60, events: 60 });
    const quarantined = await db.pool.query('SELECT processor, stream_id FROM processor_quarantines');
    expect(quarantined.rows).toEqual([{ processor: 'fragile', stream_id: failingOn }]);
    // Every event but those of the quarantined stream (20..29), each once.
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n).filter((n) => n < 20 || n > 29));
    expect(await atHead(db)).toBe(true);
    expect(await atHead(db, 'fragile')).toBe(true);
  });

  it('loses and doubles nothing when its process is killed mid-batch, again and again', async () => {
    await appendMany(store, 400, 20);
    const kills: number[] = [];
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['-r', './tools/register.js', 'test/fixtures/projection-crash-child.ts'], {
        cwd: ROOT,
        env: { ...process.env, CHILD_DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Wait until this process has committed a batch (so the run makes progress however loaded the
      // machine is), then kill it a random moment later: inside the next batch, whose 50 events take
      // about 100 ms at 2 ms each.
      const before = kills.at(-1) ?? 0;
      let applied = before;
      for (let waited = 0; applied === before && waited < 30_000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
        applied = (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM test_applied')).rows[0].n;
      }
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 80)));
      kills.push(applied);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    expect(kills.at(-1)).toBeGreaterThan(0);
    expect(kills.at(-1)).toBeLessThan(400); // still mid-run at the last kill
    await catchUpUntil(new LogProcessor(db.pool, store, [countingProjection()]), () => atHead(db));
    expect(await appliedCounts(db)).toEqual({ rows: 400, distinct: 400, events: 400 });
  });
});
