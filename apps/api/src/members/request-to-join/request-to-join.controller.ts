import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DAO_LIMITS } from '@ayllu/domain';
import { MemberView } from '../../governance-reads/members/member.view';
import { ApiProblemResponses } from '../../shared/api-problems';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { RequestToJoinCommand } from './request-to-join.handler';
import { SignedJoinRequest } from './request-to-join.request.dto';

@ApiTags('Membership')
@Controller('v1/daos/:id/join-requests')
export class RequestToJoinController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ask to join a DAO (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/join-request` and its EIP-712 signature by `message.address`. ' +
      'The member becomes PENDING; a deposit (open), an admin approval and a deposit (hybrid) or an ADD_MEMBER vote (closed) activates them. ' +
      `A DAO holds at most ${DAO_LIMITS.maxPendingJoinRequests} requests awaiting a decision (409 \`DAO.JOIN_REQUESTS_FULL\` beyond); a request nobody acts on lapses ` +
      'after JOIN_REQUEST_TTL_SECONDS (the requester is then REMOVED and may ask again).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedJoinRequest })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 404, 409, 415, 422, 503)
  async create(@Param('id') id: string, @Body() body: SignedJoinRequest, @Req() request: FastifyRequest): Promise<MemberView> {
    const verified = await this.verifier.verify('join-request', id, body);
    return this.commands.execute(new RequestToJoinCommand(id, verified, String(request.id)));
  }
}
