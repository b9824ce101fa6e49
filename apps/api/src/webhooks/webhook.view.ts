import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type WebhookEndpoint } from '@ayllu/notifications';

/** A webhook endpoint as the API shows it: never its secret. */
export class WebhookView {
  @ApiProperty({ example: 'wh_0193a1b2c3d4e5f60718293a4b5c' }) id!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'https://hooks.example.org/ayllu' }) url!: string;
  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string', enum: [...NOTIFICATION_TYPES] } },
      { type: 'string', enum: ['*'] },
    ],
    example: ['proposal.created', 'proposal.passed'],
  })
  events!: string[] | '*';
  @ApiProperty({ enum: ['standard', 'discord'] }) format!: string;
  @ApiProperty({ example: 'Treasury channel' }) description!: string;
  @ApiProperty({ enum: ['active', 'paused', 'disabled'] }) status!: string;
  @ApiPropertyOptional({ enum: ['gone', 'failing'], nullable: true, type: String }) disabledReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Until then the previous secret also signs (24 h after a rotation)' })
  previousSecretExpiresAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'First failure since the last success' }) failingSince!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class WebhookPage {
  @ApiProperty({ type: [WebhookView] }) items!: WebhookView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

/** The answer to creation and rotation: the only time the signing secret is shown. */
export class WebhookWithSecretView extends WebhookView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3kPZIo2LaLaS=',
    description: 'Standard Webhooks signing secret. Shown once: store it now.',
  })
  secret!: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toWebhookView = (e: WebhookEndpoint): WebhookView => ({
  id: e.id,
  daoId: e.daoId,
  url: e.url,
  events: e.events === '*' ? '*' : [...e.events],
  format: e.format,
  description: e.description,
  status: e.status,
  disabledReason: e.disabledReason,
  previousSecretExpiresAt: iso(e.previousSecretExpiresAt),
  failingSince: iso(e.failingSince),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});
