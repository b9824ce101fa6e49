import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_EXAMPLES, NOTIFICATION_TYPES, type NotificationEnvelope, type NotificationType } from '@ayllu/notifications';

const EXAMPLE_ID = '0b7e6c5a-1d2f-5e3a-9b8c-7d6e5f4a3b2c';

const envelopeOf = (type: NotificationType): NotificationEnvelope =>
  ({
    id: EXAMPLE_ID,
    type,
    timestamp: '2026-11-21T10:00:00.000Z',
    daoId: 'dao_0193a1b2c3d4e5f60718293a4b5c',
    logPosition: '1042',
    eventId: '6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b',
    data: NOTIFICATION_EXAMPLES[type],
  }) as NotificationEnvelope;

const CATALOGUE = NOTIFICATION_TYPES.map((type) => ({ type, example: envelopeOf(type) }));

@ApiTags('Webhooks')
@Controller('v1/webhooks/notification-types')
export class NotificationCatalogueController {
  @Get()
  @ApiOperation({
    summary: 'The notification catalogue, with an example payload of each type',
    description:
      'A `standard` webhook receives the example as its JSON body, signed per Standard Webhooks (`webhook-id` = `id`, ' +
      '`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two signatures for 24 h after a rotation). ' +
      'Deduplicate on `id` (stable across retries and redeliveries) and order by `logPosition`. Amounts are decimal strings in the ' +
      "token's smallest unit. Retries: immediately, then after 5 s, 5 min, 30 min, " +
      '2 h, 5 h, 10 h and 10 h; 15 s timeout; 410 disables the endpoint; 5 days of failures disable it and send `webhook.endpoint_disabled`.',
  })
  @ApiOkResponse({
    description: 'Every type with an example envelope',
    content: {
      'application/json': {
        schema: {
          type: 'array',
          items: { type: 'object', properties: { type: { type: 'string', enum: [...NOTIFICATION_TYPES] }, example: { type: 'object' } } },
        },
        examples: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { summary: type, value: envelopeOf(type) }])),
      },
    },
  })
  list(): typeof CATALOGUE {
    return CATALOGUE;
  }
}
