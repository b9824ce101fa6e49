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
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
