import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, generateWebhookSecret } from './webhook-secret';

describe('webhook secrets at rest', () => {
  const key = randomBytes(32);

  it('round-trips through AES-256-GCM without the plain secret in the stored text', () => {
    const secret = generateWebhookSecret();
    const stored = encryptSecret(secret, key);
    expect(stored).not.toContain(secret.slice(6, 20));
    expect(decryptSecret(stored, key)).toBe(secret);
    expect(encryptSecret(secret, key)).not.toBe(stored);
  });

  it('refuses a tampered ciphertext or another key', () => {
    const stored = encryptSecret(generateWebhookSecret(), key);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] = body[0] ^ 1;
    expect(() => decryptSecret([...parts.slice(0, 3), body.toString('base64url')].join('.'), key)).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow();
  });
});
