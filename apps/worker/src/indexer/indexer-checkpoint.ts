import type { IndexerCheckpoint } from '@ayllu/chain';
import type { Hex } from 'viem';

type Stored = { blockNumber: string; blockHash: Hex; recent: { blockNumber: string; blockHash: Hex }[] };

/** The checkpoint as JSON (block numbers as decimal strings) and back. */
export const storeCheckpoint = (c: IndexerCheckpoint): string =>
  JSON.stringify({
    blockNumber: c.blockNumber.toString(),
    blockHash: c.blockHash,
    recent: c.recent.map((r) => ({ blockNumber: r.blockNumber.toString(), blockHash: r.blockHash })),
  } satisfies Stored);

export const loadCheckpoint = (stored: Stored): IndexerCheckpoint => ({
  blockNumber: BigInt(stored.blockNumber),
  blockHash: stored.blockHash,
  recent: stored.recent.map((r) => ({ blockNumber: BigInt(r.blockNumber), blockHash: r.blockHash })),
});
