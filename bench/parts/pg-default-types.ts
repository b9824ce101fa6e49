import { types } from 'pg';

/** A pg-types parser, which pg-types types as `any`: the column's text in, its JavaScript value out. */
type Parser = (text: string) => unknown;

// Snapshotted when this module loads, which must be before Emmett creates a pool: dumbo then replaces
// pg's global parsers for int8, json and jsonb. Queries that pass these types read rows the way our code
// expects everywhere else.
const parsers = new Map([20, 114, 3802].map((oid) => [oid, types.getTypeParser(oid, 'text') as Parser] as const));

export const pgDefaultTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): Parser =>
    (format ?? 'text') === 'text' && parsers.has(oid) ? parsers.get(oid)! : (types.getTypeParser(oid, format as 'text') as Parser),
};
