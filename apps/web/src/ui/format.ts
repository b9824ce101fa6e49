import { formatUnits, parseUnits } from 'viem';

/** Tokens have 18 decimals on every network the platform ships (the test token and its Super Token included). */
export const DECIMALS = 18;

export const tokens = (wei: bigint | string, digits = 4): string => {
  const value = Number(formatUnits(BigInt(wei), DECIMALS));
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
/** A decimal amount typed by a person, in the token's smallest unit; null when it is not a positive number. */
export const parseAmount = (text: string): bigint | null => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  try {
    const wei = parseUnits(text.trim(), DECIMALS);
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
export const perMonth = (flowRatePerSecond: bigint | string) => tokens(BigInt(flowRatePerSecond) * MONTH, 2);
export const sameAddress = (a?: string | null, b?: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
