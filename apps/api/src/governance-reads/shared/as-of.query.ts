import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AS_OF_MESSAGE, AS_OF_PATTERN } from './as-of';

/** `?asOf=`: answer from the log as it was then, instead of from the read model. */
export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Time travel: an ISO-8601 time with a zone, or a public log position. The state is folded from the log up to that point.',
    examples: { time: { value: '2026-01-31T12:00:00Z' }, position: { value: '1042' } },
  })
  @IsOptional()
  @Matches(AS_OF_PATTERN, { message: AS_OF_MESSAGE })
  asOf?: string;
}
