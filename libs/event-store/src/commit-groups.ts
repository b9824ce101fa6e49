/** What a queued append touches: a batch holds each stream and each idempotency key once. */
export interface GroupMember {
  readonly streams: readonly string[];
  readonly key: string | null;
}

export interface Queued<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

export interface CommitGroupsOptions<T, R> {
  /** Commits a batch and settles every one of its entries (resolve or reject each). */
  readonly run: (batch: readonly Queued<T, R>[]) => Promise<void>;
  /** Batches committing at once. */
  readonly maxInFlight: number;
  /** Entries in one batch. */
  readonly maxBatch: number;
}

/**
 * Group commit: appends from concurrent requests wait while `maxInFlight` batches are committing and then go
 * together, as one transaction. A lone append goes at once (no added latency when the store is idle); under
 * load the batches grow by themselves, and one WAL flush serves many requests. Nothing is answered before
 * its batch has committed. Entries that touch a stream or an idempotency key already in the batch, or in a
 * batch committing now, wait for a later one, in their order, so each is decided against what the earlier
 * ones wrote.
 */
export class CommitGroups<T extends GroupMember, R> {
  private readonly queue: Queued<T, R>[] = [];
  private inFlight = 0;
  /** Streams and keys of the batches committing now: an entry touching one waits for that commit. */
  private readonly busyStreams = new Set<string>();
  private readonly busyKeys = new Set<string>();

  constructor(private readonly options: CommitGroupsOptions<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return; // everything queued waits on a commit under way
      this.inFlight++;
      for (const { item } of batch) {
        for (const s of item.streams) this.busyStreams.add(s);
        if (item.key !== null) this.busyKeys.add(item.key);
      }
      this.options
        .run(batch)
        .catch((error: unknown) => {
          for (const entry of batch) entry.reject(error);
        })
        .finally(() => {
          this.inFlight--;
          for (const { item } of batch) {
            for (const s of item.streams) this.busyStreams.delete(s);
            if (item.key !== null) this.busyKeys.delete(item.key);
          }
          this.pump();
        });
    }
  }

  private takeBatch(): Queued<T, R>[] {
    const streams = new Set<string>();
    const keys = new Set<string>();
    const batch: Queued<T, R>[] = [];
    const waiting: Queued<T, R>[] = [];
    for (const entry of this.queue) {
      const { item } = entry;
      const clashes =
        batch.length >= this.options.maxBatch ||
        item.streams.some((s) => streams.has(s) || this.busyStreams.has(s)) ||
        (item.key !== null && (keys.has(item.key) || this.busyKeys.has(item.key))) ||
        // a later entry must not overtake an earlier one waiting on the same stream or key
        waiting.some((w) => w.item.streams.some((s) => item.streams.includes(s)) || (item.key !== null && w.item.key === item.key));
      if (clashes) {
        waiting.push(entry);
        continue;
      }
      batch.push(entry);
      for (const s of item.streams) streams.add(s);
      if (item.key !== null) keys.add(item.key);
    }
    this.queue.splice(0, this.queue.length, ...waiting);
    return batch;
  }
}
