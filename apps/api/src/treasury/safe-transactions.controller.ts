import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { servedSafeTypedData } from '@ayllu/chain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { EVENT_STORE } from '../shared/tokens';
import { requireSafeTransactionIn, requireTreasury } from './load-treasury';
import { SAFE_TX_STATUSES, SafeTransactionView, toSafeTransactionView } from './safe-transaction.view';

@ApiTags('Treasury')
@Controller('v1/daos/:id/safe-transactions')
export class SafeTransactionsController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({ summary: "The DAO's Safe transactions: what each does, who signed, who still must" })
  @ApiQuery({ name: 'status', required: false, enum: SAFE_TX_STATUSES })
  @ApiOkResponse({ type: [SafeTransactionView] })
  @ApiProblemResponses(400, 404)
  async list(@Param('id') id: string, @Query('status') status?: string): Promise<{ items: SafeTransactionView[] }> {
    if (status !== undefined && !SAFE_TX_STATUSES.includes(status))
      throw new ProblemException(
        problem(400, 'REQUEST.INVALID', `status must be one of ${SAFE_TX_STATUSES.join(', ')}`, {
          errors: [{ field: 'status', message: 'unknown status' }],
        }),
      );
    const treasury = await requireTreasury(this.store, id);
    const items = [...treasury.transactions.values()]
      .map((tx) => toSafeTransactionView(treasury, tx))
      .filter((view) => status === undefined || view.status === status)
      .sort((a, b) => Number(BigInt(a.nonce) - BigInt(b.nonce)));
    return { items };
  }

  @Get(':safeTxHash')
  @ApiOperation({
    summary: 'One Safe transaction with the EIP-712 typed data treasurers sign (eth_signTypedData_v4)',
    description:
      '`typedData` is the document to pass unchanged to `eth_signTypedData_v4` (MetaMask and other wallets): its `types` ' +
      "include `EIP712Domain`; the domain is the Safe's `{ chainId, verifyingContract }` (Safe 1.3+: no name or version); " +
      'uint256 values are decimal strings.',
  })
  @ApiProblemResponses(404)
  async get(@Param('id') id: string, @Param('safeTxHash') hash: string) {
    const treasury = await requireTreasury(this.store, id);
    const tx = requireSafeTransactionIn(treasury, hash);
    const typedData = servedSafeTypedData(
      { chainId: treasury.contracts.chainId, safe: treasury.contracts.safe },
      { ...tx.transaction, nonce: tx.nonce },
    );
    return { ...toSafeTransactionView(treasury, tx), typedData };
  }
}
