import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard, type AdminRequest } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../../shared/idempotency';
import { invalidField } from '../../../shared/validation/invalid-field';
import { AdminScope } from '../../admin-scope';
import { AdminKeyWithSecretView } from '../admin-key.view';
import { CreateAdminKeyCommand } from './create-admin-key.handler';
import { CreateAdminKeyRequest, ISO_INSTANT_FIELDS } from './create-admin-key.request.dto';

/** `2026-02-31T00:00:00Z` matches the pattern but names no day: refused rather than read as another one. */
const instantOrNull = (value: string | undefined): string | null => {
  if (value === undefined) return null;
  const fields = ISO_INSTANT_FIELDS.exec(value)?.slice(1).map(Number) ?? [];
  const at = new Date(value);
  const actual = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()];
  if (Number.isNaN(at.getTime()) || fields.length !== 6 || fields.some((f, i) => f !== actual[i]))
    throw invalidField('expiresAt', 'is not a real instant (check the day of the month and the hour)');
  return at.toISOString();
};

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-keys')
export class CreateAdminKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @AdminScope('platform')
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Issue an admin key for one DAO',
    description:
      'Platform admin only. The key administers this DAO and no other, until it expires or is revoked. The answer holds the key: ' +
      'it is shown this once (only a salted hash is kept). Events this key causes name it `admin-key:<id>`.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key issues nothing more (and does not show the key again)',
  })
  @ApiCreatedResponse({ type: AdminKeyWithSecretView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 422)
  create(
    @Param('id') daoId: string,
    @Body() body: CreateAdminKeyRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<AdminKeyWithSecretView> {
    const expiresAt = instantOrNull(body.expiresAt);
    return this.commands.execute(new CreateAdminKeyCommand(daoId, body.name, expiresAt, request.actor!, String(request.id), idempotency));
  }
}
