import { describe, expect, it } from '@jest/globals';
import type { Address, PublicClient, TransactionReceipt } from 'viem';
import { formatDeployProgress, trackProgress, type DeployProgress } from './deploy-progress';

const ADDRESS: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const HASH = `0x${'ab'.repeat(32)}` as const;

describe('deploy progress', () => {
  it('is printed one line per event', () => {
    expect(formatDeployProgress({ kind: 'started', step: 'timelock' })).toBe('→ deploying timelock…');
    expect(formatDeployProgress({ kind: 'sent', step: 'timelock', transactionHash: HASH })).toBe(
      `  sent ${HASH}, waiting for it to be mined…`,
    );
    expect(
      formatDeployProgress({ kind: 'confirmed', step: 'timelock', address: ADDRESS, blockNumber: 7n, transactions: 1, elapsedMs: 1234 }),
    ).toBe(`✓ timelock ${ADDRESS} (block 7, 1.2 s)`);
    expect(
      formatDeployProgress(
        { kind: 'confirmed', step: 'superfluid', blockNumber: 26n, transactions: 26, elapsedMs: 2300 },
        () => 'Superfluid',
      ),
    ).toBe('✓ Superfluid (block 26, 26 transactions, 2.3 s)');
    expect(formatDeployProgress({ kind: 'confirmed', step: 'safe', transactions: 0, elapsedMs: 40 })).toBe('✓ safe (nothing sent, 0.0 s)');
    const handOver = () => ({ doing: 'handing the Safe over', done: 'Safe handed over' });
    expect(formatDeployProgress({ kind: 'started', step: 'bootstrap' }, handOver)).toBe('→ handing the Safe over…');
    expect(formatDeployProgress({ kind: 'confirmed', step: 'bootstrap', blockNumber: 9n, transactions: 1, elapsedMs: 300 }, handOver)).toBe(
      '✓ Safe handed over (block 9, 0.3 s)',
    );
  });

  it('reports the transactions a step waits for against that step, and none outside a step', async () => {
    const receipts = new Map([[HASH, { blockNumber: 42n } as TransactionReceipt]]);
    const client = {
      waitForTransactionReceipt: ({ hash }: { hash: `0x${string}` }) => Promise.resolve(receipts.get(hash)!),
    } as unknown as PublicClient;
    const events: DeployProgress[] = [];
    let clock = 1_000;
    const progress = trackProgress(
      client,
      (event) => events.push(event),
      () => (clock += 500),
    );

    await progress.public.waitForTransactionReceipt({ hash: HASH });
    const result = await progress.step(
      'vault',
      async () => {
        await progress.public.waitForTransactionReceipt({ hash: HASH });
        return { vault: ADDRESS };
      },
      (deployed) => deployed.vault,
    );

    expect(result).toEqual({ vault: ADDRESS });
    expect(events).toEqual([
      { kind: 'started', step: 'vault' },
      { kind: 'sent', step: 'vault', transactionHash: HASH },
      { kind: 'confirmed', step: 'vault', address: ADDRESS, blockNumber: 42n, transactions: 1, elapsedMs: 500 },
    ]);
  });

  it('passes a failing step on without confirming it', async () => {
    const events: DeployProgress[] = [];
    const progress = trackProgress({} as PublicClient, (event) => events.push(event));
    await expect(progress.step('safe', () => Promise.reject(new Error('Create2 call failed')))).rejects.toThrow('Create2 call failed');
    expect(events).toEqual([{ kind: 'started', step: 'safe' }]);
  });
});
