import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * DAO admin keys: `ayllu_dak.<daoId>.<keyId>.<secret>`. The DAO and key ids are not secret (events name the
 * key `admin-key:<keyId>`); the 32-byte secret is shown once and stored only as a salted scrypt hash.
 * The DAO id in the key lets a request be authenticated against that DAO's own log, so a key presented
 * on another DAO is recognised as a valid key of the wrong DAO (403), not as an unknown one.
 */
const PREFIX = 'ayllu_dak';
const KEY_ID = /^key_[0-9a-f]{24}$/;
const DAO_ID = /^dao_[0-9a-f]{28}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

// N = 2^14, r = 8: about 16 MiB and tens of milliseconds per check, off the event loop (libuv's pool).
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HASH_BYTES = 32;

export interface IssuedDaoAdminKey {
  readonly keyId: string;
  /** The whole key, to be shown once and never stored. */
  readonly key: string;
  readonly secretHash: string;
}

export interface PresentedDaoAdminKey {
  readonly daoId: string;
  readonly keyId: string;
  readonly secret: string;
}

const scryptAsync = (secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(secret, salt, HASH_BYTES, { ...params, maxmem: SCRYPT.maxmem }, (error, derived) => (error ? reject(error) : resolve(derived))),
  );

export const hashAdminKeySecret = async (secret: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
};

export const issueDaoAdminKey = async (daoId: string): Promise<IssuedDaoAdminKey> => {
  const keyId = `key_${randomBytes(12).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${PREFIX}.${daoId}.${keyId}.${secret}`, secretHash: await hashAdminKeySecret(secret) };
};

/** The parts of something shaped like a DAO admin key, or null. Says nothing about whether it is valid. */
export const parseDaoAdminKey = (presented: string): PresentedDaoAdminKey | null => {
  const parts = presented.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, daoId, keyId, secret] = parts as [string, string, string, string];
  return DAO_ID.test(daoId) && KEY_ID.test(keyId) && SECRET.test(secret) ? { daoId, keyId, secret } : null;
};

/** Whether `secret` is the one `secretHash` was made from; the comparison is constant-time. */
export const adminKeySecretMatches = async (secret: string, secretHash: string): Promise<boolean> => {
  const parts = secretHash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length !== HASH_BYTES || ![N, r, p].every(Number.isSafeInteger)) return false;
  const actual = await scryptAsync(secret, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
};

/** Session tokens and nonces are random: a fast hash is enough to keep them useless at rest. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
