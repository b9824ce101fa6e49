import { Inject, Injectable } from '@nestjs/common';
import { IdempotencyKeyReusedError, type PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import { getAddress, hashTypedData, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { APP_CONFIG, EVENT_STORE } from '../shared/tokens';
import { signatureProblems } from './signature-problems';
import { ACTION_SCHEMAS, type SignedAction } from './signed-actions';
import type { MessageBinding } from './signed-messages.dto';
import { typedDataFor } from './typed-data';

export const MAX_DEADLINE_SECONDS = 24 * 3600;

/** A message whose signature checked out: who signed it, and the single-use claim its append must make. */
export interface VerifiedMessage<M extends MessageBinding> {
  readonly message: M;
  /** The recovered signer, checksummed: the actor of the command. */
  readonly signer: Address;
  /** The EIP-712 digest: recorded as the events' causation id. */
  readonly digest: Hex;
  /** `sig:<chainId>:<daoId>:<signer>:<nonce>`, claimed in the same statement as the events. */
  readonly claim: { readonly key: string; readonly fingerprint: string };
}

/**
 * Checks a signed member write before any domain code runs: the DAO it names, its deadline, that the
 * signer is the actor it names, and that its nonce is unused. The chain id is in the EIP-712 domain, so a
 * signature made for another chain recovers another address and fails as an invalid signature.
 */
@Injectable()
export class SignatureVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  get chainId(): number {
    return this.config.chainId;
  }

  async verify<M extends MessageBinding>(
    action: SignedAction,
    daoId: string,
    signed: { readonly message: M; readonly signature: Hex },
    now: Date = new Date(),
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
    const typedData = { domain, types: messageTypes, primaryType, message: typedMessage } as Parameters<typeof hashTypedData>[0];
    let recovered: string;
    try {
      recovered = await recoverTypedDataAddress({ ...typedData, signature });
    } catch {
      throw signatureProblems.invalid('The signature is malformed');
    }
    const actor = getAddress((message as unknown as Record<string, string>)[schema.actorField] ?? '');
    if (recovered !== actor) throw signatureProblems.invalid(`The message was not signed by ${schema.actorField} ${actor}`);

    const digest = hashTypedData(typedData);
    const claim = { key: `sig:${this.chainId}:${daoId}:${actor}:${message.nonce.toLowerCase()}`, fingerprint: digest };
    await this.requireUnused(claim);
    return { message, signer: actor, digest, claim };
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
