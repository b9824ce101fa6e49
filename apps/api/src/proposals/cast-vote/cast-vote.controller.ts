import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../shared/api-problems';
import { invalidField } from '../../shared/validation/invalid-field';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { VoteView } from '../vote.view';
import { CastVoteCommand } from './cast-vote.handler';
import { SignedVote } from './cast-vote.request.dto';

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals/:pid/votes')
export class CastVoteController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Vote on a proposal (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/vote` and its EIP-712 signature by `message.voter`. ' +
      'Only members eligible when the proposal opened, and still ACTIVE, may vote; their frozen weight counts. ' +
      'Answers the ballot with the proposal and its live tally after it.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedVote })
  @ApiCreatedResponse({ type: VoteView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503)
  async cast(
    @Param('id') id: string,
    @Param('pid') pid: string,
    @Body() body: SignedVote,
    @Req() request: FastifyRequest,
  ): Promise<VoteView> {
    if (body.message.proposalId !== pid) throw invalidField('message.proposalId', `must be ${pid}, the proposal in the route`);
    // Votes arrive in bursts: the nonce is checked at the append (see VerifyOptions).
    const verified = await this.verifier.verify('vote', id, body, new Date(), { replay: 'at-append' });
    return this.commands.execute(new CastVoteCommand(id, verified, String(request.id)));
  }
}
