import { Controller, Delete, Param, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AdminKeyGuard, type AdminRequest } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AdminScope } from '../../admin-scope';
import { AdminKeyView } from '../admin-key.view';
import { RevokeAdminKeyCommand } from './revoke-admin-key.handler';

export class AdminKeyRouteParams {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  id!: string;

  @ApiProperty({ example: 'key_5f0c3a9e2b7d4c1a8e6f0b3d' })
  @IsString()
  @Length(1, 100)
  keyId!: string;
}

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-keys/:keyId')
export class RevokeAdminKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @UseGuards(AdminKeyGuard)
  @AdminScope('platform')
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Revoke a DAO admin key',
    description: 'Platform admin only. Takes effect at once; revoking a revoked key changes nothing. The key stays listed as revoked.',
  })
  @ApiOkResponse({ type: AdminKeyView })
  @ApiProblemResponses(400, 401, 403, 404)
  revoke(@Param() params: AdminKeyRouteParams, @Req() request: AdminRequest): Promise<AdminKeyView> {
    return this.commands.execute(new RevokeAdminKeyCommand(params.id, params.keyId, request.actor!, String(request.id)));
  }
}
