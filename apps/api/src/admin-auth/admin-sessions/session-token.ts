import { randomBytes } from 'node:crypto';

const PREFIX = 'ayllu_ses.';
const TOKEN = /^ayllu_ses\.[A-Za-z0-9_-]{43}$/;

/** An opaque session token: 32 random bytes. Only its SHA-256 is stored. */
export const newSessionToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

export const parseSessionToken = (presented: string): string | null => (TOKEN.test(presented) ? presented : null);
