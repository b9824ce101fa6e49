import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/api-problems';
import type { ShareAction } from '../../signatures/signed-actions';
import { ShareActionView } from '../shared/share-action.view';

/**
 * The OpenAPI description and status of a member's signed action on a share pool: 202 where the worker still has to
 * act on chain (buy, grant, transfer, contribution, stake, unstake), 201 where the action is decided at once.
 */
export const ShareActionRoute = (action: ShareAction, body: new () => object, status: 201 | 202, summary: string, description: string) =>
  applyDecorators(
    ApiTags('Share pools'),
    HttpCode(status),
    ApiOperation({
      summary: `${summary} (signed)`,
      description:
        `Body: the \`message\` from \`POST /v1/daos/{id}/typed-data/${action}\` and its EIP-712 signature by \`message.member\`. ` +
        "A private pool takes only the DAO's active members (403 SHARE_POOL.NOT_A_DAO_MEMBER); the pool's access conditions " +
        '(allowlist, minimum balance read on chain now) refuse with 403 SHARE_POOL.ACCESS_DENIED naming each failed condition. ' +
        description,
    }),
    ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }),
    ApiParam({ name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' }),
    ApiBody({ type: body }),
    status === 202 ? ApiAcceptedResponse({ type: ShareActionView }) : ApiCreatedResponse({ type: ShareActionView }),
    ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503),
  );
