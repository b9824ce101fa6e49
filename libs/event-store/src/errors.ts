import type { ExpectedVersion } from './types';

/** Another writer appended to the stream first. Callers re-decide against the new state, or answer 409. */
export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE.CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${String(expectedVersion)}`);
    this.name = 'ConcurrencyError';
  }
}

/** An idempotency key was reused for a different request. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used for a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/**
 * A combined append (several commands in one transaction) found some of its idempotency keys claimed already:
 * nothing was written. The combiner answers those commands from their keys and decides the others again.
 */
export class IdempotencyKeysClaimedError extends Error {
  readonly code = 'IDEMPOTENCY.KEYS_CLAIMED';
  constructor(readonly keys: readonly string[]) {
    super(`Idempotency keys claimed already: ${keys.join(', ')}`);
    this.name = 'IdempotencyKeysClaimedError';
  }
}
