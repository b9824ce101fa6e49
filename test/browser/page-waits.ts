import type { Locator } from 'playwright-core';

/**
 * Waits until `locator`'s text contains `expected` (a string or a pattern), or equals it with `exact`. Fails with
 * what the page showed instead. (playwright-core has no test matchers; Jest's `expect` checks values, not pages.)
 */
export async function seeText(locator: Locator, expected: string | RegExp, options: { exact?: boolean; timeoutMs?: number } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last = '';
  for (;;) {
    last =
      (
        await locator
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => null)
      )?.trim() ?? '';
    const hit = typeof expected === 'string' ? (options.exact ? last === expected : last.includes(expected)) : expected.test(last);
    if (hit) return;
    if (Date.now() > deadline)
      throw new Error(`Expected ${String(locator)} to ${options.exact ? 'be' : 'contain'} ${String(expected)}; it showed "${last}"`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until nothing on the page matches `locator`. */
export async function gone(locator: Locator, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) > 0) {
    if (Date.now() > deadline) throw new Error(`Expected ${String(locator)} to go away`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
