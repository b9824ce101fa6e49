import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../shared/api-problems';
import { PG_POOL } from '../../shared/tokens';
import { invalidField } from '../../shared/validation/invalid-field';
import { IsUintString } from '../../shared/validation/validators';
import { DAO_COLUMNS, daoViewFromRow, DaoView, type DaoRow } from '../dao.view';

export class ListDaosQuery {
  @ApiPropertyOptional({ description: '1 to 100, default 50', example: '50' })
  @IsOptional()
  @IsUintString({ min: 1n, max: 100n })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'must be a cursor returned by this endpoint' })
  cursor?: string;
}

export class DaoPage {
  @ApiProperty({ type: [DaoView] }) items!: DaoView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
const DAO_ID = /^dao_[0-9a-f]{28}$/;
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor is what this endpoint wrote: a canonical UTC time and a DAO id. Anything else never reaches SQL. */
const decodeCursor = (cursor: string): [string, string] => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [time, id] = value as unknown[];
      if (
        typeof time === 'string' &&
        CURSOR_TIME.test(time) &&
        new Date(time).toISOString() === time &&
        typeof id === 'string' &&
        DAO_ID.test(id)
      )
        return [time, id];
    }
  } catch {
    // fall through to the refusal below
  }
  throw invalidField('cursor', 'must be a cursor returned by this endpoint');
};

@ApiTags('DAOs')
@Controller('v1/daos')
export class ListDaosController {
  constructor(@Inject(PG_POOL) private readonly db: Pool) {}

  @Get()
  @ApiOperation({ summary: 'List DAOs, newest first' })
  @ApiOkResponse({ type: DaoPage })
  @ApiProblemResponses(400)
  async list(@Query() query: ListDaosQuery): Promise<DaoPage> {
    const limit = Number(query.limit ?? 50);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const { rows } = await this.db.query<DaoRow>(
      `SELECT ${DAO_COLUMNS} FROM rm_daos
       WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::text)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(daoViewFromRow),
      nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }
}
