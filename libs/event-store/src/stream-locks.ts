/**
 * In-process queues per stream. Commands on the same stream in one process run one after another instead
 * of racing to the same version and re-deciding (a burst of votes on one proposal otherwise turns into a
 * retry storm). Across processes the store's optimistic concurrency still decides. Keys are taken in
 * sorted order, so two commands over overlapping streams cannot wait on each other.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(streamIds: readonly string[]): Promise<() => void> {
    const releases: (() => void)[] = [];
    for (const id of [...new Set(streamIds)].sort()) releases.push(await this.acquireOne(id));
    return () => {
      for (const release of releases.reverse()) release();
    };
  }

  private async acquireOne(streamId: string): Promise<() => void> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.tails.set(streamId, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    };
  }
}
