import { Controller, Delete, HttpCode, Inject, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { tokenDigest } from '@ayllu/platform';
import type { Pool } from 'pg';
import { AdminKeyGuard, type AdminRequest } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { problem, ProblemException } from '../../../shared/problem';
import { PG_POOL } from '../../../shared/tokens';

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-sessions/current')
export class SignOutController {
  constructor(@Inject(PG_POOL) private readonly db: Pool) {}

  @Delete()
  @HttpCode(204)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({ summary: 'Sign out: end the session presented', description: 'For SIWE sessions; keys are revoked instead.' })
  @ApiNoContentResponse({ description: 'The session token no longer works' })
  @ApiProblemResponses(401, 403, 409)
  async signOut(@Req() request: AdminRequest): Promise<void> {
    if (request.admin?.kind !== 'siwe')
      throw new ProblemException(
        problem(409, 'AUTH.NOT_A_SESSION', 'Only a signed-in wallet has a session to end; admin keys are revoked'),
      );
    const token = (request.headers.authorization ?? '').slice('Bearer '.length).trim();
    await this.db.query('DELETE FROM admin_sessions WHERE token_hash = $1', [tokenDigest(token)]);
  }
}
