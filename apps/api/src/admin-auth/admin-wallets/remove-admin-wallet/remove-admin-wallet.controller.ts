import { Controller, Delete, Param, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toChecksumAddress } from '@ayllu/domain';
import { AdminKeyGuard, type AdminRequest } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { MemberRouteParams } from '../../../shared/member-route.params';
import { AdminScope } from '../../admin-scope';
import { AdminWalletsView } from '../admin-wallets.view';
import { RemoveAdminWalletCommand } from './remove-admin-wallet.handler';

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-wallets/:address')
export class RemoveAdminWalletController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @UseGuards(AdminKeyGuard)
  @AdminScope('platform')
  @ApiBearerAuth('admin')
  @ApiOperation({ summary: 'Remove an admin wallet', description: 'Platform admin only. Its sessions stop working at once.' })
  @ApiOkResponse({ type: AdminWalletsView })
  @ApiProblemResponses(400, 401, 403, 404)
  remove(@Param() params: MemberRouteParams, @Req() request: AdminRequest): Promise<AdminWalletsView> {
    const address = toChecksumAddress(params.address);
    return this.commands.execute(new RemoveAdminWalletCommand(params.id, address, request.actor!, String(request.id)));
  }
}
