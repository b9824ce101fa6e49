import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProposalView } from '../../governance-reads/proposals/proposal.view';
import { ApiProblemResponses } from '../../shared/api-problems';
import { invalidField } from '../../shared/validation/invalid-field';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { CancelProposalCommand } from './cancel-proposal.handler';
import { SignedProposalCancellation } from './cancel-proposal.request.dto';

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals/:pid/cancellation')
export class CancelProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Cancel your own proposal before anyone votes (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/proposal-cancellation` and its EIP-712 signature by ' +
      '`message.proposer`. Only the member who proposed it may cancel, and only while it is Active and nobody has voted ' +
      '(403 `PROPOSAL.NOT_PROPOSER`, 409 `PROPOSAL.HAS_VOTES`, 409 `PROPOSAL.NOT_ACTIVE`). The proposal ends as Canceled ' +
      'and its voting slot is freed. An admin stops a proposal at any stage with a veto instead.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedProposalCancellation })
  @ApiCreatedResponse({ type: ProposalView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503)
  async cancel(
    @Param('id') id: string,
    @Param('pid') pid: string,
    @Body() body: SignedProposalCancellation,
    @Req() request: FastifyRequest,
  ): Promise<ProposalView> {
    if (body.message.proposalId !== pid) throw invalidField('message.proposalId', `must be ${pid}, the proposal in the route`);
    const verified = await this.verifier.verify('proposal-cancellation', id, body);
    return this.commands.execute(new CancelProposalCommand(id, verified, String(request.id)));
  }
}
