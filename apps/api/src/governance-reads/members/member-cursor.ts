import { isChecksumAddress } from '@ayllu/domain';
import { decodeCursor, encodeCursor } from '../../shared/paging/cursor';

/** Where a page of members ended: the last member's joinedAt (null sorts last) and address. */
export interface MemberCursor {
  readonly joinedAt: string | null;
  readonly address: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const encodeMemberCursor = (cursor: MemberCursor): string => encodeCursor([cursor.joinedAt, cursor.address]);

/** A canonical UTC time (or null) and a checksummed address; anything else is a 400 (see decodeCursor). */
export const decodeMemberCursor = (text: string): MemberCursor =>
  decodeCursor(text, (key) => {
    if (key.length !== 2) return null;
    const [joinedAt, address] = key;
    const timeOk =
      joinedAt === null || (typeof joinedAt === 'string' && CURSOR_TIME.test(joinedAt) && new Date(joinedAt).toISOString() === joinedAt);
    return timeOk && typeof address === 'string' && isChecksumAddress(address) ? { joinedAt, address } : null;
  });
