/** What a cached read route answers from: the event log itself, or a read model a projection of the worker fills. */
export type ReadSource = 'log' | 'read-model';

export interface CachedRead {
  readonly body: Buffer;
  /** Content-Type, Link: what the answer was sent with. */
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
}

/** Taken when a read starts: the answer may be cached, and tagged, only if nothing changed before it ends. */
export interface ReadTicket {
  readonly generation: number;
  readonly etag: string | null;
}

export interface ReadCacheOptions {
  readonly maxEntries?: number;
  readonly maxBodyBytes?: number;
  /** All bodies together: distinct URLs (query variations) must not grow the process without bound. */
  readonly maxTotalBytes?: number;
}

/**
 * The API's in-memory cache of read answers, as the bytes that were sent, keyed by URL. It holds only answers
 * built since the last change the process knows of: any change (an append by this process, a NOTIFY from
 * another, a projection checkpoint moving) empties it and bumps the generation, so an answer that was being
 * built across a change is never stored. Between a change and the watcher's look at the database
 * (`settle`), nothing is served, stored or tagged: a client that saw its write acknowledged never gets an
 * answer, or a 304, from before it.
 */
export class ReadCache {
  private readonly entries = new Map<string, CachedRead>();
  private generation = 0;
  /** The log's position as the watcher last read it (null: not read since the last change). */
  private logTag: string | null = null;
  /** Whether the read models had caught up with the log at the watcher's last look. */
  private projected = false;
  /** The tag the cached answers were built at. */
  private lastTag: string | null = null;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;

  constructor(options: ReadCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 16 * 1024 * 1024;
  }

  /** Something may have changed: forget every answer until the watcher has looked again. */
  invalidate(): void {
    this.generation++;
    this.clear();
    this.logTag = null;
    this.projected = false;
  }

  /**
   * The watcher's look at the database: the log's head and the read models' checkpoint, as one tag. A tag that
   * differs from the one the cached answers were built at empties the cache.
   */
  settle(tag: string, projected: boolean, generationAtLook: number): void {
    if (generationAtLook !== this.generation) return; // changed again while it looked: it looks again
    if (this.lastTag !== tag) {
      this.generation++;
      this.clear();
      this.lastTag = tag;
    }
    this.logTag = tag;
    this.projected = projected;
  }

  get currentGeneration(): number {
    return this.generation;
  }

  /** The ETag of an answer built now from `source`, or null when none may be given (a change not yet looked at). */
  ticket(source: ReadSource): ReadTicket {
    const usable = this.logTag !== null && (source === 'log' || this.projected);
    return { generation: this.generation, etag: usable ? `W/"${this.logTag}"` : null };
  }

  lookup(key: string): CachedRead | undefined {
    return this.entries.get(key);
  }

  store(key: string, ticket: ReadTicket, body: Buffer, headers: Readonly<Record<string, string>>): boolean {
    if (ticket.etag === null || ticket.generation !== this.generation || body.length > this.maxBodyBytes) return false;
    this.remove(key);
    // The oldest answers go first (a Map keeps insertion order) until the new one fits both budgets.
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.totalBytes + body.length > this.maxTotalBytes))
      this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, { body, headers, etag: ticket.etag });
    this.totalBytes += body.length;
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes of every cached body together. */
  get bytes(): number {
    return this.totalBytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.totalBytes -= entry.body.length;
    this.entries.delete(key);
  }

  private clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}
