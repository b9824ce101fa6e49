import {
  handleStreams,
  IdempotencyKeyReusedError,
  type HandleStreamsOptions,
  type PostgresEventStore,
  type StreamFold,
} from '@ayllu/event-store';
import { signatureProblems } from './signature-problems';
import type { VerifiedMessage } from './signature-verifier';
import type { MessageBinding } from './signed-messages.dto';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Folds = Record<string, StreamFold<any, any>>;

export interface AppendSignedOptions<F extends Folds> {
  readonly store: PostgresEventStore;
  readonly verified: VerifiedMessage<MessageBinding>;
  readonly streams: F;
  readonly decide: HandleStreamsOptions<F>['decide'];
  readonly respond: HandleStreamsOptions<F>['respond'];
  readonly now: string;
  readonly correlationId: string;
}

/**
 * Runs a signed member write through handleStreams with the signer as actor and the nonce claim as the
 * idempotency key, so the events and the claim commit together. A claim that already exists means the
 * message was used: a replay is refused (409), never answered with the first response.
 *
 * Votes from many members land on one proposal stream at once; each conflict re-decides, so the attempt
 * budget is sized for a burst of a whole DAO voting together rather than the store's default.
 */
export const appendSigned = async <F extends Folds>(options: AppendSignedOptions<F>): Promise<unknown> => {
  const { verified } = options;
  let decidedEvents: number | null = null;
  try {
    const result = await handleStreams({
      store: options.store,
      streams: options.streams,
      decide: (states) => {
        const decided = options.decide(states);
        decidedEvents = Object.values(decided).reduce((n, events) => n + (events?.length ?? 0), 0);
        return decided;
      },
      respond: options.respond,
      context: {
        actor: verified.signer,
        correlationId: options.correlationId,
        causationId: verified.digest,
        occurredAt: options.now,
      },
      idempotency: verified.claim,
      maxAttempts: 200,
    });
    // Nothing decided (e.g. the same vote again) appends nothing and claims nothing: answer the state as is.
    if (!result.appended && decidedEvents !== 0) throw signatureProblems.replayed();
    return result.response;
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) throw signatureProblems.replayed();
    // Two copies raced: the loser re-decided against the winner's events and was refused by the domain
    // (e.g. already voted). The claim tells the truth: it was this very message, so it is a replay.
    if (await claimTaken(options.store, verified.claim)) throw signatureProblems.replayed();
    throw error;
  }
};

const claimTaken = async (store: PostgresEventStore, claim: { key: string; fingerprint: string }): Promise<boolean> => {
  try {
    return (await store.findIdempotentResponse(claim.key, claim.fingerprint)) !== undefined;
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) return true;
    throw error;
  }
};
