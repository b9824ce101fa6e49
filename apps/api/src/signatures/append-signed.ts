import type { EventsOf, PostgresEventStore, StatesOf, StreamRefs } from '@ayllu/event-store';
import { IdempotencyKeyReusedError } from '@ayllu/event-store';
import { signatureProblems } from './signature-problems';
import type { VerifiedMessage } from './signature-verifier';
import type { MessageBinding } from './signed-messages.dto';

export interface AppendSignedOptions<R extends StreamRefs, Response> {
  readonly store: PostgresEventStore;
  readonly verified: VerifiedMessage<MessageBinding>;
  readonly streams: R;
  readonly decide: (states: StatesOf<R>) => EventsOf<R>;
  readonly respond: (result: { readonly newState: StatesOf<R>; readonly events: EventsOf<R> }) => Response;
  readonly now: string;
  readonly correlationId: string;
  /** Streams the write mostly reads, held shared in this process (see the store's HandleOptions.shared). */
  readonly shared?: readonly (keyof R & string)[];
}

/**
 * Runs a signed member write through the store's command path with the signer as actor and the nonce
 * claim as the idempotency key, so the events and the claim commit together. A claim that already exists
 * means the message was used: a replay is refused (409), never answered with the first response, so the
 * claim stores no response. A command the state now refuses is looked up by its key before it is refused (the
 * store's combiner does so): a used message is a replay whatever the state decides, so a verifier may leave
 * the used-nonce check to here.
 *
 * A message that changes nothing (the same vote again) appends nothing, and its nonce is claimed all the same:
 * left unclaimed, it could be replayed later, when the state has moved and it would change something.
 *
 * Votes from many members land on one proposal stream at once; each conflict re-decides, so the attempt
 * budget is sized for a burst of a whole DAO voting together rather than the store's default.
 */
export const appendSigned = async <R extends StreamRefs, Response>(options: AppendSignedOptions<R, Response>): Promise<Response> => {
  const { verified } = options;
  try {
    const result = await options.store.handle(options.streams, options.decide, {
      respond: options.respond,
      context: {
        actor: verified.signer,
        correlationId: options.correlationId,
        causationId: verified.digest,
        occurredAt: options.now,
      },
      idempotency: { ...verified.claim, keepResponse: false },
      maxAttempts: 200,
      ...(options.shared ? { shared: options.shared } : {}),
    });
    if (result.replayed) throw signatureProblems.replayed();
    // Nothing decided (e.g. the same vote again): the state as is answers, and the nonce is used up now.
    if (!result.appended && !(await options.store.claimIdempotencyKey(verified.claim.key, verified.claim.fingerprint, null)))
      throw signatureProblems.replayed();
    return result.response;
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) throw signatureProblems.replayed();
    throw error;
  }
};
