import type { Hex } from 'viem';
import type { SafeCall } from '../safe/safe-transaction';

/** A governed action as the timelock sees it: calls run in order, atomically, after the delay. */
export type TimelockBatch = {
  readonly calls: readonly SafeCall[];
  /** Id of an operation that must be done first, or zero bytes for none. */
  readonly predecessor: Hex;
  /** Distinguishes two otherwise identical batches (e.g. derived from the proposal id). */
  readonly salt: Hex;
};

export const batchArgs = (batch: TimelockBatch) =>
  [
    batch.calls.map((call) => call.to),
    batch.calls.map((call) => call.value),
    batch.calls.map((call) => call.data),
    batch.predecessor,
    batch.salt,
  ] as const;
