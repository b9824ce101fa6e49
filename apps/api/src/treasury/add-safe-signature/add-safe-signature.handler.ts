import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { readSafeState, verifySafeSignature, type SafeSignatureCheck } from '@ayllu/chain';
import {
  addSafeSignature,
  lowerHex,
  streams,
  type Address,
  type DeployedTreasury,
  type Hex,
  type QueuedSafeTransaction,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PublicClient } from 'viem';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { requireSafeTransactionIn, requireTreasury, safeTxNotFound } from '../load-treasury';
import { toSafeTransactionView, type SafeTransactionView } from '../safe-transaction.view';
import { TREASURY_CHAIN } from '../treasury-chain';

export class AddSafeSignatureCommand extends Command<SafeTransactionView> {
  constructor(
    readonly daoId: string,
    readonly safeTxHash: string,
    /** Checksummed. */
    readonly signer: Address,
    readonly signature: Hex,
  ) {
    super();
  }
}

const refuse = (status: number, code: string, detail: string, field: 'signature' | 'signer' = 'signature') =>
  new ProblemException(problem(status, code, detail, { errors: [{ field, message: detail }] }));

/**
 * A treasurer's signature is checked before it is recorded, by the Safe's rules: in the form the Safe reads
 * (v 27 or 28, low s; a v of 0/1 or a high s of the same signature is rewritten to it, anything else refused)
 * it must recover to the signer over this exact transaction, Safe and chain, and the signer must own the Safe
 * now (read from the chain when there is one, else the owners recorded at deployment). A different signature
 * from an owner who signed already replaces theirs. Once the threshold is met the worker executes.
 */
@CommandHandler(AddSafeSignatureCommand)
export class AddSafeSignatureHandler implements ICommandHandler<AddSafeSignatureCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  async execute({ daoId, safeTxHash, signer, signature }: AddSafeSignatureCommand): Promise<SafeTransactionView> {
    const treasury = await requireTreasury(this.store, daoId);
    const tx = requireSafeTransactionIn(treasury, safeTxHash);
    // The form the Safe reads (v 27/28, low s) is what is recorded: the same signer and ECDSA signature.
    const accepted = requireValid(await this.check(treasury, tx, signer, signature), signer, tx, treasury);
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { treasury: streams.treasury.of(daoId) },
      ({ treasury }) => ({
        treasury: addSafeSignature(
          {
            type: 'AddSafeSignature',
            data: { safeTxHash: tx.safeTxHash, signer, signature: lowerHex(accepted) },
            metadata: { actor: signer, now },
          },
          treasury,
        ),
      }),
      {
        context: { actor: signer, correlationId: `safe-tx:${tx.safeTxHash}`, occurredAt: now },
        respond: ({ newState }) => {
          const after = newState.treasury;
          const signed = after.status === 'Deployed' ? after.transactions.get(tx.safeTxHash) : undefined;
          if (after.status !== 'Deployed' || !signed) throw safeTxNotFound(tx.safeTxHash);
          return toSafeTransactionView(after, signed);
        },
      },
    );
    return response;
  }

  /** The Safe's owners now; a node that does not answer is a 503 to retry, never a 500 or a guess. */
  private async currentOwners(safe: Address): Promise<readonly Address[]> {
    try {
      return (await readSafeState(this.chain!, safe)).owners;
    } catch {
      throw new ProblemException(
        problem(
          503,
          'CHAIN.UNAVAILABLE',
          "The chain does not answer, so the Safe's owners cannot be checked; nothing was recorded, send the signature again shortly",
        ),
        { 'retry-after': '5' },
      );
    }
  }

  private async check(treasury: DeployedTreasury, tx: QueuedSafeTransaction, signer: Address, signature: Hex): Promise<SafeSignatureCheck> {
    const { chainId, safe } = treasury.contracts;
    // Owners change on chain; read them now when a chain is reachable, else trust the deployment's record.
    const owners = this.chain ? await this.currentOwners(safe) : treasury.contracts.owners;
    return verifySafeSignature({
      context: { chainId, safe },
      transaction: { ...tx.transaction, nonce: tx.nonce },
      signature,
      claimedSigner: signer,
      owners,
    });
  }
}

const requireValid = (check: SafeSignatureCheck, signer: Address, tx: QueuedSafeTransaction, treasury: DeployedTreasury): Hex => {
  if (check.valid) return check.signature;
  const { chainId, safe } = treasury.contracts;
  if (check.reason === 'MALFORMED')
    throw refuse(400, 'SIGNATURE.MALFORMED', `The signature is not a valid ECDSA signature${check.detail ? `: ${check.detail}` : ''}`);
  if (check.reason === 'UNSUPPORTED_V')
    throw refuse(422, 'SIGNATURE.UNSUPPORTED_V', `The Safe would not read this signature as its owner's: ${check.detail}`);
  if (check.reason === 'SIGNER_MISMATCH')
    throw refuse(
      422,
      'SIGNATURE.SIGNER_MISMATCH',
      `The signature does not recover to ${signer} for Safe transaction ${tx.safeTxHash} on chain ${chainId} (signed another transaction, Safe or chain?)`,
    );
  throw refuse(403, 'SIGNATURE.NOT_AN_OWNER', `${signer} is not a current owner of Safe ${safe}`, 'signer');
};
