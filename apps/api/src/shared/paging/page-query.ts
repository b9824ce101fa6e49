import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsUintString } from '../validation/validators';
import { CURSOR_MESSAGE, CURSOR_PATTERN } from './cursor';

/** Every list route pages alike: `limit` items (default 100, at most 1000) after an opaque `cursor`. */
export const PAGE_LIMITS = { default: 100, max: 1000 } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin rule: a constructor of `any[]`
type Constructor = new (...args: any[]) => object;

/**
 * Adds `limit` and `cursor` to a route's query DTO (a mixin, so a list keeps its own filters and `asOf`). The
 * next page's cursor is the page's `nextCursor` (where the body has one) and the `Link: <...>; rel="next"`
 * header's target (RFC 8288), absent on the last page.
 */
export const Paged = <Base extends Constructor>(base: Base) => {
  class PagedQuery extends base {
    @ApiPropertyOptional({
      description: `Items per page: 1 to ${PAGE_LIMITS.max}, default ${PAGE_LIMITS.default}`,
      example: String(PAGE_LIMITS.default),
    })
    @IsOptional()
    @IsUintString({ min: 1n, max: BigInt(PAGE_LIMITS.max) })
    limit?: string;

    @ApiPropertyOptional({
      description: 'Opaque: where the previous page ended (its `nextCursor`, or the cursor in its `Link: rel="next"` header)',
    })
    @IsOptional()
    @Matches(CURSOR_PATTERN, { message: CURSOR_MESSAGE })
    cursor?: string;
  }
  return PagedQuery;
};

export class PageQuery extends Paged(class {}) {}

export const pageLimit = (query: { limit?: string }): number => Number(query.limit ?? PAGE_LIMITS.default);
