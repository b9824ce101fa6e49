import { Controller, Get, Inject, Optional, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { safeTransactionPreimage, servedSafeMessageTypedData, servedSafeTypedData, type ServedSafeMessageTypedData } from '@ayllu/chain';
import type { Address, DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PublicClient } from 'viem';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { EVENT_STORE } from '../shared/tokens';
import { requireSafeTransactionIn, requireTreasury } from './load-treasury';
import {
  SAFE_TX_STATUSES,
  SafeTransactionDetailView,
  SafeTransactionPage,
  SafeTransactionView,
  toSafeTransactionView,
} from './safe-transaction.view';
import { TREASURY_CHAIN } from './treasury-chain';

const CONTRACT_OWNERS_WAIT_MS = 3000;

@ApiTags('Treasury')
@Controller('v1/daos/:id/safe-transactions')
export class SafeTransactionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  @Get()
  @ApiOperation({ summary: "The DAO's Safe transactions: what each does, who signed, who still must" })
  @ApiQuery({ name: 'status', required: false, enum: SAFE_TX_STATUSES })
  @ApiOkResponse({ type: SafeTransactionPage })
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
