import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedAdminKey {
  readonly key: string;
  /** True when this call generated the key (the only time it is shown). */
  readonly generated: boolean;
  readonly file: string | null;
}

/**
 * The admin key from the environment, or in development one generated once and kept in DATA_DIR
 * (mode 0600) so that it survives restarts. The caller prints it only when `generated` is true.
 */
export const resolveAdminKey = (configured: string | null, dataDir: string): ResolvedAdminKey => {
  if (configured) return { key: configured, generated: false, file: null };
  const file = join(dataDir, 'admin-api-key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false, file };
  mkdirSync(dataDir, { recursive: true });
  const key = `ayllu_admin_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, generated: true, file };
};

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time comparison: both sides are hashed first, so length differences leak nothing either. */
export const adminKeyMatches = (presented: string, expected: string): boolean => timingSafeEqual(digest(presented), digest(expected));
