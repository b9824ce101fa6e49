import type { AppConfig } from '@ayllu/platform';
import { FailedAdminAttempts } from './failed-admin-attempts';

const limiter = (max: number) => new FailedAdminAttempts({ adminAuthMaxFailures: max } as AppConfig);

describe('FailedAdminAttempts', () => {
  it('blocks an IP for the rest of its minute once it reaches the limit, and only that IP', () => {
    const attempts = limiter(3);
    for (let i = 0; i < 2; i++) attempts.recordFailure('10.0.0.1', 1_000);
    expect(attempts.blockedFor('10.0.0.1', 1_000)).toBe(0);
    attempts.recordFailure('10.0.0.1', 2_000);
    expect(attempts.blockedFor('10.0.0.1', 2_000)).toBe(59_000);
    expect(attempts.blockedFor('10.0.0.2', 2_000)).toBe(0);
  });

  it('forgets failures when their minute is over', () => {
    const attempts = limiter(1);
    attempts.recordFailure('10.0.0.1', 0);
    expect(attempts.blockedFor('10.0.0.1', 59_999)).toBe(1);
    expect(attempts.blockedFor('10.0.0.1', 60_000)).toBe(0);
    attempts.recordFailure('10.0.0.1', 60_000);
    expect(attempts.blockedFor('10.0.0.1', 60_001)).toBe(59_999);
  });

  it('keeps a bounded number of addresses however many try', () => {
    const attempts = limiter(1);
    for (let i = 0; i < 12_000; i++) attempts.recordFailure(`ip-${i}`, 0);
    expect((attempts as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10_000);
    expect(attempts.blockedFor('ip-11999', 1)).toBeGreaterThan(0);
  });
});
