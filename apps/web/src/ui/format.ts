import { formatUnits, parseUnits } from 'viem';

/** The decimals assumed where a token's own are not known (the test token and every Super Token have 18). */
export const DECIMALS = 18;

/** What a screen needs of a token to show and read amounts: its decimals and, when known, its symbol. */
export interface TokenUnits {
  readonly decimals: number;
  readonly symbol?: string;
}

/** An amount in the token's smallest unit as a decimal number with `digits` fraction digits. */
export const tokens = (wei: bigint | string, digits = 4, decimals = DECIMALS): string => {
  const value = Number(formatUnits(BigInt(wei), decimals));
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
/** An amount with its unit, "12.50 USDC"; "…" while the token's decimals are not known yet. */
export const amountOf = (wei: bigint | string, token: TokenUnits | undefined, digits = 2): string =>
  token ? `${tokens(wei, digits, token.decimals)} ${token.symbol || 'tokens'}` : '…';
/** The token's symbol, or "tokens" while it is not known. */
export const unitName = (token: TokenUnits | undefined) => token?.symbol || 'tokens';
/**
 * A decimal amount typed by a person, in the token's smallest unit; null when it is not a positive number or has more
 * fraction digits than the token (0.0000001 of a 6-decimal token cannot be sent).
 */
export const parseAmount = (text: string, decimals = DECIMALS): bigint | null => {
  const typed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(typed)) return null;
  if ((typed.split('.')[1]?.length ?? 0) > decimals) return null;
  try {
    const wei = parseUnits(typed, decimals);
    return wei > 0n ? wei : null;
  } catch {
    return null;
  }
};
export const shortAddress = (a: string | null | undefined) => (a ? `${a.slice(0, 6)}…${a.slice(-4)}` : '');
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '—');
export const percent = (bps: number) => `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
export const duration = (seconds: number) => {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
};
const MONTH = 30n * 86_400n;
export const perMonth = (flowRatePerSecond: bigint | string, decimals = DECIMALS) => tokens(BigInt(flowRatePerSecond) * MONTH, 2, decimals);
export const sameAddress = (a?: string | null, b?: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
