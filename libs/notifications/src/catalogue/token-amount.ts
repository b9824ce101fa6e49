/** A smallest-unit amount in whole token units, as a decimal string with at most `places` decimals. */
export const toTokenUnits = (amount: bigint, decimals = 18, places = 6): string => {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, '0').slice(0, places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
};
