/** Percentile by nearest rank over a copy of the samples (milliseconds in, milliseconds out). */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** A ratio written the way the tables read it: "2.31×". */
export const times = (value: number): string => `${round(value, 2)}×`;

export const fmtInt = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Milliseconds since an hrtime origin, as a float. */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
