import type { Event } from '../shared/decider';

/**
 * Stream `webhook-<endpointId>`: what the platform decided about a DAO's webhook endpoint. The endpoint's
 * configuration lives in its table (it holds an encrypted secret); the log records what admins must hear of.
 */
export type WebhookEndpointDisabled = Event<
  'WebhookEndpointDisabled',
  {
    readonly daoId: string;
    readonly endpointId: string;
    /** The endpoint's URL with credentials and query removed. */
    readonly url: string;
    /** `gone`: the receiver answered 410; `failing`: it failed for longer than the retry window. */
    readonly reason: 'gone' | 'failing';
    readonly disabledAt: string;
  }
>;

export type WebhookEvent = WebhookEndpointDisabled;

export type WebhookState = { readonly status: 'Enabled' } | { readonly status: 'Disabled'; readonly reason: 'gone' | 'failing' };

export const initialWebhookState = (): WebhookState => ({ status: 'Enabled' });

export const evolveWebhook = (_state: WebhookState, event: WebhookEvent): WebhookState => ({
  status: 'Disabled',
  reason: event.data.reason,
});
