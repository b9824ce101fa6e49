import { ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '@ayllu/notifications';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsWebhookEvents } from '../webhook-events.validator';
import { WEBHOOK_LIMITS } from '../webhook-limits';

export class UpdateWebhookRequest {
  @ApiPropertyOptional({
    enum: ['active', 'paused'],
    description: '`paused` queues without sending; `active` resumes (and re-enables a disabled endpoint)',
  })
  @IsOptional()
  @IsIn(['active', 'paused'])
  status?: 'active' | 'paused';

  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: { type: 'string', enum: [...NOTIFICATION_TYPES] } },
      { type: 'string', enum: ['*'] },
    ],
  })
  @IsOptional()
  @IsWebhookEvents()
  events?: NotificationType[] | '*';

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.urlMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlMaxLength)
  url?: string;

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMaxLength)
  description?: string;
}
