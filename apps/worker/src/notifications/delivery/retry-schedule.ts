const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before each attempt, the first immediate: as persistent as the best hosted services (~27.6 h). */
export const RETRY_DELAYS_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;

export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;

/** An endpoint whose deliveries have failed without a success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * HOUR;

/** After `attemptsMade` failed attempts: how long until the next one, or null when the message is dead. */
export const nextRetryDelay = (attemptsMade: number): number | null =>
  attemptsMade >= 1 && attemptsMade < RETRY_DELAYS_MS.length ? RETRY_DELAYS_MS[attemptsMade] : null;
