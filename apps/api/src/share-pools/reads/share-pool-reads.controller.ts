import { Controller, Get, Headers, Inject, Optional, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { normaliseAddress, type Address } from '@ayllu/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { erc20Abi, type PublicClient } from 'viem';
import { AsOfQuery } from '../../governance-reads/shared/as-of.query';
import { decodePoolCursor, encodePoolCursor } from '../../rotating-pools/reads/pool-cursor';
import { ApiProblemResponses } from '../../shared/api-problems';
import { linkNextPage, pageOf } from '../../shared/paging/link-header';
import { pageLimit, Paged } from '../../shared/paging/page-query';
import { invalidField } from '../../shared/validation/invalid-field';
import { TREASURY_CHAIN } from '../../treasury/treasury-chain';
import { HolderStatementView, statementCsv, statementOf } from './holder-statement';
import { SharePoolReader } from './share-pool-reader';
import { holderPayoutView, poolViewOf, SharePoolPage, SharePoolView, summaryOf } from './share-pool.view';

export class ListSharePoolsQuery extends Paged(AsOfQuery) {}

const ID = { name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' };
const POOL = { name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' };
const HOLDER = { name: 'address', example: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', description: 'Any case; answered checksummed' };

@ApiTags('Share pools')
@Controller('v1/daos/:id/share-pools')
export class SharePoolReadsController {
  constructor(
    private readonly pools: SharePoolReader,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null = null,
  ) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's public share pools, oldest first, a page at a time",
    description:
      'Private and soft-deleted pools are not listed (a private pool is read by its id). In creation order; `limit` and `cursor` ' +
      'page through them (the next page is also the `Link: rel="next"` header, absent on the last page). `asOf` folds the log up to that point.',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: SharePoolPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListSharePoolsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SharePoolPage> {
    const limit = pageLimit(query);
    const after = query.cursor === undefined ? null : decodePoolCursor(query.cursor);
    const page = pageOf(await this.pools.list(id, query.asOf, after, limit), limit, (last) => encodePoolCursor(last.createdPosition));
    linkNextPage(request, reply, page.nextCursor);
    return { items: page.items.map((p) => summaryOf(p.history)), nextCursor: page.nextCursor };
  }

  @Get(':poolId')
  @ApiOperation({
    summary: 'A share pool: holders, available shares, state, ways in, crowdfunding, staking, distributions',
    description:
      "From the read model, or folded from the log for `asOf`. Each holder's `payout` (connected to the pool's GDA pool or not, " +
      'what is claimable) is as the worker last read the chain, every PAYOUT_CACHE_REFRESH_SECONDS; null for `asOf`.',
  })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiOkResponse({ type: SharePoolView })
  @ApiProblemResponses(400, 404)
  async get(@Param('id') id: string, @Param('poolId') poolId: string, @Query() query: AsOfQuery): Promise<SharePoolView> {
    const pool = await this.pools.get(id, poolId, query.asOf);
    return poolViewOf(pool.history, pool.at, await this.pools.payouts(pool, query.asOf));
  }

  @Get(':poolId/holders/:address/statement.csv')
  @ApiOperation({ summary: "A holder's statement as CSV", description: 'As `…/statement` with `Accept: text/csv`.' })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiParam(HOLDER)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, a header row, one row per distribution line' })
  @ApiProblemResponses(400, 404)
  async statementCsv(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Param('address') address: string,
    @Query() query: AsOfQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const statement = await this.statementView(id, poolId, address, query.asOf);
    reply.type('text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${poolId}-${statement.holder}-statement.csv"`);
    return statementCsv(statement);
  }

  @Get(':poolId/holders/:address/statement')
  @ApiOperation({
    summary: "A holder's statement: what each distribution paid them, to the wei",
    description:
      "From the pool's history: instant distributions exactly (floor(amount / 10,000) × shares), streams segment by segment as " +
      'holdings changed, a running stream credited to `asOf` (or now). `Accept: text/csv` answers CSV (as the `.csv` route).',
  })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiParam(HOLDER)
  @ApiHeader({ name: 'Accept', required: false, description: 'application/json (default) or text/csv' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: HolderStatementView })
  @ApiProblemResponses(400, 404)
  async statement(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Param('address') address: string,
    @Query() query: AsOfQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HolderStatementView | string> {
    if ((accept ?? '').toLowerCase().includes('text/csv')) return this.statementCsv(id, poolId, address, query, reply);
    return this.statementView(id, poolId, address, query.asOf);
  }

  private async statementView(id: string, poolId: string, address: string, asOf: string | undefined): Promise<HolderStatementView> {
    const holder = normaliseAddress(typeof address === 'string' ? address.toLowerCase() : address);
    if (holder === null) throw invalidField('address', 'must be a 0x-prefixed 20-byte address');
    const pool = await this.pools.get(id, poolId, asOf);
    const decimals = await this.decimalsOf(pool.history.state.configuration.distributionToken);
    return {
      ...statementOf(pool.history, holder, pool.at, decimals),
      payout: holderPayoutView((await this.pools.payouts(pool, asOf)).get(holder)),
    };
  }

  /** The distribution token's decimals, read on chain; 18 (a super token's) without a chain or an answer. */
  private async decimalsOf(token: Address): Promise<number> {
    if (!this.chain) return 18;
    try {
      return await this.chain.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' });
    } catch {
      return 18;
    }
  }
}
