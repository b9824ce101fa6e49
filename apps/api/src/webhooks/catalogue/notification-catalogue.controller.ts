import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  NOTIFICATION_EXAMPLES,
  NOTIFICATION_TYPES,
  withLink,
  type NotificationEnvelope,
  type NotificationType,
} from '@ayllu/notifications';
import type { AppConfig } from '@ayllu/platform';
import { APP_CONFIG } from '../../shared/tokens';

const EXAMPLE_ID = '0b7e6c5a-1d2f-5e3a-9b8c-7d6e5f4a3b2c';
/** The OpenAPI document is built before any configuration is read: its examples link under a placeholder. */
const DOCUMENTED_PUBLIC_URL = 'https://ayllu.example.org';

const envelopeOf = (type: NotificationType, publicUrl: string): NotificationEnvelope =>
  withLink(
    {
      id: EXAMPLE_ID,
      type,
      timestamp: '2026-11-21T10:00:00.000Z',
      daoId: 'dao_0193a1b2c3d4e5f60718293a4b5c',
      logPosition: '1042',
      eventId: '6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      data: NOTIFICATION_EXAMPLES[type],
    } as Omit<NotificationEnvelope, 'link'>,
    publicUrl,
  );

const ENVELOPE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'type', 'timestamp', 'daoId', 'logPosition', 'eventId', 'link', 'data'],
  properties: {
    id: {
      type: 'string',
      format: 'uuid',
      description: 'Stable across retries and redeliveries (the `webhook-id` header): deduplicate on it',
    },
    type: { type: 'string', enum: [...NOTIFICATION_TYPES] },
    timestamp: { type: 'string', format: 'date-time', description: 'When the fact happened' },
    daoId: { type: 'string' },
    logPosition: { type: 'string', description: "The event's global log position (a decimal string): order by it" },
    eventId: { type: 'string' },
    link: {
      type: 'string',
      format: 'uri',
      description:
        'Absolute URL (under PUBLIC_URL) of the app page where the reader acts: the proposal to vote on, the Safe transaction ' +
        'to sign, the withdrawals, the rotating or share pool, the DAO admin page; `/admin` for the platform operator',
    },
    data: { type: 'object', description: "The type's own fields (see the examples)" },
  },
};

@ApiTags('Webhooks')
@Controller('v1/webhooks/notification-types')
export class NotificationCatalogueController {
  private readonly catalogue: { type: NotificationType; example: NotificationEnvelope }[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.catalogue = NOTIFICATION_TYPES.map((type) => ({ type, example: envelopeOf(type, config.publicUrl) }));
  }

  @Get()
  @ApiOperation({
    summary: 'The notification catalogue, with an example payload of each type',
    description:
      'A `standard` webhook receives the example as its JSON body, signed per Standard Webhooks (`webhook-id` = `id`, ' +
      '`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two signatures for 24 h after a rotation). ' +
      'Deduplicate on `id` (stable across retries and redeliveries) and order by `logPosition`. Amounts are decimal strings in the ' +
      "token's smallest unit. `link` is the absolute URL of the app page where the reader acts (under PUBLIC_URL; this route's " +
      "answer uses the configured one); a `discord` webhook shows it as the message's last line and its title's link. " +
      'Retries: immediately, then after 5 s, 5 min, 30 min, ' +
      '2 h, 5 h, 10 h and 10 h; 15 s timeout; 410 disables the endpoint; 5 days of failures disable it and send `webhook.endpoint_disabled`.',
  })
  @ApiOkResponse({
    description: 'Every type with an example envelope',
    content: {
      'application/json': {
        schema: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'example'],
            properties: { type: { type: 'string', enum: [...NOTIFICATION_TYPES] }, example: ENVELOPE_SCHEMA },
          },
        },
        examples: Object.fromEntries(
          NOTIFICATION_TYPES.map((type) => [type, { summary: type, value: envelopeOf(type, DOCUMENTED_PUBLIC_URL) }]),
        ),
      },
    },
  })
  list(): { type: NotificationType; example: NotificationEnvelope }[] {
    return this.catalogue;
  }
}
