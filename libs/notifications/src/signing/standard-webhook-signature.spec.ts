import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret } from '../secrets/webhook-secret';
import { signStandardWebhook } from './standard-webhook-signature';

describe('Standard Webhooks signatures (verified by the standardwebhooks library)', () => {
  const id = 'b3f1c2d4-5e6f-5a7b-8c9d-0e1f2a3b4c5d';
  const body = JSON.stringify({ type: 'proposal.created', data: { amount: '1000000000000000000' } });
  const now = () => Math.floor(Date.now() / 1000);

  it('verifies with the endpoint secret', () => {
    const secret = generateWebhookSecret();
    const headers = signStandardWebhook(id, now(), body, [secret]);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with both secrets during a rotation, so the old and the new one verify', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signStandardWebhook(id, now(), body, [current, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
  });

  it('fails for another secret, a changed body, id or timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = signStandardWebhook(id, now(), body, [secret]);
    const verify =
      (b: string, h: Record<string, string>, s = secret) =>
      () =>
        new Webhook(s).verify(b, h);
    expect(verify(body, { ...headers }, generateWebhookSecret())).toThrow(WebhookVerificationError);
    expect(verify(body.replace('1000', '9000'), { ...headers })).toThrow(WebhookVerificationError);
    expect(verify(body, { ...headers, 'webhook-id': 'other' })).toThrow(WebhookVerificationError);
    expect(verify(body, { ...headers, 'webhook-timestamp': String(now() - 1) })).toThrow(WebhookVerificationError);
  });

  it('makes secrets of 32 random bytes with the whsec_ prefix', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
