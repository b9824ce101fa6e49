import { invalidField } from '../validation/invalid-field';

export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;
export const CURSOR_MESSAGE = 'must be a cursor returned by this endpoint';

/** A cursor is the sort key of the page's last item, as base64url JSON: opaque to clients, checked on the way back. */
export type CursorKey = readonly (string | number | null)[];

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * Reads a cursor back: it must be what `encodeCursor` wrote, byte for byte (no padding, no other shape), and
 * `accept` must take its key (the route's own check of each part). Anything else is a 400 naming `cursor`,
 * and never reaches SQL.
 */
export const decodeCursor = <T>(text: string, accept: (key: readonly unknown[]) => T | null): T => {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && encodeCursor(value as CursorKey) === text) {
      const key = accept(value);
      if (key !== null) return key;
    }
  } catch {
    // refused below
  }
  throw invalidField('cursor', CURSOR_MESSAGE);
};

const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A cursor of (creation time, id), the key of lists ordered by when their items were made: the time must be a
 * canonical UTC timestamp and the id match `idPattern`; anything else is a 400 naming `cursor`.
 */
export const decodeCreatedCursor = (text: string, idPattern: RegExp): { createdAt: string; id: string } =>
  decodeCursor(text, (key) => {
    if (key.length !== 2) return null;
    const [createdAt, id] = key;
    return typeof createdAt === 'string' &&
      CANONICAL_TIME.test(createdAt) &&
      new Date(createdAt).toISOString() === createdAt &&
      typeof id === 'string' &&
      idPattern.test(id)
      ? { createdAt, id }
      : null;
  });
