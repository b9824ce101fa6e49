import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import { getAddress } from 'viem';
import { payloadToDomain } from '../../proposals/proposal-payload';
import { ApiProblemResponses } from '../../shared/api-problems';
import { EVENT_STORE } from '../../shared/tokens';
import { canonicalJson } from '../canonical-json';
import { SignatureVerifier } from '../signature-verifier';
import type { SignedAction } from '../signed-actions';
import { issueTypedData } from './issue-typed-data';
import {
  EmergencyExitIntent,
  JoinIntent,
  ProposalCancellationIntent,
  ProposalIntent,
  VoteIntent,
  WithdrawalIntent,
} from './typed-data.request.dto';
import { TypedDataView } from './typed-data.view';

/**
 * Turns an intent into the EIP-712 document the member signs: the server adds the DAO, a fresh random
 * nonce and the deadline, so the signed message can be used once, for this DAO, on this chain, for a while.
 * Nothing is stored: the nonce is claimed when the signed message is submitted.
 */
@ApiTags('Signatures')
@Controller('v1/daos/:id/typed-data')
export class TypedDataController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly verifier: SignatureVerifier,
  ) {}

  @Post('join-request')
  @HttpCode(200)
  @TypedDataDocs('join-request', JoinIntent)
  joinRequest(@Param('id') id: string, @Body() intent: JoinIntent): Promise<TypedDataView> {
    return this.build('join-request', id, intent.deadline, { address: getAddress(intent.address) });
  }

  @Post('proposal')
  @HttpCode(200)
  @TypedDataDocs('proposal', ProposalIntent)
  proposal(@Param('id') id: string, @Body() intent: ProposalIntent): Promise<TypedDataView> {
    payloadToDomain(intent.type, intent.payload, 'payload'); // refuse malformed amounts before anyone signs them
    return this.build('proposal', id, intent.deadline, {
      proposer: getAddress(intent.proposer),
      type: intent.type,
      title: intent.title,
      description: intent.description ?? '',
      payload: canonicalJson(intent.payload),
    });
  }

  @Post('proposal-cancellation')
  @HttpCode(200)
  @TypedDataDocs('proposal-cancellation', ProposalCancellationIntent)
  proposalCancellation(@Param('id') id: string, @Body() intent: ProposalCancellationIntent): Promise<TypedDataView> {
    return this.build('proposal-cancellation', id, intent.deadline, {
      proposer: getAddress(intent.proposer),
      proposalId: intent.proposalId,
    });
  }

  @Post('vote')
  @HttpCode(200)
  @TypedDataDocs('vote', VoteIntent)
  vote(@Param('id') id: string, @Body() intent: VoteIntent): Promise<TypedDataView> {
    return this.build('vote', id, intent.deadline, {
      voter: getAddress(intent.voter),
      proposalId: intent.proposalId,
      support: intent.support,
      reason: intent.reason ?? '',
    });
  }

  @Post('withdrawal-request')
  @HttpCode(200)
  @TypedDataDocs('withdrawal-request', WithdrawalIntent)
  withdrawalRequest(@Param('id') id: string, @Body() intent: WithdrawalIntent): Promise<TypedDataView> {
    return this.build('withdrawal-request', id, intent.deadline, { member: getAddress(intent.member), amount: intent.amount });
  }

  @Post('emergency-exit')
  @HttpCode(200)
  @TypedDataDocs('emergency-exit', EmergencyExitIntent)
  emergencyExit(@Param('id') id: string, @Body() intent: EmergencyExitIntent): Promise<TypedDataView> {
    return this.build('emergency-exit', id, intent.deadline, { member: getAddress(intent.member) });
  }

  private build(
    action: SignedAction,
    daoId: string,
    deadline: number | undefined,
    fields: Record<string, unknown>,
  ): Promise<TypedDataView> {
    return issueTypedData(this.store, this.verifier.chainId, action, daoId, deadline, fields);
  }
}

/** The OpenAPI description of a typed-data route (shared with the rotating pools' actions). */
export function TypedDataDocs(action: SignedAction, intent: new () => object): MethodDecorator {
  return (target, key, descriptor) => {
    ApiOperation({
      summary: `EIP-712 typed data for a ${action}`,
      description:
        `Validates the intent and returns \`{ domain, types, primaryType, message }\` with \`dao\`, a random \`nonce\` and the ` +
        `\`deadline\` filled in. Sign it (eth_signTypedData_v4) and POST \`{ message, signature }\` to the ${action} route. ` +
        'Amounts are decimal strings in JSON and uint256 in the typed data. A proposal payload is signed as `payload: string` ' +
        'holding canonical JSON (keys sorted, no whitespace), which is exactly what is stored.',
    })(target, key, descriptor);
    ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })(target, key, descriptor);
    ApiBody({ type: intent })(target, key, descriptor);
    ApiOkResponse({ type: TypedDataView })(target, key, descriptor);
    ApiProblemResponses(400, 404, 415)(target, key, descriptor);
  };
}
