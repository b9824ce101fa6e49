import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminKeyMatches, resolveAdminKey } from './admin-key';
import { ConfigError, loadConfig } from './load-config';

const KEY = 'k'.repeat(32);

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/ayllu');
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: null,
      adminApiKey: null,
      dataDir: '/srv/ayllu/.data',
      rpcUrl: null,
      logLevel: 'info',
    });
    expect(config.embeddedPostgresPort).not.toBe(5432);
  });

  it.each([
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ RPC_URL: 'ws://127.0.0.1:8545' }, 'RPC_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ NODE_ENV: 'production' }, 'ADMIN_API_KEY'],
    [{ EMBEDDED_POSTGRES_PORT: '-1' }, 'EMBEDDED_POSTGRES_PORT'],
    [{ RELAYER_MAX_FEE_GWEI: 'lots' }, 'RELAYER_MAX_FEE_GWEI'],
    [{ RELAYER_MAX_FEE_GWEI: '0' }, 'RELAYER_MAX_FEE_GWEI'],
    [{ RELAYER_MAX_FEE_GWEI: '1.0000000001' }, 'RELAYER_MAX_FEE_GWEI'],
    [{ RELAYER_MAX_PRIORITY_FEE_GWEI: '-2' }, 'RELAYER_MAX_PRIORITY_FEE_GWEI'],
    [{ RELAYER_STUCK_SECONDS: '0' }, 'RELAYER_STUCK_SECONDS'],
    [{ PUBLIC_URL: 'ayllu.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: '/app' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://ayllu.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://ayllu.example.org/?ref=hook' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://ayllu.example.org/?' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://ayllu.example.org/#/daos' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://user:pass@ayllu.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: `https://ayllu.example.org/${'a'.repeat(1000)}` }, 'PUBLIC_URL'],
    [{ HOST: 'bad host', SIWE_DOMAIN: 'ayllu.example.org' }, 'PUBLIC_URL'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('reads the relayer’s fee caps as decimal gwei (no cap unless set) and when a transaction counts as stuck', () => {
    expect(loadConfig({}).relayer).toEqual({ maxFeePerGas: null, maxPriorityFeePerGas: null, stuckSeconds: 180 });
    expect(loadConfig({ RELAYER_MAX_FEE_GWEI: '150.5', RELAYER_MAX_PRIORITY_FEE_GWEI: '2', RELAYER_STUCK_SECONDS: '30' }).relayer).toEqual({
      maxFeePerGas: 150_500_000_000n,
      maxPriorityFeePerGas: 2_000_000_000n,
      stuckSeconds: 30,
    });
  });

  it('links notifications to PUBLIC_URL without its trailing slash, and to http://HOST:PORT by default', () => {
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ HOST: 'ayllu.internal', PORT: '8080' }).publicUrl).toBe('http://ayllu.internal:8080');
    // Listening everywhere is reached at localhost; an IPv6 address goes in brackets.
    expect(loadConfig({ HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '::', SIWE_DOMAIN: 'localhost:3000' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '::1', SIWE_DOMAIN: 'localhost:3000' }).publicUrl).toBe('http://[::1]:3000');
    expect(loadConfig({ PUBLIC_URL: 'https://Ayllu.Example.org/' }).publicUrl).toBe('https://ayllu.example.org');
    expect(loadConfig({ PUBLIC_URL: ' https://ayllu.example.org:443/coop/app// ' }).publicUrl).toBe('https://ayllu.example.org/coop/app');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000', HOST: '0.0.0.0' }).publicUrl).toBe('http://10.0.0.5:3000');
  });

  it('says which variable to set when the default public URL is not a URL', () => {
    expect(() => loadConfig({ HOST: 'bad host', SIWE_DOMAIN: 'ayllu.example.org' })).toThrow(
      /PUBLIC_URL .*http:\/\/bad host:3000.*set PUBLIC_URL/,
    );
  });

  it('never echoes the admin key in its error', () => {
    expect(() => loadConfig({ ADMIN_API_KEY: 'secret12' })).toThrow(/ADMIN_API_KEY/);
    expect(() => loadConfig({ ADMIN_API_KEY: 'secret12' })).not.toThrow(/secret12/);
  });

  it('accepts a production configuration', () => {
    const config = loadConfig({ NODE_ENV: 'production', ADMIN_API_KEY: KEY, DATABASE_URL: 'postgres://u@h:5432/d', PORT: '8080' });
    expect(config).toMatchObject({ env: 'production', port: 8080, adminApiKey: KEY, databaseUrl: 'postgres://u@h:5432/d' });
  });
});

describe('admin key', () => {
  it('generates a development key once, keeps it private, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ayllu-key-'));
    const first = resolveAdminKey(null, dir);
    expect(first.generated).toBe(true);
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.key);
    const second = resolveAdminKey(null, dir);
    expect(second).toMatchObject({ key: first.key, generated: false });
  });

  it('uses a configured key as is', () => {
    expect(resolveAdminKey(KEY, '/nonexistent')).toEqual({ key: KEY, generated: false, file: null });
  });

  it('matches only the exact key', () => {
    expect(adminKeyMatches(KEY, KEY)).toBe(true);
    expect(adminKeyMatches(`${KEY}x`, KEY)).toBe(false);
    expect(adminKeyMatches('', KEY)).toBe(false);
  });
});
