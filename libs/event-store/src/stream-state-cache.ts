interface Entry {
  readonly evolve: unknown;
  readonly state: unknown;
  readonly version: number;
}

/**
 * Folded stream states kept in memory, so a command reads only the events appended since it last saw the
 * stream instead of the whole stream (a vote on a 1,000-member DAO otherwise re-reads every member's
 * history). Always correct across processes: the cache is a starting point, and the events after its
 * version are read every time. Domain states are immutable values, so sharing them is safe. LRU-bounded.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 500) {}

  get<S>(streamId: string, evolve: unknown): { state: S; version: number } | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.evolve !== evolve) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry); // most recently used last
    return { state: entry.state as S, version: entry.version };
  }

  set(streamId: string, evolve: unknown, state: unknown, version: number): void {
    const current = this.entries.get(streamId);
    if (current && current.evolve === evolve && current.version > version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { evolve, state, version });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
