import { invalidField } from '../../shared/validation/invalid-field';

export const POOL_CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const POOL_CURSOR_MESSAGE = 'must be a cursor returned by this endpoint';

/** Where a page of pools ended: the log position of the last pool's creation (pools list in creation order). */
export const encodePoolCursor = (createdPosition: bigint): string => Buffer.from(createdPosition.toString()).toString('base64url');

/** A cursor is what this endpoint wrote, byte for byte; anything else is a 400 and never reaches SQL. */
export const decodePoolCursor = (text: string): bigint => {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  if (/^(0|[1-9]\d{0,18})$/.test(decoded) && encodePoolCursor(BigInt(decoded)) === text) return BigInt(decoded);
  throw invalidField('cursor', POOL_CURSOR_MESSAGE);
};
