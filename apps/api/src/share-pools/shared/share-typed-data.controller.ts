import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import { getAddress } from 'viem';
import { EVENT_STORE } from '../../shared/tokens';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import type { ShareAction } from '../../signatures/signed-actions';
import { issueTypedData } from '../../signatures/typed-data/issue-typed-data';
import { TypedDataDocs } from '../../signatures/typed-data/typed-data.controller';
import type { TypedDataView } from '../../signatures/typed-data/typed-data.view';
import {
  ShareAmountIntent,
  ShareCodeIntent,
  ShareJoinIntent,
  SharePurchaseIntent,
  ShareTransferIntent,
  type ShareIntent,
} from './share-messages.dto';
import { requireSharePoolIn } from './share-pool';

/**
 * The typed data of the members' actions on a share pool (`POST /v1/daos/:id/typed-data/share-*`), built like every
 * other action's: the DAO, a fresh nonce and the deadline are added; the pool must be one of the DAO's (404).
 */
@ApiTags('Signatures')
@Controller('v1/daos/:id/typed-data')
export class ShareTypedDataController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post('share-purchase')
  @HttpCode(200)
  @TypedDataDocs('share-purchase', SharePurchaseIntent)
  purchase(@Param('id') id: string, @Body() intent: SharePurchaseIntent): Promise<TypedDataView> {
    return this.build('share-purchase', id, intent, { shares: intent.shares });
  }

  @Post('share-join')
  @HttpCode(200)
  @TypedDataDocs('share-join', ShareJoinIntent)
  join(@Param('id') id: string, @Body() intent: ShareJoinIntent): Promise<TypedDataView> {
    return this.build('share-join', id, intent, {});
  }

  @Post('share-code')
  @HttpCode(200)
  @TypedDataDocs('share-code', ShareCodeIntent)
  code(@Param('id') id: string, @Body() intent: ShareCodeIntent): Promise<TypedDataView> {
    return this.build('share-code', id, intent, { code: intent.code });
  }

  @Post('share-transfer')
  @HttpCode(200)
  @TypedDataDocs('share-transfer', ShareTransferIntent)
  transfer(@Param('id') id: string, @Body() intent: ShareTransferIntent): Promise<TypedDataView> {
    return this.build('share-transfer', id, intent, { to: getAddress(intent.to), shares: intent.shares });
  }

  @Post('share-contribution')
  @HttpCode(200)
  @TypedDataDocs('share-contribution', ShareAmountIntent)
  contribution(@Param('id') id: string, @Body() intent: ShareAmountIntent): Promise<TypedDataView> {
    return this.build('share-contribution', id, intent, { amount: intent.amount });
  }

  @Post('share-stake')
  @HttpCode(200)
  @TypedDataDocs('share-stake', ShareAmountIntent)
  stake(@Param('id') id: string, @Body() intent: ShareAmountIntent): Promise<TypedDataView> {
    return this.build('share-stake', id, intent, { amount: intent.amount });
  }

  @Post('share-unstake')
  @HttpCode(200)
  @TypedDataDocs('share-unstake', ShareAmountIntent)
  unstake(@Param('id') id: string, @Body() intent: ShareAmountIntent): Promise<TypedDataView> {
    return this.build('share-unstake', id, intent, { amount: intent.amount });
  }

  private async build(action: ShareAction, daoId: string, intent: ShareIntent, fields: Record<string, unknown>): Promise<TypedDataView> {
    await requireSharePoolIn(this.store, daoId, intent.pool);
    return issueTypedData(this.store, this.verifier.chainId, action, daoId, intent.deadline, {
      member: getAddress(intent.member),
      pool: intent.pool,
      ...fields,
    });
  }
}
