import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  readSafeState,
  recordedContractSignature,
  safeSignatureRefusal,
  safeTransactionPreimage,
  verifySafeSignature,
  type SafeSignatureCheck,
} from '@ayllu/chain';
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
import { isAddressEqual, type PublicClient } from 'viem';
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
 * now (read from the chain when there is one, else the owners recorded at deployment). A treasurer that is a
 * contract (another Safe, any EIP-1271 wallet) is asked by the DAO's Safe itself, as `execTransaction` will ask
 * it (`checkNSignatures` with the transaction's encoded data), and its signature is recorded in the Safe's
 * encoding (v = 0). A different signature from an owner who signed already replaces theirs. Once the threshold
 * is met the worker executes.
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
    const accepted = (await this.isContract(signer))
      ? await this.checkContractSignature(treasury, tx, signer, signature)
      : requireValid(await this.check(treasury, tx, signer, signature), signer, tx, treasury);
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

  /** A read from the chain; a node that does not answer is a 503 to retry, never a 500 or a guess. */
  private async fromChain<T>(read: (chain: PublicClient) => Promise<T>): Promise<T> {
    try {
      return await read(this.chain!);
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

  /** The Safe's owners now. */
  private currentOwners(safe: Address): Promise<readonly Address[]> {
    return this.fromChain(async (chain) => (await readSafeState(chain, safe)).owners);
  }

  /** Whether `signer` is a contract (has code); without a chain nothing can be a contract signer. */
  private async isContract(signer: Address): Promise<boolean> {
    if (!this.chain) return false;
    const code = await this.fromChain((chain) => chain.getCode({ address: signer }));
    return code !== undefined && code !== '0x';
  }

  /**
   * An owner contract's signature (EIP-1271), checked by the DAO's Safe exactly as `execTransaction` will check
   * it: `checkNSignatures` hands the owner's `isValidSignature(bytes, bytes)` the transaction's encoded data.
   * Returns the signature in the Safe's encoding (v = 0), which is what is recorded.
   */
  private async checkContractSignature(
    treasury: DeployedTreasury,
    tx: QueuedSafeTransaction,
    signer: Address,
    signature: Hex,
  ): Promise<Hex> {
    const { chainId, safe } = treasury.contracts;
    const owners = await this.currentOwners(safe);
    if (!owners.some((owner) => isAddressEqual(owner, signer)))
      throw refuse(403, 'SIGNATURE.NOT_AN_OWNER', `${signer} is not a current owner of Safe ${safe}`, 'signer');
    const recorded = recordedContractSignature(signer, signature);
    const preimage = safeTransactionPreimage({ chainId, safe }, { ...tx.transaction, nonce: tx.nonce });
    const refusal = await this.fromChain((chain) => safeSignatureRefusal(chain, safe, tx.safeTxHash, { signer, data: recorded }, preimage));
    if (refusal !== undefined)
      throw refuse(
        422,
        'SIGNATURE.CONTRACT_REFUSED',
        `Owner contract ${signer} does not accept this signature for Safe transaction ${tx.safeTxHash} (${refusal}); ` +
          "an owner Safe's own owners sign the SafeMessage served for it in contractOwners",
      );
    return recorded;
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
