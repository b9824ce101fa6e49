import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeliveryAttemptView {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ example: 87 }) latencyMs!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 503 }) statusCode!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'timeout' }) error!: string | null;
  @ApiProperty({ enum: ['delivered', 'retry', 'throttled', 'gone', 'dead'] }) outcome!: string;
}

export class DeliveryView {
  @ApiProperty({ description: 'The notification id: the `webhook-id` header, stable across retries' }) id!: string;
  @ApiProperty({ example: 'proposal.passed' }) type!: string;
  @ApiProperty({ example: '1042' }) logPosition!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) status!: string;
  @ApiProperty({ type: [DeliveryAttemptView] }) attempts!: DeliveryAttemptView[];
  @ApiPropertyOptional({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items!: DeliveryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

export class RedeliveryAccepted {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending'] }) status!: string;
}

export class ReplayAccepted {
  @ApiProperty({ example: 12, description: 'Notifications queued again (same ids as before)' }) queued!: number;
  @ApiProperty({ example: 340 }) eventsRead!: number;
  @ApiProperty({ description: 'False when the replay stopped at its size limit: replay again from the last position' }) complete!: boolean;
}
