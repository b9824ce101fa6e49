/** How deep a request body may nest. The API's deepest body (a CHANGE_PARAMETERS payload) nests 4 levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when a parsed JSON value nests deeper than `max` objects or arrays. Iterative on purpose: the checks
 * that walk a body afterwards (NUL characters, class-transformer, canonical JSON for signatures) recurse,
 * and a body of 100,000 brackets would overflow their stack as a 500.
 */
export const nestsDeeperThan = (value: unknown, max: number): boolean => {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
};
