import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

const RELAYER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const API_SRC = join(__dirname, '..', 'src');

/** Every value reachable from `root` (own properties, Maps, Sets, arrays), each object once, to a bounded depth. */
const reachable = (root: unknown, depth = 6): unknown[] => {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  const walk = (value: unknown, left: number) => {
    out.push(value);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || left === 0) return;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) [k, v].forEach((x) => walk(x, left - 1));
    else if (value instanceof Set || Array.isArray(value)) for (const v of value as Iterable<unknown>) walk(v, left - 1);
    else if (typeof value === 'object')
      for (const key of Object.getOwnPropertyNames(value)) {
        let v: unknown;
        try {
          v = (value as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        walk(v, left - 1);
      }
  };
  walk(root, depth);
  return out;
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('The API holds no signing key and sends no transaction', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The environment a shared deployment gives both processes: a chain and the relayer's key (nothing listens
    // at that RPC address; building clients connects nowhere).
    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      RELAYER_PRIVATE_KEY: RELAYER_KEY,
      RPC_URL: 'http://127.0.0.1:9',
    });
    expect(config.relayerPrivateKey).toBe(RELAYER_KEY);
    app = await createApiApp({ config, pool: db.pool, adminApiKey: 'no-signing-key-test-admin-key-0123' });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('no provider of the running API reaches the relayer key or a signing account', () => {
    const modules = app.get(ModulesContainer);
    const instances = [...modules.values()].flatMap((m) => [...m.providers.values(), ...m.controllers.values()].map((w) => w.instance));
    const values = instances.flatMap((instance) => reachable(instance));
    expect(values.filter((v) => typeof v === 'string' && v.toLowerCase().includes(RELAYER_KEY.slice(2)))).toEqual([]);
    // A viem local account: its address and a signTransaction of its own.
    const accounts = values.filter((v) => {
      if (v === null || typeof v !== 'object') return false;
      const { address, signTransaction } = v as { address?: unknown; signTransaction?: unknown };
      return typeof address === 'string' && /^0x[0-9a-fA-F]{40}$/.test(address) && typeof signTransaction === 'function';
    });
    expect(accounts).toEqual([]);
  });

  it('no API source builds a wallet or sends a transaction', () => {
    const offending = sourceFiles(API_SRC).filter((file) =>
      /from 'viem\/accounts'|createWalletClient|sendTransaction|writeContract|privateKeyToAccount/.test(readFileSync(file, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
