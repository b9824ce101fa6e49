import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import { ApiProblemResponses } from '../shared/api-problems';
import { EVENT_STORE } from '../shared/tokens';
import { requireTreasury } from './load-treasury';

export class DaoContractsView {
  @ApiProperty() chainId!: number;
  @ApiProperty() safe!: string;
  @ApiProperty() timelock!: string;
  @ApiProperty({ description: 'Members deposit here and withdraw from here' }) vault!: string;
  @ApiProperty({ description: "The members' Superfluid GDA pool" }) pool!: string;
  @ApiProperty() payoutToken!: string;
  @ApiProperty() gdaForwarder!: string;
  @ApiProperty({ type: [String], description: "Safe owners (the treasurers), as the chain's owner events last reported them" })
  owners!: string[];
  @ApiProperty({ description: "Signatures the Safe needs, as the chain's events last reported it" }) threshold!: number;
  @ApiProperty({ description: "The timelock's minimum delay, as the chain's events last reported it" }) timelockDelaySeconds!: number;
  @ApiProperty({ description: 'Decimal string' }) fromBlock!: string;
  @ApiProperty({ description: 'Whether the Safe existed before the DAO (attached at creation)' }) attached!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The module relay through which the timelock acts as the Safe (null on records that predate it)',
  })
  moduleRelay!: string | null;
  @ApiProperty({
    description:
      "Whether the Safe has the module enabled; an attached Safe's treasurers enable it with an `enable_module` Safe transaction",
  })
  moduleEnabled!: boolean;
}

@ApiTags('Treasury')
@Controller('v1/daos/:id/contracts')
export class ContractsController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({ summary: "The DAO's contract addresses, as DaoContractsDeployed recorded them (404 until deployed)" })
  @ApiOkResponse({ type: DaoContractsView })
  @ApiProblemResponses(404)
  async get(@Param('id') id: string): Promise<DaoContractsView> {
    const { contracts: c, attached, moduleEnabled } = await requireTreasury(this.store, id);
    return {
      chainId: c.chainId,
      safe: c.safe,
      timelock: c.timelock,
      vault: c.vault,
      pool: c.pool,
      payoutToken: c.payoutToken,
      gdaForwarder: c.gdaForwarder,
      owners: [...c.owners],
      threshold: c.threshold,
      timelockDelaySeconds: c.timelockDelaySeconds,
      fromBlock: c.fromBlock.toString(),
      attached,
      moduleRelay: c.moduleRelay ?? null,
      moduleEnabled,
    };
  }
}
