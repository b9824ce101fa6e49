import { BlockNotFoundError, type Hex, type PublicClient } from 'viem';
import type { ChainFact, WatchedContracts } from './chain-facts';
import { decodeChainLogs } from './decode-chain-logs';
import { RpcHealthTracker, type RetryPolicy, type RpcHealth } from './rpc-health';

export type BlockRef = { readonly blockNumber: bigint; readonly blockHash: Hex };

/**
 * How far the indexer got. `recent` keeps the hashes of the last blocks it read up to, so that after a
 * reorg (even after a restart) it can find the newest block both chains share. Store it as is.
 */
export type IndexerCheckpoint = BlockRef & { readonly recent: readonly BlockRef[] };

export type PollResult = {
  readonly facts: readonly ChainFact[];
  /** Facts this indexer emitted earlier that the reorg took back. */
  readonly retracted: readonly ChainFact[];
  /** Set after a reorg: every fact from a block above this one is void, whether or not it is in `retracted`. */
  readonly rewoundTo?: bigint;
  readonly nextCheckpoint: IndexerCheckpoint;
};

export type ChainIndexerOptions = {
  readonly client: PublicClient;
  readonly chainId: number;
  readonly contracts: WatchedContracts;
  /** Blocks a log must be buried under before it becomes a fact. */
  readonly confirmations: bigint;
  /** Largest block range per `eth_getLogs`. */
  readonly maxBlockRange?: bigint;
  /** How many block hashes the checkpoint remembers (the deepest reorg it can undo). */
  readonly reorgWindow?: number;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
};

export class ReorgTooDeepError extends Error {}

/** Reads a DAO's logs in bounded ranges behind the head, turns them into facts and undoes them on a reorg. */
export class ChainIndexer {
  private readonly rpc: RpcHealthTracker;
  private readonly emitted = new Map<string, ChainFact>();

  constructor(private readonly options: ChainIndexerOptions) {
    this.rpc = new RpcHealthTracker(options.retry, options.now);
  }

  get health(): RpcHealth {
    return this.rpc.health;
  }

  /** A checkpoint at `blockNumber` (e.g. the deployment block minus one) to start from. */
  async checkpointAt(blockNumber: bigint): Promise<IndexerCheckpoint> {
    const ref = await this.blockRef(blockNumber);
    if (!ref) throw new Error(`Block ${blockNumber} does not exist yet`);
    return { ...ref, recent: [ref] };
  }

  async poll(checkpoint: IndexerCheckpoint): Promise<PollResult> {
    const { client, confirmations, maxBlockRange = 2_000n, reorgWindow = 64 } = this.options;
    const current = await this.blockRef(checkpoint.blockNumber);
    if (current?.blockHash !== checkpoint.blockHash) return this.rewind(checkpoint);

    // cacheTime 0: viem caches the block number for a polling interval, which would hide fresh blocks.
    const head = await this.rpc.call(() => client.getBlockNumber({ cacheTime: 0 }));
    const fromBlock = checkpoint.blockNumber + 1n;
    const toBlock = min(head - confirmations, checkpoint.blockNumber + maxBlockRange);
    if (toBlock < fromBlock) return { facts: [], retracted: [], nextCheckpoint: checkpoint };

    const { vault, safe, timelock, pool, gda } = this.options.contracts;
    const logs = await this.rpc.call(() => client.getLogs({ address: [vault, safe, timelock, pool, gda], fromBlock, toBlock }));
    const end = await this.blockRef(toBlock);
    const facts = decodeChainLogs(this.options.chainId, this.options.contracts, logs);
    // The chain moved under us between reading the logs and the end block: read the range again next time.
    const torn = !end || facts.some((f) => f.origin.blockNumber === toBlock && f.origin.blockHash !== end.blockHash);
    if (torn) return { facts: [], retracted: [], nextCheckpoint: checkpoint };
    for (const fact of facts) this.emitted.set(fact.origin.key, fact);
    const recent = [...checkpoint.recent, ...factBlocks(facts), end].slice(-reorgWindow);
    return { facts, retracted: [], nextCheckpoint: { ...end, recent } };
  }

  private async rewind(checkpoint: IndexerCheckpoint): Promise<PollResult> {
    for (const ref of [...checkpoint.recent].reverse()) {
      if (ref.blockNumber >= checkpoint.blockNumber && ref.blockHash === checkpoint.blockHash) continue;
      const onChain = await this.blockRef(ref.blockNumber);
      if (onChain?.blockHash !== ref.blockHash) continue;
      const retracted = [...this.emitted.values()].filter((fact) => fact.origin.blockNumber > ref.blockNumber);
      for (const fact of retracted) this.emitted.delete(fact.origin.key);
      const recent = checkpoint.recent.filter((r) => r.blockNumber <= ref.blockNumber);
      return { facts: [], retracted, rewoundTo: ref.blockNumber, nextCheckpoint: { ...ref, recent } };
    }
    throw new ReorgTooDeepError(`No block in the checkpoint's last ${checkpoint.recent.length} is still on the chain`);
  }

  /** The block's hash, or undefined when the chain is shorter (after a reorg); RPC failures throw. */
  private async blockRef(blockNumber: bigint): Promise<BlockRef | undefined> {
    const block = await this.rpc.call(() =>
      this.options.client.getBlock({ blockNumber }).catch((error: unknown) => {
        if (error instanceof BlockNotFoundError) return undefined;
        throw error;
      }),
    );
    return block && { blockNumber, blockHash: block.hash };
  }
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

const factBlocks = (facts: readonly ChainFact[]): BlockRef[] => {
  const seen = new Map<bigint, BlockRef>();
  for (const { origin } of facts) seen.set(origin.blockNumber, { blockNumber: origin.blockNumber, blockHash: origin.blockHash });
  return [...seen.values()];
};
