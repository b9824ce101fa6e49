import { createHash } from 'node:crypto';
import { NETWORK_CLASSES, type NetworkClass } from './security/address-class';

export interface NotificationConfig {
  /** Address classes webhook URLs may resolve to beside public ones (development: loopback). */
  readonly allowedNetworks: ReadonlySet<NetworkClass>;
  /** AES-256 key that encrypts webhook signing secrets at rest. */
  readonly secretsKey: Buffer;
}

/** Used only outside production when WEBHOOK_SECRETS_KEY is unset, so `npm start` works out of the box. */
const DEVELOPMENT_SECRETS_KEY = createHash('sha256').update('ayllu-development-webhook-secrets-key').digest();

/**
 * Reads the notification settings. `WEBHOOK_ALLOWED_NETWORKS` is a comma-separated list of address
 * classes (loopback, private, link-local, cgnat, ...) that defaults to `loopback` in development and
 * test and to nothing in production. `WEBHOOK_SECRETS_KEY` (32 bytes, base64 or hex) is required in
 * production.
 */
export const loadNotificationConfig = (
  env: NodeJS.ProcessEnv = process.env,
  nodeEnv: string = env.NODE_ENV ?? 'development',
): NotificationConfig => {
  const production = nodeEnv === 'production';
  const raw = env.WEBHOOK_ALLOWED_NETWORKS ?? (production ? '' : 'loopback');
  const allowed = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of allowed) {
    if (!(NETWORK_CLASSES as readonly string[]).includes(name)) {
      throw new Error(`Invalid configuration: WEBHOOK_ALLOWED_NETWORKS has unknown class "${name}" (known: ${NETWORK_CLASSES.join(', ')})`);
    }
  }
  return { allowedNetworks: new Set(allowed as NetworkClass[]), secretsKey: secretsKeyFrom(env.WEBHOOK_SECRETS_KEY, production) };
};

const secretsKeyFrom = (value: string | undefined, production: boolean): Buffer => {
  if (!value) {
    if (production) throw new Error('Invalid configuration: WEBHOOK_SECRETS_KEY is required when NODE_ENV=production');
    return DEVELOPMENT_SECRETS_KEY;
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('Invalid configuration: WEBHOOK_SECRETS_KEY must be 32 bytes in hex or base64');
  return key;
};
