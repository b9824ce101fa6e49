import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/api-problems';
import type { RoscaAction } from '../../signatures/signed-actions';
import { RoscaActionView } from './rosca-action.view';

/**
 * The OpenAPI description and status of a member's signed action on a pool. 202 where the worker still has to
 * act on chain (a join's collateral, an early payment), 201 where the action is decided at once.
 */
export const RoscaActionRoute = (action: RoscaAction, body: new () => object, status: 201 | 202, summary: string, description: string) =>
  applyDecorators(
    ApiTags('Rotating pools'),
    HttpCode(status),
    ApiOperation({
      summary: `${summary} (signed)`,
      description:
        `Body: the \`message\` from \`POST /v1/daos/{id}/typed-data/${action}\` and its EIP-712 signature by \`message.member\`. ` +
        description,
    }),
    ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }),
    ApiParam({ name: 'poolId', example: 'rosca_0193a1b2c3d4e5f60718293a4b5c' }),
    ApiBody({ type: body }),
    status === 202 ? ApiAcceptedResponse({ type: RoscaActionView }) : ApiCreatedResponse({ type: RoscaActionView }),
    ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503),
  );
