import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '@ayllu/notifications';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsWebhookEvents } from '../webhook-events.validator';

export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://hooks.example.org/ayllu', maxLength: 2048, description: 'http(s); must resolve to public addresses' })
  @IsString()
  @MaxLength(2048)
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

  @ApiPropertyOptional({ example: 'Treasury channel', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
