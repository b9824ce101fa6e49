import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import { getAddress } from 'viem';
import { EVENT_STORE } from '../../shared/tokens';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import type { RoscaAction } from '../../signatures/signed-actions';
import { issueTypedData } from '../../signatures/typed-data/issue-typed-data';
import { TypedDataDocs } from '../../signatures/typed-data/typed-data.controller';
import type { TypedDataView } from '../../signatures/typed-data/typed-data.view';
import { PlaceBidIntent } from '../bid/bid.request.dto';
import { DissolutionVoteIntent } from '../dissolution-vote/dissolution-vote.request.dto';
import { PoolExitIntent } from '../exit/exit.request.dto';
import { JoinPoolIntent, ZERO_HASH } from '../join/join.request.dto';
import { OrderVoteIntent } from '../order-vote/order-vote.request.dto';
import { EarlyPaymentIntent } from '../payment/payment.request.dto';
import { RevealSecretIntent } from '../reveal/reveal.request.dto';
import type { RoscaIntent } from './rosca-intent.dto';
import { requirePoolIn } from './rosca-pool';

/**
 * The typed data of the members' actions on a rotating pool, served beside the other actions'
 * (`POST /v1/daos/:id/typed-data/rosca-*`) and built the same way; the pool must be one of the DAO's (404).
 */
@ApiTags('Signatures')
@Controller('v1/daos/:id/typed-data')
export class RoscaTypedDataController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post('rosca-join')
  @HttpCode(200)
  @TypedDataDocs('rosca-join', JoinPoolIntent)
  join(@Param('id') id: string, @Body() intent: JoinPoolIntent): Promise<TypedDataView> {
    return this.build('rosca-join', id, intent, { commitment: (intent.commitment ?? ZERO_HASH).toLowerCase() });
  }

  @Post('rosca-reveal')
  @HttpCode(200)
  @TypedDataDocs('rosca-reveal', RevealSecretIntent)
  reveal(@Param('id') id: string, @Body() intent: RevealSecretIntent): Promise<TypedDataView> {
    return this.build('rosca-reveal', id, intent, { secret: intent.secret.toLowerCase() });
  }

  @Post('rosca-order-vote')
  @HttpCode(200)
  @TypedDataDocs('rosca-order-vote', OrderVoteIntent)
  orderVote(@Param('id') id: string, @Body() intent: OrderVoteIntent): Promise<TypedDataView> {
    return this.build('rosca-order-vote', id, intent, { order: intent.order.map((a) => getAddress(a)) });
  }

  @Post('rosca-payment')
  @HttpCode(200)
  @TypedDataDocs('rosca-payment', EarlyPaymentIntent)
  payment(@Param('id') id: string, @Body() intent: EarlyPaymentIntent): Promise<TypedDataView> {
    return this.build('rosca-payment', id, intent, { round: intent.round });
  }

  @Post('rosca-bid')
  @HttpCode(200)
  @TypedDataDocs('rosca-bid', PlaceBidIntent)
  bid(@Param('id') id: string, @Body() intent: PlaceBidIntent): Promise<TypedDataView> {
    return this.build('rosca-bid', id, intent, { round: intent.round, discountBps: intent.discountBps });
  }

  @Post('rosca-exit')
  @HttpCode(200)
  @TypedDataDocs('rosca-exit', PoolExitIntent)
  exit(@Param('id') id: string, @Body() intent: PoolExitIntent): Promise<TypedDataView> {
    return this.build('rosca-exit', id, intent, {});
  }

  @Post('rosca-dissolution-vote')
  @HttpCode(200)
  @TypedDataDocs('rosca-dissolution-vote', DissolutionVoteIntent)
  dissolutionVote(@Param('id') id: string, @Body() intent: DissolutionVoteIntent): Promise<TypedDataView> {
    return this.build('rosca-dissolution-vote', id, intent, {});
  }

  private async build(action: RoscaAction, daoId: string, intent: RoscaIntent, fields: Record<string, unknown>): Promise<TypedDataView> {
    await requirePoolIn(this.store, daoId, intent.pool);
    return issueTypedData(this.store, this.verifier.chainId, action, daoId, intent.deadline, {
      member: getAddress(intent.member),
      pool: intent.pool,
      ...fields,
    });
  }
}
