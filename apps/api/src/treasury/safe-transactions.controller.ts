import { Controller, Get, Inject, Optional, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { safeTransactionPreimage, servedSafeMessageTypedData, servedSafeTypedData, type ServedSafeMessageTypedData } from '@ayllu/chain';
import type { Address, DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicClient } from 'viem';
import { ApiProblemResponses } from '../shared/api-problems';
import { decodeCursor, encodeCursor } from '../shared/paging/cursor';
import { linkNextPage, pageOf } from '../shared/paging/link-header';
import { PageQuery, pageLimit } from '../shared/paging/page-query';
import { EVENT_STORE } from '../shared/tokens';
import { requireSafeTransactionIn, requireTreasury } from './load-treasury';
import { SAFE_TX_STATUSES, SafeTransactionDetailView, SafeTransactionPage, toSafeTransactionView } from './safe-transaction.view';
import { TREASURY_CHAIN } from './treasury-chain';

const CONTRACT_OWNERS_WAIT_MS = 3000;

export class ListSafeTransactionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SAFE_TX_STATUSES, description: 'Only transactions in this status' })
  @IsOptional()
  @IsIn(SAFE_TX_STATUSES, { message: `must be one of ${SAFE_TX_STATUSES.join(', ')}` })
  status?: string;
}

interface SafeTxPlace {
  readonly nonce: string;
  readonly safeTxHash: string;
}

const NONCE = /^(0|[1-9]\d{0,77})$/;
const TX_HASH = /^0x[0-9a-fA-F]{64}$/;

/** The last transaction's nonce (decimal string) and safeTxHash; anything else is a 400 naming `cursor`. */
const decodeSafeTxCursor = (text: string): SafeTxPlace =>
  decodeCursor(text, (key) => {
    if (key.length !== 2) return null;
    const [nonce, safeTxHash] = key;
    return typeof nonce === 'string' && NONCE.test(nonce) && typeof safeTxHash === 'string' && TX_HASH.test(safeTxHash)
      ? { nonce, safeTxHash }
      : null;
  });

/** Nonce order, then safeTxHash (unique): a page boundary between two transactions of one nonce skips and repeats nothing. */
const byNonce = (a: SafeTxPlace, b: SafeTxPlace): number => {
  const nonces = BigInt(a.nonce) - BigInt(b.nonce);
  if (nonces !== 0n) return nonces < 0n ? -1 : 1;
  return a.safeTxHash < b.safeTxHash ? -1 : a.safeTxHash > b.safeTxHash ? 1 : 0;
};

@ApiTags('Treasury')
@Controller('v1/daos/:id/safe-transactions')
export class SafeTransactionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's Safe transactions: what each does, who signed, who still must; a page at a time",
    description:
      'In Safe nonce order, then safeTxHash (a replaced transaction and its replacement share a nonce). `limit` and `cursor` page ' +
      'through them (the next page is also the `Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: SafeTransactionPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListSafeTransactionsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SafeTransactionPage> {
    const after = query.cursor === undefined ? null : decodeSafeTxCursor(query.cursor);
    const limit = pageLimit(query);
    const treasury = await requireTreasury(this.store, id);
    const rest = [...treasury.transactions.values()]
      .map((tx) => toSafeTransactionView(treasury, tx))
      .filter((view) => query.status === undefined || view.status === query.status)
      .filter((view) => after === null || byNonce(view, after) > 0)
      .sort(byNonce)
      .slice(0, limit + 1);
    const page = pageOf(rest, limit, (last) => encodeCursor([last.nonce, last.safeTxHash]));
    linkNextPage(request, reply, page.nextCursor);
    return page;
  }

  @Get(':safeTxHash')
  @ApiOperation({
    summary: 'One Safe transaction with the EIP-712 typed data treasurers sign (eth_signTypedData_v4)',
    description:
      '`typedData` is the document to pass unchanged to `eth_signTypedData_v4` (MetaMask and other wallets): its `types` ' +
      "include `EIP712Domain`; the domain is the Safe's `{ chainId, verifyingContract }` (Safe 1.3+: no name or version); " +
      'uint256 values are decimal strings. ' +
      '`contractOwners` lists the owners that are contracts (EIP-1271), each with the document its own owners sign when it is a ' +
      "Safe 1.4.1 with the CompatibilityFallbackHandler: the owner Safe's SafeMessage (domain `{ chainId, verifyingContract: <owner Safe> }`, " +
      "`SafeMessage(bytes message)`) whose `message` is this transaction's encoded data (0x1901 ‖ domain separator ‖ SafeTx hash; its keccak256 " +
      "is `safeTxHash`), which is what the DAO's Safe hands the owner's `isValidSignature(bytes, bytes)`. Those owners' signatures, concatenated " +
      'as their Safe reads them, are what the owner contract submits as its `signature`. `contractOwners` is null when the chain does not answer.',
  })
  @ApiOkResponse({ type: SafeTransactionDetailView })
  @ApiProblemResponses(404)
  async get(@Param('id') id: string, @Param('safeTxHash') hash: string) {
    const treasury = await requireTreasury(this.store, id);
    const tx = requireSafeTransactionIn(treasury, hash);
    const typedData = servedSafeTypedData(
      { chainId: treasury.contracts.chainId, safe: treasury.contracts.safe },
      { ...tx.transaction, nonce: tx.nonce },
    );
    const preimage = safeTransactionPreimage(
      { chainId: treasury.contracts.chainId, safe: treasury.contracts.safe },
      { ...tx.transaction, nonce: tx.nonce },
    );
    const contractOwners = await this.contractOwners(treasury, preimage);
    return { ...toSafeTransactionView(treasury, tx), typedData, contractOwners };
  }

  /**
   * The owners with code, each with the SafeMessage its own owners sign; null without a chain, or when it does not
   * answer within CONTRACT_OWNERS_WAIT_MS (a read of the transaction should not hang on a node that is down).
   */
  private async contractOwners(
    treasury: DeployedTreasury,
    preimage: `0x${string}`,
  ): Promise<{ owner: Address; typedData: ServedSafeMessageTypedData }[] | null> {
    if (!this.chain) return null;
    const chain = this.chain;
    try {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the chain did not answer in time')), CONTRACT_OWNERS_WAIT_MS);
      });
      const codes = await Promise.race([
        Promise.all(treasury.contracts.owners.map((owner) => chain.getCode({ address: owner }))),
        late,
      ]).finally(() => clearTimeout(timer));
      return treasury.contracts.owners
        .filter((_, i) => codes[i] !== undefined && codes[i] !== '0x')
        .map((owner) => ({ owner, typedData: servedSafeMessageTypedData(treasury.contracts.chainId, owner, preimage) }));
    } catch {
      return null;
    }
  }
}
