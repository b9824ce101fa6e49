import { decodeCursor, encodeCursor } from '../../shared/paging/cursor';
import { INT64_MAX } from '../../shared/validation/validators';

const POSITION = /^(0|[1-9]\d{0,18})$/;

/**
 * Where a page of pools ended: the log position of the last pool's creation (pools list in creation order, one
 * pool per creation event, so the position is unique), as the shared opaque cursor.
 */
export const encodePoolCursor = (createdPosition: bigint): string => encodeCursor([createdPosition.toString()]);

/** A cursor is what this endpoint wrote (see decodeCursor): a log position; anything else is a 400 naming `cursor`. */
export const decodePoolCursor = (text: string): bigint =>
  decodeCursor(text, (key) => {
    const [position] = key;
    return key.length === 1 && typeof position === 'string' && POSITION.test(position) && BigInt(position) <= INT64_MAX
      ? BigInt(position)
      : null;
  });
