import { toTokenUnits } from '../catalogue/token-amount';

/** `0x7099…79C8`: enough to recognise an address or hash in a chat message. */
export const shortHex = (value: string): string => (/^0x[0-9a-fA-F]{12,}$/.test(value) ? `${value.slice(0, 6)}…${value.slice(-4)}` : value);

const SUFFIXES = ['', 'K', 'M', 'B', 'T'];

/** A smallest-unit amount in token units, compact: 250, 1.25K, 3.4M. */
export const shortAmount = (amount: string, decimals = 18): string => {
  let value: number;
  try {
    value = Number(toTokenUnits(BigInt(amount), decimals));
  } catch {
    return amount;
  }
  return shortNumber(value);
};

export const shortNumber = (value: number): string => {
  let i = 0;
  while (Math.abs(value) >= 1000 && i < SUFFIXES.length - 1) {
    value /= 1000;
    i++;
  }
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2;
  return `${Number(value.toFixed(digits))}${SUFFIXES[i]}`;
};
