import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toChecksumAddress } from '@ayllu/domain';
import { AdminKeyGuard, type AdminRequest } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AdminScope } from '../../admin-scope';
import { AdminWalletsView } from '../admin-wallets.view';
import { AddAdminWalletCommand } from './add-admin-wallet.handler';
import { AddAdminWalletRequest } from './add-admin-wallet.request.dto';

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-wallets')
export class AddAdminWalletController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @UseGuards(AdminKeyGuard)
  @AdminScope('platform')
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'List a wallet as an admin of the DAO',
    description:
      'Platform admin only. The wallet may then sign in with Ethereum (EIP-4361) to administer this DAO. Listing it again changes nothing.',
  })
  @ApiOkResponse({ type: AdminWalletsView })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  add(@Param('id') daoId: string, @Body() body: AddAdminWalletRequest, @Req() request: AdminRequest): Promise<AdminWalletsView> {
    return this.commands.execute(new AddAdminWalletCommand(daoId, toChecksumAddress(body.address), request.actor!, String(request.id)));
  }
}
