import { useEffect, useState } from 'react';
import { tokens } from './format';

/**
 * What a payout stream has given so far, moving every fraction of a second at its flow rate: `received` as read at
 * `since` (ms) plus the flow since then. Not a live region: screen readers read it when they reach it.
 */
export function StreamTicker({
  received,
  flowRate,
  since,
  testId = 'stream-received',
  decimals,
}: {
  received: bigint;
  flowRate: bigint;
  since: number;
  testId?: string;
  /** The streamed token's decimals (18 when not given). */
  decimals?: number;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (flowRate === 0n) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [flowRate]);
  const elapsedMs = BigInt(Math.max(0, now - since));
  const value = received + (flowRate * elapsedMs) / 1000n;
  return (
    <span className="ticker" data-testid={testId} data-wei={value.toString()}>
      {tokens(value, 6, decimals)}
    </span>
  );
}
