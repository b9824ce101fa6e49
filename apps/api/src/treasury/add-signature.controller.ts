import { Body, Controller, HttpCode, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readSafeState, verifySafeSignature } from '@ayllu/chain';
import { addSafeSignature, lowerHex, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { getAddress, type PublicClient } from 'viem';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { EVENT_STORE } from '../shared/tokens';
import { AddSafeSignatureRequest } from './add-signature.request.dto';
import { requireSafeTransactionIn, requireTreasury, safeTxNotFound } from './load-treasury';
import { SafeTransactionView, toSafeTransactionView } from './safe-transaction.view';
import { TREASURY_CHAIN } from './treasury-chain';

const refuse = (status: number, code: string, detail: string) =>
  new ProblemException(problem(status, code, detail, { errors: [{ field: 'signature', message: detail }] }));

@ApiTags('Treasury')
@Controller('v1/daos/:id/safe-transactions/:safeTxHash/signatures')
export class AddSignatureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Add a treasurer's signature",
    description:
      "Accepted only if it recovers to `signer` over this exact transaction on this DAO's chain and Safe, and `signer` is a current owner. " +
      'A repeated signature changes nothing. Once the threshold is met the relayer executes the transaction.',
  })
  @ApiBody({ type: AddSafeSignatureRequest })
  @ApiOkResponse({ type: SafeTransactionView })
  @ApiProblemResponses(400, 403, 404, 409, 422)
  async add(
    @Param('id') id: string,
    @Param('safeTxHash') hash: string,
    @Body() body: AddSafeSignatureRequest,
  ): Promise<SafeTransactionView> {
    const treasury = await requireTreasury(this.store, id);
    const tx = requireSafeTransactionIn(treasury, hash);
    const signer = getAddress(body.signer);
    const { chainId, safe } = treasury.contracts;
    // Owners change on chain; read them now when a chain is reachable, else trust the deployment's record.
    const owners = this.chain ? (await readSafeState(this.chain, safe)).owners : treasury.contracts.owners;
    const check = await verifySafeSignature({
      context: { chainId, safe },
      transaction: { ...tx.transaction, nonce: tx.nonce },
      signature: body.signature,
      claimedSigner: signer,
      owners,
    });
    if (!check.valid) {
      if (check.reason === 'MALFORMED') throw refuse(400, 'SIGNATURE.MALFORMED', 'The signature is not a valid ECDSA signature');
      if (check.reason === 'SIGNER_MISMATCH')
        throw refuse(
          422,
          'SIGNATURE.SIGNER_MISMATCH',
          `The signature does not recover to ${signer} for Safe transaction ${tx.safeTxHash} on chain ${chainId} (signed another transaction, Safe or chain?)`,
        );
      throw refuse(403, 'SIGNATURE.NOT_AN_OWNER', `${signer} is not a current owner of Safe ${safe}`);
    }
    const now = new Date().toISOString();
    const { newState } = await this.store.handle(
      { treasury: streams.treasury.of(id) },
      ({ treasury }) => ({
        treasury: addSafeSignature(
          {
            type: 'AddSafeSignature',
            data: { safeTxHash: tx.safeTxHash, signer, signature: lowerHex(body.signature) },
            metadata: { actor: signer, now },
          },
          treasury,
        ),
      }),
      { context: { actor: signer, correlationId: `safe-tx:${tx.safeTxHash}`, occurredAt: now } },
    );
    const after = newState.treasury;
    const signed = after.status === 'Deployed' ? after.transactions.get(tx.safeTxHash) : undefined;
    if (after.status !== 'Deployed' || !signed) throw safeTxNotFound(tx.safeTxHash);
    return toSafeTransactionView(after, signed);
  }
}
