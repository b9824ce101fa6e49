import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, type NetworkClass } from './address-class';

export type ResolveAll = (hostname: string) => Promise<readonly LookupAddress[]>;

export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** Why a webhook URL was refused; `field`-level message for the API, never echoing more than the URL. */
export class WebhookUrlRefused extends Error {
  constructor(
    readonly reason: 'scheme' | 'malformed' | 'credentials' | 'unresolvable' | NetworkClass,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookUrlRefused';
  }
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Parses the URL and refuses what is never deliverable, before any DNS: other schemes, credentials. */
export const parseWebhookUrl = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookUrlRefused('malformed', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WebhookUrlRefused('scheme', `must use http or https (got "${url.protocol}")`);
  if (url.username || url.password) throw new WebhookUrlRefused('credentials', 'must not carry credentials');
  if (!url.hostname) throw new WebhookUrlRefused('malformed', 'must name a host');
  return url;
};

const refuseAddress = (address: string, allowed: ReadonlySet<NetworkClass>): void => {
  const kind = classifyAddress(address);
  if (kind !== null && !allowed.has(kind)) {
    throw new WebhookUrlRefused(kind, `resolves to a ${kind} address (${address}), which webhooks may not reach`);
  }
};

/**
 * Refuses a URL unless every address its host resolves to is public (or in an allowed class). Checked
 * when an endpoint is created or changed; delivery checks again with `guardedLookup` on the very
 * connection it opens, so a DNS answer that changes in between (rebinding) gains nothing.
 */
export const assertDeliverableUrl = async (
  text: string,
  allowed: ReadonlySet<NetworkClass>,
  resolve: ResolveAll = resolveAll,
): Promise<URL> => {
  const url = parseWebhookUrl(text);
  const host = hostOf(url);
  let addresses: readonly LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw new WebhookUrlRefused('unresolvable', `host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new WebhookUrlRefused('unresolvable', `host ${host} does not resolve`);
  for (const { address } of addresses) refuseAddress(address, allowed);
  return url;
};

/**
 * A `lookup` for node:http(s) that resolves and then refuses forbidden addresses, so the socket can
 * only ever connect to an address that passed the check.
 */
export const guardedLookup = (allowed: ReadonlySet<NetworkClass>, resolve: ResolveAll = resolveAll): LookupFunction =>
  ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const found: Promise<readonly LookupAddress[]> = isIP(host) ? Promise.resolve([{ address: host, family: isIP(host) }]) : resolve(host);
    found.then(
      (addresses) => {
        try {
          if (addresses.length === 0) throw new WebhookUrlRefused('unresolvable', `host ${host} does not resolve`);
          for (const { address } of addresses) refuseAddress(address, allowed);
        } catch (error) {
          callback(error);
          return;
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: unknown) => callback(error),
    );
  }) as LookupFunction;
