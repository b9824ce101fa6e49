import { PostgresEventStore } from '@ayllu/event-store';
import { keccak256, toHex } from 'viem';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { executionChain } from '../src/execution/execution-chain';
import { ExecutionStepper, retryDelayMs } from '../src/execution/execution-stepper';

const policy = { baseMs: 5000, maxMs: 300_000 };

describe('Execution stepper: a failing step backs off', () => {
  it('waits 5 s after the first failure, doubling per failure in a row, capped at 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelayMs(n, policy) / 1000)).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  describe('against a node that does not answer', () => {
    let db: TestDatabase;
    let stepper: ExecutionStepper;
    const errors: unknown[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      // Port 9 (discard) on loopback refuses connections: every RPC fails as a transport error.
      const chain = executionChain({
        rpcUrl: 'http://127.0.0.1:9',
        relayerPrivateKey: keccak256(toHex('ayllu:backoff:relayer')),
        profile: { chainId: 31337, displayName: 'unreachable' } as never,
      });
      const deps = { pool: db.pool, store: new PostgresEventStore(db.pool), chain, now: () => new Date(), maxWaitMs: 1000 };
      stepper = new ExecutionStepper(db.pool, deps, {
        leaseMs: 30_000,
        retryMs: policy.baseMs,
        maxRetryMs: policy.maxMs,
        onError: (_subject, error) => errors.push(error),
        onPassError: (error) => errors.push(error),
      });
      await db.pool.query(
        `INSERT INTO execution_processes (proposal_id, dao_id, due_at) VALUES ('prop_failing', 'dao_backoff', now()), ('prop_idle', 'dao_backoff', NULL)`,
      );
    });
    afterAll(async () => {
      await stepper?.stop();
      await db?.drop();
    });

    const row = async (id: string) =>
      (
        await db.pool.query<{ attempts: number; wait_s: number | null; last_step: string }>(
          `SELECT attempts, round(extract(epoch FROM due_at - updated_at))::int AS wait_s, last_step FROM execution_processes WHERE proposal_id = $1`,
          [id],
        )
      ).rows[0];

    it('counts failures per item and waits longer after each one, up to the cap', async () => {
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 8; attempt++) {
        // Make it due now instead of waiting for the backoff to pass.
        await db.pool.query(`UPDATE execution_processes SET due_at = now() WHERE proposal_id = 'prop_failing'`);
        await stepper.tick();
        const { attempts, wait_s, last_step } = await row('prop_failing');
        expect({ attempts, last_step }).toEqual({ attempts: attempt, last_step: 'Error' });
        waits.push(wait_s!);
      }
      expect(waits).toEqual([5, 10, 20, 40, 80, 160, 300, 300]);
      expect(errors).toHaveLength(8);
      // The other item was never due, so never tried: the count is per item.
      expect(await row('prop_idle')).toMatchObject({ attempts: 0, wait_s: null });
    });

    it('a step that is not due is not retried by a tick', async () => {
      const before = errors.length;
      await stepper.tick();
      expect(errors).toHaveLength(before);
    });
  });
});
