import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProposalView } from '../../governance-reads/proposals/proposal.view';
import { ApiProblemResponses } from '../../shared/api-problems';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../shared/json-depth';
import { newId } from '../../shared/new-id';
import { invalidField } from '../../shared/validation/invalid-field';
import { canonicalJson } from '../../signatures/canonical-json';
import { SignatureVerifier } from '../../signatures/signature-verifier';
import { payloadToDomain } from '../proposal-payload';
import { SubmitProposalCommand } from './submit-proposal.handler';
import { SignedProposal } from './submit-proposal.request.dto';

/** The signed payload text must be the canonical JSON of an object, so parsing and storing it loses nothing. */
const parseSignedPayload = (text: string): Record<string, unknown> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidField('message.payload', 'must be JSON text');
  }
  // The body's own depth limit does not reach inside this string; the walks below recurse.
  if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw invalidField('message.payload', `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || canonicalJson(parsed) !== text)
    throw invalidField('message.payload', 'must be the canonical JSON of an object, as the typed-data endpoint wrote it');
  return parsed as Record<string, unknown>;
};

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals')
export class SubmitProposalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Submit a proposal (signed)',
    description:
      'Body: the `message` from `POST /v1/daos/{id}/typed-data/proposal` and its EIP-712 signature by `message.proposer`, ' +
      'an ACTIVE member. `message.payload` is canonical JSON text (sorted keys, no whitespace, amounts as decimal strings); ' +
      'it is parsed and stored as signed. Voters, weights, quorum, threshold and deadline are frozen now and returned.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: SignedProposal })
  @ApiCreatedResponse({ type: ProposalView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503)
  async create(@Param('id') id: string, @Body() body: SignedProposal, @Req() request: FastifyRequest): Promise<ProposalView> {
    const payload = payloadToDomain(body.message.type, parseSignedPayload(body.message.payload), 'message.payload');
    const verified = await this.verifier.verify('proposal', id, body);
    return this.commands.execute(new SubmitProposalCommand(id, newId('prop'), verified, payload, String(request.id)));
  }
}
