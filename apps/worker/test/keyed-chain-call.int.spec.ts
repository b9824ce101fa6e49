import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@ayllu/event-store';
import { HttpRequestError, type Hex } from 'viem';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { keyedChainCall, type KeyedCall } from '../src/execution/keyed-chain-call';
import { gate, logReadsPastNewEvent, openTransactions } from './open-transactions';

const HASH: Hex = `0x${'ab'.repeat(32)}`;

/** A keyed call whose chain side the test plays: every step is counted and may be held at a gate. */
const fakeCall = (key: string, overrides: Partial<KeyedCall<string>> = {}) => {
  const calls = { reconcile: 0, send: 0, confirm: [] as Hex[] };
  const call: KeyedCall<string> = {
    key,
    kind: 'test',
    daoId: 'dao_test',
    reconcile: () => {
      calls.reconcile++;
      return Promise.resolve(undefined);
    },
    send: () => {
      calls.send++;
      return Promise.resolve(HASH);
    },
    confirm: (txHash) => {
      calls.confirm.push(txHash);
      return Promise.resolve(`result of ${txHash}`);
    },
    ...overrides,
  };
  return { call, calls };
};

const ledger = async (db: TestDatabase, key: string) =>
  (
    await db.pool.query<{ status: string; tx_hash: string | null; attempts: number }>(
      'SELECT status, tx_hash, attempts FROM chain_calls WHERE key = $1',
      [key],
    )
  ).rows[0];

describe('keyedChainCall', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  /** Workers the tests left stalled, as if dead: let them finish before the database goes. */
  const stalled: Promise<unknown>[] = [];
  const loose: (() => void)[] = [];
  afterAll(async () => {
    for (const open of loose) open();
    await Promise.allSettled(stalled);
    await db.drop();
  });

  describe('holds no database transaction while the chain works', () => {
    it.each(['reconcile', 'send', 'confirm'] as const)('while it waits on %s', async (step) => {
      const held = gate();
      const key = `k:${randomUUID()}`;
      const { call } = fakeCall(key, {
        [step]: async (txHash?: Hex) => {
          await held.wait();
          return step === 'send' ? HASH : step === 'confirm' ? `result of ${txHash}` : undefined;
        },
      });
      const running = keyedChainCall(db.pool, call);
      await held.reached;
      try {
        expect(await openTransactions(db.pool)).toBe(0);
        expect(await logReadsPastNewEvent(store)).toBe(true);
      } finally {
        held.open();
      }
      await expect(running).resolves.toEqual({ status: 'done', result: `result of ${HASH}` });
    });
  });

  it('leaves a key another worker holds alive alone', async () => {
    const held = gate();
    const key = `k:${randomUUID()}`;
    const first = fakeCall(key, {
      send: async () => {
        await held.wait();
        return HASH;
      },
    });
    const running = keyedChainCall(db.pool, first.call);
    await held.reached;
    const second = fakeCall(key);
    expect(await keyedChainCall(db.pool, second.call)).toEqual({ status: 'busy' });
    expect(second.calls).toEqual({ reconcile: 0, send: 0, confirm: [] });
    held.open();
    await running;
  });

  it('takes over the claim of a worker that died before sending, and checks the chain before it sends', async () => {
    const key = `k:${randomUUID()}`;
    const dead = gate();
    // The first worker stalls for good inside reconcile: as a process killed there, it never comes back.
    const first = fakeCall(key, { reconcile: () => dead.wait().then(() => undefined) });
    stalled.push(keyedChainCall(db.pool, first.call, { leaseMs: 300 }));
    loose.push(dead.open);
    await dead.reached;
    const early = fakeCall(key);
    expect(await keyedChainCall(db.pool, early.call, { leaseMs: 300 })).toEqual({ status: 'busy' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = fakeCall(key);
    expect(await keyedChainCall(db.pool, next.call, { leaseMs: 300 })).toEqual({ status: 'done', result: `result of ${HASH}` });
    expect(next.calls).toEqual({ reconcile: 1, send: 1, confirm: [HASH] });
    expect(await ledger(db, key)).toMatchObject({ status: 'confirmed', tx_hash: HASH });
  });

  it('after a worker died between sending and storing the hash, finds the effect on chain instead of sending again', async () => {
    const key = `k:${randomUUID()}`;
    const dead = gate();
    const first = fakeCall(key, { send: () => dead.wait().then(() => HASH) });
    stalled.push(keyedChainCall(db.pool, first.call, { leaseMs: 300 }));
    loose.push(dead.open);
    await dead.reached;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = fakeCall(key, { reconcile: () => Promise.resolve('found on chain') });
    expect(await keyedChainCall(db.pool, next.call, { leaseMs: 300 })).toEqual({ status: 'done', result: 'found on chain' });
    expect(next.calls.send).toBe(0);
    expect(await ledger(db, key)).toMatchObject({ status: 'confirmed', attempts: 1 });
  });

  it('waits for a stored transaction instead of sending it again, even while its sender still holds the key', async () => {
    const key = `k:${randomUUID()}`;
    const stuck = gate();
    const first = fakeCall(key, { confirm: () => stuck.wait().then(() => 'never') });
    stalled.push(keyedChainCall(db.pool, first.call));
    loose.push(stuck.open);
    await stuck.reached;
    const next = fakeCall(key);
    expect(await keyedChainCall(db.pool, next.call)).toEqual({ status: 'done', result: `result of ${HASH}` });
    expect(next.calls).toEqual({ reconcile: 0, send: 0, confirm: [HASH] });
  });

  it('keeps the hash when the node does not answer about the receipt, and waits for the same transaction next time', async () => {
    const key = `k:${randomUUID()}`;
    const first = fakeCall(key, {
      confirm: () => Promise.reject(new HttpRequestError({ url: 'http://node', status: 503, details: 'unavailable' })),
    });
    await expect(keyedChainCall(db.pool, first.call)).rejects.toBeInstanceOf(HttpRequestError);
    expect(await ledger(db, key)).toMatchObject({ status: 'sent', tx_hash: HASH });
    const next = fakeCall(key);
    expect(await keyedChainCall(db.pool, next.call)).toEqual({ status: 'done', result: `result of ${HASH}` });
    expect(next.calls).toEqual({ reconcile: 0, send: 0, confirm: [HASH] });
  });

  it('forgets the hash of a transaction that failed, so the next attempt checks the chain and may send again', async () => {
    const key = `k:${randomUUID()}`;
    const first = fakeCall(key, {
      confirm: () => Promise.reject(new Error('reverted')),
    });
    await expect(keyedChainCall(db.pool, first.call)).rejects.toThrow('reverted');
    expect(await ledger(db, key)).toMatchObject({ status: 'failed', tx_hash: null });
    const next = fakeCall(key);
    expect(await keyedChainCall(db.pool, next.call)).toEqual({ status: 'done', result: `result of ${HASH}` });
    expect(next.calls).toEqual({ reconcile: 1, send: 1, confirm: [HASH] });
  });
});
