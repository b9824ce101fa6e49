import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../shared/api-problems';
import { newId } from '../../shared/new-id';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { WithdrawalView } from '../withdrawal.view';
import { RequestWithdrawalCommand } from './request-withdrawal.handler';
import { SignedWithdrawalRequest } from './request-withdrawal.request.dto';

@ApiTags('Withdrawals')
@Controller('v1/daos/:id/withdrawal-requests')
export class RequestWithdrawalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Request a withdrawal (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/withdrawal-request` and its EIP-712 signature by `message.member`. ' +
      'Up to the small-withdrawal limit the request is approved (201) and confirmed later from the chain; above it a ' +
      'WITHDRAW_FUNDS proposal is opened for it (202). Zero or over-balance amounts are refused.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedWithdrawalRequest })
  @ApiCreatedResponse({ type: WithdrawalView, description: 'Approved (within the small-withdrawal limit)' })
  @ApiAcceptedResponse({ type: WithdrawalView, description: 'Awaiting the vote of the WITHDRAW_FUNDS proposal opened for it' })
  @ApiProblemResponses(400, 401, 404, 409, 415, 422, 503)
  async create(
    @Param('id') id: string,
    @Body() body: SignedWithdrawalRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WithdrawalView> {
    const verified = await this.verifier.verify('withdrawal-request', id, body);
    const view = await this.commands.execute(new RequestWithdrawalCommand(id, newId('wd'), newId('prop'), verified, String(request.id)));
    void reply.status(view.status === 'awaiting-vote' ? 202 : 201);
    return view;
  }
}
