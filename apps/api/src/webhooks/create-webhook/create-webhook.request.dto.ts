import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '@ayllu/notifications';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsWebhookEvents } from '../webhook-events.validator';
import { WEBHOOK_LIMITS } from '../webhook-limits';

export class CreateWebhookRequest {
  @ApiProperty({
    example: 'https://hooks.example.org/ayllu',
    maxLength: WEBHOOK_LIMITS.urlMaxLength,
    description: 'http(s); must resolve to public addresses',
  })
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlMaxLength)
  url!: string;

  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string', enum: [...NOTIFICATION_TYPES] } },
      { type: 'string', enum: ['*'] },
    ],
    example: ['proposal.created', 'proposal.passed', 'safe_transaction.signatures_needed'],
  })
  @IsWebhookEvents()
  events!: NotificationType[] | '*';

  @ApiPropertyOptional({ enum: ['standard', 'discord'], default: 'standard' })
  @IsOptional()
  @IsIn(['standard', 'discord'])
  format?: 'standard' | 'discord';

  @ApiPropertyOptional({ example: 'Treasury channel', maxLength: WEBHOOK_LIMITS.descriptionMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMaxLength)
  description?: string;
}
