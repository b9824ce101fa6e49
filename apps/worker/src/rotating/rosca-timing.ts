import type { RotatingPoolConfiguration } from '@ayllu/domain';

/** The payment-due reminder goes out a day before the due time, or half an interval before on shorter rounds. */
export const reminderLeadSeconds = (config: Pick<RotatingPoolConfiguration, 'rotationIntervalSeconds'>): number =>
  Math.min(24 * 3600, Math.floor(config.rotationIntervalSeconds / 2));

/**
 * When a round settles if some contribution is still missing: at the next round's due time (and never before the
 * grace period ends). A round everyone has paid settles at once. Between the end of the grace period and this
 * deadline a late member may still pay, with the penalty; after it, what is missing is a default.
 */
export const settleDeadline = (
  dueAt: string,
  config: Pick<RotatingPoolConfiguration, 'rotationIntervalSeconds' | 'gracePeriodSeconds'>,
): string => new Date(Date.parse(dueAt) + Math.max(config.rotationIntervalSeconds, config.gracePeriodSeconds) * 1000).toISOString();

export const announceAt = (dueAt: string, config: Pick<RotatingPoolConfiguration, 'rotationIntervalSeconds'>): string =>
  new Date(Date.parse(dueAt) - reminderLeadSeconds(config) * 1000).toISOString();

/** Seconds since the epoch, as the chain counts. */
export const chainSeconds = (iso: string): bigint => BigInt(Math.floor(Date.parse(iso) / 1000));

export const isoOfChainSeconds = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString();

/**
 * The wall-clock wait until the next chain-time instant that matters, from the chain's own now: chain time may
 * run ahead of the wall clock on a development chain, so the wait is capped (`maxWaitMs`) and the step looks again.
 */
export const waitUntil = (chainNow: string, instants: readonly (string | null)[], maxWaitMs: number): Date => {
  const now = Date.parse(chainNow);
  const future = instants
    .filter((i): i is string => i !== null)
    .map((i) => Date.parse(i) - now)
    .filter((ms) => ms > 0);
  const wait = future.length === 0 ? maxWaitMs : Math.min(maxWaitMs, ...future);
  return new Date(Date.now() + wait);
};
