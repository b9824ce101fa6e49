import { Inject, Injectable, Optional } from '@nestjs/common';
import { IdempotencyKeyReusedError, type PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import { getAddress, type Address, type Hex, type PublicClient } from 'viem';
import { APP_CONFIG, EVENT_STORE } from '../shared/tokens';
import { TREASURY_CHAIN } from '../treasury/treasury-chain';
import { signatureProblems } from './signature-problems';
import { ACTION_SCHEMAS, type SignedAction } from './signed-actions';
import type { MessageBinding } from './signed-messages.dto';
import { typedDataFor } from './typed-data';
import { typedDataDigest, type FlatTypedData } from './typed-data-digest';
import { verifyWalletSignature } from './verify-wallet-signature';

export const MAX_DEADLINE_SECONDS = 24 * 3600;

/** A message whose signature checked out: who signed it, and the single-use claim its append must make. */
export interface VerifiedMessage<M extends MessageBinding> {
  readonly message: M;
  /** The actor the message names, checksummed, whose key or contract wallet signed it: the actor of the command. */
  readonly signer: Address;
  /** The EIP-712 digest: recorded as the events' causation id. */
  readonly digest: Hex;
  /** `sig:<chainId>:<daoId>:<signer>:<nonce>`, claimed in the same statement as the events. */
  readonly claim: { readonly key: string; readonly fingerprint: string };
}

export interface VerifyOptions {
  /**
   * `at-append`: leave the used-nonce check to `appendSigned`, which refuses a replay at the append (its claim)
   * or, when the decision fails, by one look-up then: the hot path of a write many members send at once (a
   * vote) skips a query. Default `now`: refused here, before any domain code runs.
   */
  readonly replay?: 'now' | 'at-append';
}

/**
 * Checks a signed member write before any domain code runs: the DAO it names, its deadline, that the
 * actor it names signed it, and that its nonce is unused. The chain id is in the EIP-712 domain, so a
 * signature made for another chain recovers another address and fails as an invalid signature.
 *
 * The actor signed it when the signature recovers to them (a key; no chain is asked, so members with keys
 * keep signing while the chain is down), or, with a chain, when the contract wallet at their address accepts
 * it (EIP-1271; ERC-6492 for one not deployed yet). The nonce is the actor's either way.
 */
@Injectable()
export class SignatureVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null = null,
  ) {}

  get chainId(): number {
    return this.config.chainId;
  }

  async verify<M extends MessageBinding>(
    action: SignedAction,
    daoId: string,
    signed: { readonly message: M; readonly signature: Hex },
    now: Date = new Date(),
    options: VerifyOptions = {},
  ): Promise<VerifiedMessage<M>> {
    const { message, signature } = signed;
    if (message.dao !== daoId) throw signatureProblems.wrongDao(daoId);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (message.deadline <= nowSeconds) throw signatureProblems.expired(message.deadline);
    if (message.deadline > nowSeconds + MAX_DEADLINE_SECONDS) throw signatureProblems.tooFar(nowSeconds + MAX_DEADLINE_SECONDS);

    const schema = ACTION_SCHEMAS[action];
    const { types, domain, primaryType } = typedDataFor(action, this.chainId, { ...(message as unknown as Record<string, unknown>) });
    const { EIP712Domain: _ignored, ...messageTypes } = types;
    // uint fields travel as JSON numbers or decimal strings; viem hashes them as bigint.
    const typedMessage = Object.fromEntries(
      schema.fields.map((f) => {
        const value = (message as unknown as Record<string, unknown>)[f.name];
        return [f.name, f.type.startsWith('uint') ? BigInt(value as string | number) : value];
      }),
    );
    const typedData = { domain, types: messageTypes, primaryType, message: typedMessage } as FlatTypedData;
    const actor = getAddress((message as unknown as Record<string, string>)[schema.actorField] ?? '');
    let digest: Hex;
    try {
      digest = typedDataDigest(typedData);
    } catch {
      throw signatureProblems.invalid('The message does not hash as its typed data');
    }
    await this.requireSignedBy(actor, schema.actorField, digest, signature);

    const claim = { key: `sig:${this.chainId}:${daoId}:${actor}:${message.nonce.toLowerCase()}`, fingerprint: digest };
    if (options.replay !== 'at-append') await this.requireUnused(claim);
    return { message, signer: actor, digest, claim };
  }

  private async requireSignedBy(actor: Address, field: string, digest: Hex, signature: Hex): Promise<void> {
    const check = await verifyWalletSignature(this.chain, { address: actor, hash: digest, signature });
    if (check.valid) return;
    switch (check.reason) {
      case 'NEEDS_CHAIN':
        throw signatureProblems.needsChain();
      case 'CHAIN_UNAVAILABLE':
        throw signatureProblems.chainUnavailable();
      case 'NOT_SIGNED':
        throw signatureProblems.invalid(
          this.chain
            ? `The message was not signed by ${field} ${actor}: the signature is not its key's, and no contract wallet at that address accepts it (EIP-1271 / ERC-6492)`
            : `The message was not signed by ${field} ${actor} (a contract wallet's signature can be checked only when the API is connected to a chain)`,
        );
      default: {
        const unknown: never = check.reason;
        throw new Error(`unknown signature check result ${String(unknown)}`);
      }
    }
  }

  /** Early refusal of a used nonce; the append's own claim closes the race between two copies in flight. */
  private async requireUnused(claim: { key: string; fingerprint: string }): Promise<void> {
    try {
      if (await this.store.findIdempotentResponse(claim.key, claim.fingerprint)) throw signatureProblems.replayed();
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw signatureProblems.replayed();
      throw error;
    }
  }
}
