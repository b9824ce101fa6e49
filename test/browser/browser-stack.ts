import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ayllu/platform';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { keccak256, toHex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { devChainProfile } from '../../libs/chain/src/networks/dev-chain-profile';
import { buildWebApp } from '../../tools/web/build-web-app';
import { startPrivateDevChain, type DevChainContext } from '../chain/dev-chain';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { injectWallet, type WalletControls } from './injected-wallet';

export const ADMIN_KEY = 'browser-test-admin-key-0123456789abcdef';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots land here, one file per page the test visits. */
export const OUTPUT_DIR = join(__dirname, '..', '..', 'test-output', 'browser');

export interface Person {
  readonly name: string;
  readonly account: PrivateKeyAccount;
  readonly page: Page;
  readonly wallet: WalletControls;
  readonly context: BrowserContext;
}

export interface BrowserStack {
  readonly url: string;
  readonly chain: DevChainContext & { stop(): Promise<void> };
  readonly db: TestDatabase;
  readonly browser: Browser;
  /** A browser profile of its own with a wallet holding a fresh funded key. */
  person(name: string, options?: { chainId?: number; viewport?: { width: number; height: number } }): Promise<Person>;
  screenshot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Everything the web app needs, started by the test itself in this process: a private Hardhat node with the development
 * contracts (a child process, stopped by its pid), a migrated database of its own, the worker (projections, deployment,
 * execution, payouts; its relayer funded on the node) and the API serving the freshly built app on a free port; then
 * Debian's Chromium, headless.
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  buildWebApp();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const chain = await startPrivateDevChain();
  const stops: (() => Promise<unknown>)[] = [() => chain.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const db = await createTestDatabase();
    stops.push(() => db.drop());
    const relayerKey = keccak256(toHex('ayllu:browser:relayer'));
    await chain.clients.test.setBalance({ address: privateKeyToAccount(relayerKey).address, value: 10n ** 22n });
    const network = { profile: devChainProfile(chain.devChain), rpcUrl: chain.devChain.rpcUrl, source: 'browser test' };
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'silent',
      RPC_URL: chain.devChain.rpcUrl,
      RELAYER_PRIVATE_KEY: relayerKey,
      PAYOUT_CACHE_REFRESH_SECONDS: '1',
    });
    const worker: RunningWorker = await startWorker({
      config,
      pool: db.pool,
      databaseUrl: db.url,
      network,
      jobPollingIntervalSeconds: 0.5,
      operationsPort: 0,
      execution: { pollMs: 200, leaseMs: 2000, indexerConfirmations: 0, payoutRefreshMs: 1000 },
    });
    stops.push(() => worker.stop());
    const api: NestFastifyApplication = await createApiApp({ config, pool: db.pool, adminApiKey: ADMIN_KEY, network });
    await api.listen({ port: 0, host: '127.0.0.1' });
    stops.push(() => api.close());
    const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    stops.push(() => browser.close());
    let n = 0;
    return {
      url,
      chain,
      db,
      browser,
      person: async (name, options = {}) => {
        const key = keccak256(toHex(`ayllu:browser:${name}:${n++}`));
        const account = privateKeyToAccount(key);
        await chain.clients.test.setBalance({ address: account.address, value: 10n ** 21n });
        const context = await browser.newContext({ baseURL: url, viewport: options.viewport ?? { width: 1100, height: 900 } });
        const wallet = await injectWallet(context, account, key, {
          clients: chain.clients,
          rpcUrl: chain.devChain.rpcUrl,
          chainId: chain.devChain.chainId,
        });
        if (options.chainId !== undefined) wallet.chainId = options.chainId;
        const page = await context.newPage();
        // What the page said to its console, for a failure's diagnosis: test-output/browser/console-<name>.log.
        const log = join(OUTPUT_DIR, `console-${name}.log`);
        writeFileSync(log, '');
        page.on('console', (m) => appendFileSync(log, `${m.type()} ${m.text()}\n`));
        page.on('pageerror', (e) => appendFileSync(log, `pageerror ${e.message}\n`));
        page.setDefaultTimeout(30_000);
        return { name, account, page, wallet, context };
      },
      screenshot: async (page, name) => {
        await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
