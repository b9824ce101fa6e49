/** What is stored with an idempotency key. */
export interface StoredKey {
  readonly fingerprint: string;
  readonly response: unknown;
}

interface Waiting {
  readonly key: string;
  readonly resolve: (stored: StoredKey | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Look-ups of idempotency keys, coalesced: while `maxInFlight` queries run, the keys asked meanwhile wait and go
 * together in the next one (every signed write checks its nonce, and a burst of votes otherwise costs a round
 * trip each). A key is always looked up by a query sent after it was asked, so it sees every claim committed
 * before that. A lone look-up goes at once.
 */
export class KeyLookups {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly query: (keys: readonly string[]) => Promise<ReadonlyMap<string, StoredKey>>,
    private readonly maxInFlight = 2,
    private readonly maxKeys = 256,
  ) {}

  find(key: string): Promise<StoredKey | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxKeys);
      this.inFlight++;
      this.query([...new Set(batch.map((w) => w.key))])
        .then(
          (found) => batch.forEach((w) => w.resolve(found.get(w.key))),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
