import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toChecksumAddress } from '@ayllu/domain';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { SiweChallengeView } from '../admin-session.view';
import { RequestSiweNonceCommand } from './request-nonce.handler';
import { RequestSiweNonceRequest } from './request-nonce.request.dto';

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-sessions/nonce')
export class RequestSiweNonceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign-In with Ethereum, step 1: the message to sign',
    description:
      'Returns an EIP-4361 message for this wallet and DAO, with a single-use nonce valid for five minutes. Sign it with ' +
      '`personal_sign` and send it to `POST /v1/daos/:id/admin-sessions`.',
  })
  @ApiCreatedResponse({ type: SiweChallengeView })
  @ApiProblemResponses(400, 404)
  request(@Param('id') daoId: string, @Body() body: RequestSiweNonceRequest): Promise<SiweChallengeView> {
    return this.commands.execute(new RequestSiweNonceCommand(daoId, toChecksumAddress(body.address)));
  }
}
