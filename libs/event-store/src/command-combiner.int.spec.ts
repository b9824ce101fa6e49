import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { APPEND_COMMANDS_SQL } from './append-sql';
import { MAX_COMBINED } from './command-combiner';
import { ConcurrencyError, IdempotencyKeyReusedError } from './errors';
import type { HandleOptions } from './handle';
import { PostgresEventStore } from './postgres-event-store';

/** A tally stream: each command adds one ballot; a voter may vote once. */
type BallotCast = { type: 'BallotCast'; data: { voter: string; weight: number } };
interface Tally {
  readonly total: number;
  readonly voters: readonly string[];
}
const evolve = (s: Tally, e: BallotCast): Tally => ({ total: s.total + e.data.weight, voters: [...s.voters, e.data.voter] });
const initialState = (): Tally => ({ total: 0, voters: [] });
/** As the domain's catalogue does: one evolve for every stream of the kind. */
const tallyKind = (streamId: string) => ({ streamId, evolve, initialState });
class AlreadyVoted extends Error {}

const context = (actor = 'system:test') => ({ actor, correlationId: randomUUID(), occurredAt: '2026-12-02T12:00:00.000Z' });

const outcome = <T>(p: Promise<T>) =>
  p.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('Commands combined on one stream', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  const transactionsOf = async (streamId: string) =>
    (await db.pool.query<{ n: number }>(`SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = $1`, [streamId]))
      .rows[0].n;

  /** One vote through `handle`: answered with the tally after it. */
  const vote = (
    on: PostgresEventStore,
    streamId: string,
    voter: string,
    weight = 1,
    options: Partial<HandleOptions<{ tally: ReturnType<typeof tallyKind> }, number>> = {},
  ) =>
    on.handle(
      { tally: tallyKind(streamId) },
      ({ tally }) => {
        if (tally.voters.includes(voter)) throw new AlreadyVoted(voter);
        return { tally: [{ type: 'BallotCast', data: { voter, weight } } as BallotCast] };
      },
      { context: context(voter), respond: ({ newState }) => newState.tally.total, ...options },
    );

  it('decides concurrent commands one after another and appends them in one transaction, each answered from its own state', async () => {
    const streamId = `tally-${randomUUID()}`;
    const voters = Array.from({ length: 20 }, (_, i) => `voter-${i}`);
    const results = await Promise.all(voters.map((v, i) => vote(store, streamId, v, i + 1)));

    // Each caller sees the tally right after its own ballot: 1, 1+2, 1+2+3, ...
    expect(results.map((r) => r.response)).toEqual(voters.map((_, i) => ((i + 1) * (i + 2)) / 2));
    expect(results.map((r) => r.recorded.map((e) => e.version))).toEqual(voters.map((_, i) => [i + 1]));
    expect(results.every((r) => r.appended && !r.replayed)).toBe(true);
    expect(results[3].recorded[0].metadata.actor).toBe('voter-3');
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.version, (e.data as BallotCast['data']).voter])).toEqual(voters.map((v, i) => [i + 1, v]));
    expect(await transactionsOf(streamId)).toBe(1);
  });

  it(`takes at most ${MAX_COMBINED} commands in one transaction, and the ones after them in the next`, async () => {
    const streamId = `tally-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: MAX_COMBINED + 5 }, (_, i) => vote(store, streamId, `v${i}`)));
    expect(results.at(-1)!.response).toBe(MAX_COMBINED + 5);
    expect(await transactionsOf(streamId)).toBe(2);
  });

  it('refuses only the command that its own decision refuses; the others before and after it are appended', async () => {
    const streamId = `tally-${randomUUID()}`;
    const all = await Promise.all([
      outcome(vote(store, streamId, 'alice', 1)),
      outcome(vote(store, streamId, 'bob', 2)),
      outcome(vote(store, streamId, 'alice', 4)), // decided against alice's ballot earlier in the batch
      outcome(vote(store, streamId, 'carol', 8)),
    ]);
    expect(all.map((o) => o.ok)).toEqual([true, true, false, true]);
    expect(!all[2].ok && all[2].error).toBeInstanceOf(AlreadyVoted);
    expect(all[3].ok && all[3].result.response).toBe(11);
    expect((await store.readStream(streamId)).map((e) => e.version)).toEqual([1, 2, 3]);
    expect(await transactionsOf(streamId)).toBe(1);
  });

  it('refuses a nonce replayed within one batch; the first use is appended once, and the rest of the batch too', async () => {
    const streamId = `tally-${randomUUID()}`;
    const nonce = { key: `sig:${randomUUID()}`, fingerprint: 'digest-1', keepResponse: false };
    const [first, copy, other] = await Promise.all([
      vote(store, streamId, 'alice', 1, { idempotency: nonce }),
      vote(store, streamId, 'alice', 1, { idempotency: nonce }),
      vote(store, streamId, 'bob', 2, { idempotency: { key: `sig:${randomUUID()}`, fingerprint: 'digest-2', keepResponse: false } }),
    ]);
    expect(first.appended).toBe(true);
    expect(copy).toMatchObject({ appended: false, replayed: true, response: null });
    expect(other.appended).toBe(true);
    expect((await store.readStream(streamId)).map((e) => (e.data as BallotCast['data']).voter)).toEqual(['alice', 'bob']);
    // The same key for another message is refused as reused.
    const reused = await outcome(vote(store, streamId, 'dave', 1, { idempotency: { ...nonce, fingerprint: 'digest-other' } }));
    expect(!reused.ok && reused.error).toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('answers a command whose key was claimed before as a replay, and decides the rest of its batch without it', async () => {
    const streamId = `tally-${randomUUID()}`;
    // A key that keeps no answer (a signed message's nonce) is not looked up before deciding: the batch's append finds it.
    const used = { key: `sig:${randomUUID()}`, fingerprint: 'f', keepResponse: false };
    await vote(store, `tally-${randomUUID()}`, 'elsewhere', 1, { idempotency: used }); // the key's first use, on another stream
    const all = await Promise.all([
      vote(store, streamId, 'alice', 1),
      vote(store, streamId, 'bob', 2, { idempotency: used }), // the same request again: its first answer, nothing appended
      vote(store, streamId, 'carol', 4, { idempotency: { key: `req:${randomUUID()}`, fingerprint: 'f' } }),
    ]);
    expect(all.map((r) => [r.appended, r.replayed, r.response])).toEqual([
      [true, false, 1],
      [false, true, null],
      [true, false, 5],
    ]);
    expect((await store.readStream(streamId)).map((e) => [e.version, (e.data as BallotCast['data']).voter])).toEqual([
      [1, 'alice'],
      [2, 'carol'],
    ]);
  });

  it('decides the whole batch again when another process appended to the stream first', async () => {
    const streamId = `tally-${randomUUID()}`;
    const other = new PostgresEventStore(db.pool); // another API replica
    await vote(store, streamId, 'alice', 1); // cached here at version 1
    let interleaved = false;
    const pool = new Proxy(db.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return async (text: unknown, values?: unknown) => {
          if (text === APPEND_COMMANDS_SQL && !interleaved) {
            interleaved = true;
            await vote(other, streamId, 'zoe', 100); // lands between this batch's decision and its append
          }
          return target.query(text as string, values as unknown[]);
        };
      },
    });
    const mine = new PostgresEventStore(pool);
    await vote(mine, streamId, 'warm-up', 0); // mine's cache at version 2
    const all = await Promise.all(['bob', 'carol', 'zoe'].map((v) => outcome(vote(mine, streamId, v, 10))));
    expect(interleaved).toBe(true);
    // Re-decided against zoe's ballot from the other process: zoe's own second vote is refused, the rest appended after it.
    expect(all.map((o) => (o.ok ? o.result.response : (o.error as Error).constructor.name))).toEqual([111, 121, 'AlreadyVoted']);
    expect((await store.readStream(streamId)).map((e) => [e.version, (e.data as BallotCast['data']).voter])).toEqual([
      [1, 'alice'],
      [2, 'warm-up'],
      [3, 'zoe'],
      [4, 'bob'],
      [5, 'carol'],
    ]);
  });

  it('gives up with a ConcurrencyError after the attempts a command allows', async () => {
    const streamId = `tally-${randomUUID()}`;
    const other = new PostgresEventStore(db.pool);
    const pool = new Proxy(db.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return async (text: unknown, values?: unknown) => {
          if (text === APPEND_COMMANDS_SQL) await vote(other, streamId, `intruder-${randomUUID()}`, 0); // always first
          return target.query(text as string, values as unknown[]);
        };
      },
    });
    const mine = new PostgresEventStore(pool);
    const all = await Promise.all([
      outcome(vote(mine, streamId, 'a', 1, { maxAttempts: 2 })),
      outcome(vote(mine, streamId, 'b', 1, { maxAttempts: 2 })),
    ]);
    expect(all.every((o) => !o.ok && o.error instanceof ConcurrencyError)).toBe(true);
    const voters = (await store.readStream(streamId)).map((e) => (e.data as BallotCast['data']).voter);
    expect(voters).toHaveLength(2);
    expect(voters.every((v) => v.startsWith('intruder'))).toBe(true);
  });
});
