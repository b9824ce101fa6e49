import {
  assertDeliverableUrl,
  WebhookUrlRefused,
  type NotificationConfig,
  type WebhookEndpoint,
  type WebhookEndpoints,
} from '@ayllu/notifications';
import { problem, ProblemException } from '../shared/problem';

const WEBHOOK_ID = /^wh_[0-9a-f]{28}$/;

export const webhookNotFound = (id: string) => new ProblemException(problem(404, 'WEBHOOK.NOT_FOUND', `No webhook ${id} in this DAO`));

export const requireWebhook = async (endpoints: WebhookEndpoints, daoId: string, id: string): Promise<WebhookEndpoint> => {
  const endpoint = WEBHOOK_ID.test(id) ? await endpoints.get(daoId, id) : null;
  if (!endpoint) throw webhookNotFound(id);
  return endpoint;
};

/** 422 naming the field when the URL is not http(s) or resolves to an address webhooks may not reach. */
export const requireDeliverableUrl = async (url: string, config: NotificationConfig): Promise<void> => {
  try {
    await assertDeliverableUrl(url, config.allowedNetworks);
  } catch (error) {
    if (!(error instanceof WebhookUrlRefused)) throw error;
    throw new ProblemException(
      problem(422, 'WEBHOOK.URL_REFUSED', `The webhook URL ${error.message}`, { errors: [{ field: 'url', message: error.message }] }),
    );
  }
};
