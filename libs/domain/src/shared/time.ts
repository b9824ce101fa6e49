/** Instants are ISO-8601 strings from command metadata; these helpers only compare and offset them. */
export const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** True when `a` is at or after `b`. */
export const isAtOrAfter = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);
