import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streams } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import { AdminKeyGuard } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';
import { EVENT_STORE } from '../../../shared/tokens';
import { adminWalletsView, AdminWalletsView } from '../admin-wallets.view';

@ApiTags('Admin access')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/admin-wallets')
export class ListAdminWalletsController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({ summary: "The DAO's admin wallets", description: 'Admins of this DAO and the platform admin.' })
  @ApiOkResponse({ type: AdminWalletsView })
  @ApiProblemResponses(401, 403, 404)
  async list(@Param('id') daoId: string): Promise<AdminWalletsView> {
    requireDaoId(daoId);
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    if (state.status !== 'Active') throw daoNotFound(daoId);
    return adminWalletsView(state);
  }
}
