import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streams } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import { AdminKeyGuard } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';
import { EVENT_STORE } from '../../../shared/tokens';
import { adminKeyView, AdminKeyView } from '../admin-key.view';

@ApiTags('Admin access')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/admin-keys')
export class ListAdminKeysController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's admin keys, revoked and expired ones included",
    description: 'Admins of this DAO and the platform admin. Never the keys themselves, nor their hashes.',
  })
  @ApiOkResponse({ type: [AdminKeyView] })
  @ApiProblemResponses(401, 403, 404)
  async list(@Param('id') daoId: string): Promise<AdminKeyView[]> {
    requireDaoId(daoId);
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    if (state.status !== 'Active') throw daoNotFound(daoId);
    const now = new Date().toISOString();
    return [...state.admins.keys.values()].map((key) => adminKeyView(daoId, key, now));
  }
}
