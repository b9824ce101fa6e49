import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Hash } from '@ayllu/domain';
import type { FastifyReply } from 'fastify';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { problem, ProblemException } from '../../shared/problem';
import { ShareAdminCommands } from '../shared/share-admin-commands';
import { ShareActionView, toShareActionView } from '../shared/share-action.view';
import { newShareCode, shareCodeHash } from './share-code-secret';
import { qrPng, qrSvg, qrSvgDataUrl } from './share-code-qr';
import { GeneratedShareCodesView, GenerateShareCodesRequest, RevokeShareCodesRequest, ShareCodeQrRequest } from './share-codes.dto';

/**
 * One-time codes of a `codes` pool, by a DAO admin. The secrets are made here and answered once; the log keeps
 * their hashes only. No Idempotency-Key on generation: a stored answer would keep the secrets at rest.
 */
@ApiTags('Share pools')
@ApiBearerAuth('admin')
@Controller('v1/daos/:id/share-pools/:poolId/codes')
@UseGuards(AdminKeyGuard)
export class ShareCodesController {
  constructor(private readonly admin: ShareAdminCommands) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Generate one-time codes',
    description:
      '`count` codes worth `shares` each, reserved from the available shares at once (409 SHARE_POOL.NOT_ENOUGH_SHARES). ' +
      'Each code comes with its hash and a QR image (SVG data: URL). The secrets are in this answer only: they are never ' +
      'stored or logged, and cannot be shown again (revoke and generate new ones instead).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: GenerateShareCodesRequest })
  @ApiCreatedResponse({ type: GeneratedShareCodesView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  async generate(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: GenerateShareCodesRequest,
    @Req() request: AdminRequest,
  ): Promise<GeneratedShareCodesView> {
    const secrets = Array.from({ length: body.count }, newShareCode);
    const codes = secrets.map((code) => ({ code, codeHash: shareCodeHash(code), shares: body.shares }));
    await this.admin.run({
      daoId: id,
      poolId,
      actor: request.actor!,
      requestId: String(request.id),
      command: (metadata) => ({
        type: 'GenerateShareCodes',
        data: { codes: codes.map(({ codeHash, shares }) => ({ codeHash, shares })) },
        metadata,
      }),
      respond: () => null,
    });
    return { poolId, codes: await Promise.all(codes.map(async (c) => ({ ...c, qrSvg: await qrSvgDataUrl(c.code) }))) };
  }

  @Post('revocations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Revoke outstanding codes',
    description: 'By hash; their shares are free again. A used code cannot be revoked (409).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiBody({ type: RevokeShareCodesRequest })
  @ApiCreatedResponse({ type: ShareActionView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  revoke(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: RevokeShareCodesRequest,
    @Req() request: AdminRequest,
  ): Promise<ShareActionView> {
    return this.admin.run({
      daoId: id,
      poolId,
      actor: request.actor!,
      requestId: String(request.id),
      command: (metadata) => ({
        type: 'RevokeShareCodes',
        data: { codeHashes: body.codeHashes.map((h) => h.toLowerCase() as Hash) },
        metadata,
      }),
      respond: (state, events) => toShareActionView(id, poolId, request.actor!, state, events),
    });
  }

  @Post('qr')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A code as a QR image (SVG or PNG)',
    description:
      'The code travels in the body, never in a URL. `Accept: image/png` answers a PNG, anything else an SVG. The pool must be ' +
      "one of the DAO's; the code itself is not looked up (its hash is all the log has).",
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({ name: 'Accept', required: false, description: 'image/svg+xml (default) or image/png' })
  @ApiBody({ type: ShareCodeQrRequest })
  @ApiProduces('image/svg+xml', 'image/png')
  @ApiOkResponse({ description: 'The QR image' })
  @ApiProblemResponses(400, 401, 403, 404, 406, 415)
  async qr(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: ShareCodeQrRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    await this.admin.pool(id, poolId);
    const wanted = (accept ?? '*/*').toLowerCase();
    reply.header('cache-control', 'no-store');
    if (wanted.includes('image/png')) {
      reply.type('image/png');
      return qrPng(body.code);
    }
    if (wanted.includes('image/svg+xml') || wanted.includes('image/*') || wanted.includes('*/*')) {
      reply.type('image/svg+xml');
      return qrSvg(body.code);
    }
    throw new ProblemException(problem(406, 'REQUEST.NOT_ACCEPTABLE', 'The QR image is served as image/svg+xml or image/png'));
  }
}
