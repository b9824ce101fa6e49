/** How a command holds one of its streams in this process. */
export type LockMode = 'exclusive' | 'shared';

interface Waiter {
  readonly mode: LockMode;
  readonly grant: () => void;
}

/** One stream's gate: its holders now and, in arrival order, who waits. */
interface Gate {
  readers: number;
  writer: boolean;
  readonly waiting: Waiter[];
}

/**
 * In-process read/write locks per stream. Commands on the same stream in one process run one after another instead
 * of racing to the same version and re-deciding (a burst of votes on one proposal otherwise turns into a retry
 * storm). A command that names a stream it mostly reads (a vote reads its DAO, to know the voter is still an active
 * member) may hold it shared: such commands run side by side, while one holding it exclusively (a suspension) waits
 * for them and keeps new ones out until it is done, so a vote is never decided on a DAO state a suspension in this
 * process is replacing. Shared holders that do append to the stream still meet the store's expected versions, and
 * across processes those versions alone decide. Waiters are served in arrival order (a writer is not starved), and
 * keys are taken in sorted order, so two commands over overlapping streams cannot wait on each other.
 */
export class StreamLocks {
  private readonly gates = new Map<string, Gate>();

  /** `shared` names the streams (among `streamIds`) held shared; the others are held exclusively. */
  async acquire(streamIds: readonly string[], shared: readonly string[] = []): Promise<() => void> {
    const releases: (() => void)[] = [];
    for (const id of [...new Set(streamIds)].sort()) releases.push(await this.acquireOne(id, shared.includes(id) ? 'shared' : 'exclusive'));
    return () => {
      for (const release of releases.reverse()) release();
    };
  }

  private async acquireOne(streamId: string, mode: LockMode): Promise<() => void> {
    let gate = this.gates.get(streamId);
    if (!gate) this.gates.set(streamId, (gate = { readers: 0, writer: false, waiting: [] }));
    const held = gate;
    if (held.waiting.length === 0 && canEnter(held, mode)) enter(held, mode);
    else await new Promise<void>((grant) => held.waiting.push({ mode, grant }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (mode === 'shared') held.readers--;
      else held.writer = false;
      this.admit(streamId, held);
    };
  }

  /** Lets in, in order, every waiter the gate now admits (a run of shared ones together). */
  private admit(streamId: string, gate: Gate): void {
    while (gate.waiting.length > 0 && canEnter(gate, gate.waiting[0].mode)) {
      const next = gate.waiting.shift()!;
      enter(gate, next.mode);
      next.grant();
    }
    if (gate.readers === 0 && !gate.writer && gate.waiting.length === 0) this.gates.delete(streamId);
  }
}

const canEnter = (gate: Gate, mode: LockMode): boolean => !gate.writer && (mode === 'shared' || gate.readers === 0);

const enter = (gate: Gate, mode: LockMode): void => {
  if (mode === 'shared') gate.readers++;
  else gate.writer = true;
};
