import { isChecksumAddress } from '@ayllu/domain';
import { invalidField } from '../../shared/validation/invalid-field';

/** Where a page of members ended: the last member's joinedAt (null sorts last) and address. */
export interface MemberCursor {
  readonly joinedAt: string | null;
  readonly address: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const MEMBER_CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;
export const MEMBER_CURSOR_MESSAGE = 'must be a cursor returned by this endpoint';

export const encodeMemberCursor = (cursor: MemberCursor): string =>
  Buffer.from(JSON.stringify([cursor.joinedAt, cursor.address])).toString('base64url');

/**
 * A cursor is what this endpoint wrote, byte for byte: a canonical UTC time (or null) and a checksummed
 * address, re-encoded to the same text. Anything else (a NUL, another shape, padding) is a 400 and never
 * reaches SQL.
 */
export const decodeMemberCursor = (text: string): MemberCursor => {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [joinedAt, address] = value as unknown[];
      const timeOk =
        joinedAt === null || (typeof joinedAt === 'string' && CURSOR_TIME.test(joinedAt) && new Date(joinedAt).toISOString() === joinedAt);
      if (timeOk && typeof address === 'string' && isChecksumAddress(address)) {
        const cursor = { joinedAt, address };
        if (encodeMemberCursor(cursor) === text) return cursor;
      }
    }
  } catch {
    // refused below
  }
  throw invalidField('cursor', MEMBER_CURSOR_MESSAGE);
};
