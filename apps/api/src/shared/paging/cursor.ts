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
