export const PART_IDS = ['append', 'votes', 'rebuild', 'read-api', 'gas', 'notifications', 'replicas', 'memory'] as const;
export type PartId = (typeof PART_IDS)[number];

export interface BenchArgs {
  readonly full: boolean;
  readonly only: readonly PartId[];
  /** Where BENCHMARKS.md and the JSON go; default: the repository. */
  readonly write: boolean;
}

const USAGE = `npm run bench -- [--full] [--only=${PART_IDS.join(',')}] [--no-write]`;

export const parseArgs = (argv: readonly string[]): BenchArgs => {
  let full = false;
  let write = true;
  let only: PartId[] = [...PART_IDS];
  for (const arg of argv) {
    if (arg === '--full') full = true;
    else if (arg === '--no-write') write = false;
    else if (arg.startsWith('--only=')) {
      const ids = arg.slice('--only='.length).split(',').filter(Boolean);
      const unknown = ids.filter((id) => !(PART_IDS as readonly string[]).includes(id));
      if (unknown.length > 0) throw new Error(`Unknown part(s) ${unknown.join(', ')}. Usage: ${USAGE}`);
      only = PART_IDS.filter((id) => ids.includes(id)); // in the harness's order: memory reads what the others recorded
    } else throw new Error(`Unknown argument ${arg}. Usage: ${USAGE}`);
  }
  return { full, only, write };
};
