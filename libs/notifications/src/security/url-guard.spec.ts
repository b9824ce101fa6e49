import type { LookupAddress } from 'node:dns';
import { classifyAddress, type NetworkClass } from './address-class';
import { assertDeliverableUrl, guardedLookup, WebhookUrlRefused } from './url-guard';

/** A resolver with fixed answers: what a DNS server would say for these names. */
const dns =
  (answers: Record<string, string[]>) =>
  (host: string): Promise<LookupAddress[]> => {
    const found = answers[host];
    if (!found) return Promise.reject(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

const none = new Set<NetworkClass>();

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
    ['255.255.255.255', 'reserved'],
  ])('%s is %s', (address, kind) => expect(classifyAddress(address)).toBe(kind));

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    '%s is public',
    (address) => expect(classifyAddress(address)).toBeNull(),
  );
});

describe('webhook URL check', () => {
  const resolve = dns({
    'hooks.example.org': ['93.184.216.34'],
    'internal.example.org': ['10.0.0.5'],
    'mixed.example.org': ['93.184.216.34', '127.0.0.1'],
    localhost: ['127.0.0.1', '::1'],
    'metadata.example.org': ['::ffff:169.254.169.254'],
  });
  const refused = async (url: string, allowed = none) => {
    const error = await assertDeliverableUrl(url, allowed, resolve).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookUrlRefused);
    return (error as WebhookUrlRefused).reason;
  };

  it('accepts a public https or http URL', async () => {
    await expect(assertDeliverableUrl('https://hooks.example.org/x', none, resolve)).resolves.toBeInstanceOf(URL);
    await expect(assertDeliverableUrl('http://93.184.216.34:8080/x', none, resolve)).resolves.toBeInstanceOf(URL);
  });

  it('refuses other schemes, credentials and malformed URLs', async () => {
    expect(await refused('ftp://hooks.example.org/x')).toBe('scheme');
    expect(await refused('file:///etc/passwd')).toBe('scheme');
    expect(await refused('gopher://hooks.example.org')).toBe('scheme');
    expect(await refused('https://user:pw@hooks.example.org/')).toBe('credentials');
    expect(await refused('not a url')).toBe('malformed');
  });

  it('refuses hosts resolving to private, loopback, link-local or mapped addresses, and literal ones', async () => {
    expect(await refused('https://internal.example.org/')).toBe('private');
    expect(await refused('https://mixed.example.org/')).toBe('loopback');
    expect(await refused('http://localhost:3000/')).toBe('loopback');
    expect(await refused('http://[::1]/')).toBe('loopback');
    expect(await refused('http://[::ffff:127.0.0.1]/')).toBe('loopback');
    expect(await refused('http://169.254.169.254/latest/meta-data')).toBe('link-local');
    expect(await refused('https://metadata.example.org/')).toBe('link-local');
    expect(await refused('http://0.0.0.0/')).toBe('unspecified');
    expect(await refused('http://100.64.1.1/')).toBe('cgnat');
    expect(await refused('https://nowhere.example.org/')).toBe('unresolvable');
  });

  it('allows only the configured classes (development: loopback)', async () => {
    const loopback = new Set<NetworkClass>(['loopback']);
    await expect(assertDeliverableUrl('http://localhost:3000/', loopback, resolve)).resolves.toBeInstanceOf(URL);
    expect(await refused('https://internal.example.org/', loopback)).toBe('private');
  });

  it('checks again on the connection itself, so a changed DNS answer (rebinding) is refused', async () => {
    const rebound = dns({ 'hooks.example.org': ['127.0.0.1'] });
    const lookup = guardedLookup(none, rebound);
    const error = await new Promise((resolve) => lookup('hooks.example.org', { all: true }, (e) => resolve(e)));
    expect(error).toBeInstanceOf(WebhookUrlRefused);
  });
});
