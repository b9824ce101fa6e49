import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../shared/api-problems';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { EmergencyExitView } from '../emergency-exit.view';
import { RequestEmergencyExitCommand } from './request-emergency-exit.handler';
import { SignedEmergencyExit } from './request-emergency-exit.request.dto';

@ApiTags('Withdrawals')
@Controller('v1/daos/:id/emergency-exits')
export class RequestEmergencyExitController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Request an emergency exit (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/emergency-exit` and its EIP-712 signature by `message.member`. ' +
      'Accepted now; after the DAO emergency-exit wait the member leaves with the whole balance.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedEmergencyExit })
  @ApiAcceptedResponse({ type: EmergencyExitView })
  @ApiProblemResponses(400, 401, 404, 409, 415, 422, 503)
  async create(@Param('id') id: string, @Body() body: SignedEmergencyExit, @Req() request: FastifyRequest): Promise<EmergencyExitView> {
    const verified = await this.verifier.verify('emergency-exit', id, body);
    return this.commands.execute(new RequestEmergencyExitCommand(id, verified, String(request.id)));
  }
}
