// A share pool's page in real headless Chromium (Debian's `chromium`, driven by playwright-core): holders buy,
// transfer, redeem a code, contribute to a crowdfunding, watch their payout stream, claim it and read their
// statement, each from an injected EIP-1193 wallet backed by a key on the local chain. The DAO and its pools are made
// over the admin API (the admin's own pages are web-app.e2e.spec.ts's); the DAO's Safe streams through a Safe
// transaction two treasurers sign over the API. Screenshots go to test-output/browser/share-pool.*.png.
import { expect } from '@jest/globals';
import { safeTransactionTypedData, superTokenAbi, type SafeTransaction } from '@ayllu/chain';
import type { Page } from 'playwright-core';
import { erc20Abi, parseEther, type Abi, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { ADMIN_KEY, startBrowserStack, type BrowserStack, type Person } from './browser-stack';
import { seeText } from './page-waits';

jest.setTimeout(300_000);

const PRICE = parseEther('0.1');
/** 10^11 wei a second per share: 10^15 wei a second over the 10,000 shares. */
const PER_SHARE_RATE = 10n ** 11n;

type PoolView = {
  contract: Address | null;
  gdaPool: Address | null;
  available: number;
  pendingActions: number;
  proceeds: string;
  holders: { address: string; shares: number; payout: { connected: boolean; claimable: string; flowRate: string } | null }[];
  distributions: { kind: string; stoppedAt: string | null }[];
};
type SafeTx = { safeTxHash: string; status: string; failureReason: string | null };
type UintField = 'value' | 'safeTxGas' | 'baseGas' | 'gasPrice' | 'nonce';

const waitUntil = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
};

describe('A share pool’s page in a real browser', () => {
  let stack: BrowserStack;
  let daoId: string;
  let contracts: { chainId: number; safe: Address; payoutToken: Address };
  let buyPool: string;
  let codesPool: string;
  let crowdPool: string;
  const people: Record<string, Person> = {};

  const request = async <T>(method: string, path: string, body?: unknown, admin = false): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(admin && { authorization: `Bearer ${ADMIN_KEY}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  };
  const expectOk = async <T>(call: Promise<{ status: number; body: T }>): Promise<T> => {
    const { status, body } = await call;
    if (status >= 300) throw new Error(`The API answered ${status}: ${JSON.stringify(body)}`);
    return body;
  };
  const poolPath = (poolId: string) => `/v1/daos/${daoId}/share-pools/${poolId}`;
  const view = (poolId: string) => expectOk(request<PoolView>('GET', poolPath(poolId)));
  const sharesOf = (v: PoolView, who: Person) => v.holders.find((h) => h.address === who.account.address)?.shares ?? 0;
  const send = async (from: PrivateKeyAccount, address: Address, abi: Abi, functionName: string, args: unknown[]) => {
    const hash = await stack.chain.clients.wallet(from).writeContract({ address, abi, functionName, args } as never);
    const receipt = await stack.chain.clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
  };
  const tst = (holder: Address) =>
    stack.chain.clients.public.readContract({
      address: stack.chain.devChain.testToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [holder],
    });
  const shot = (page: Page, name: string) => stack.screenshot(page, `share-pool.${name}`);

  /** Opens `path` and connects the wallet, unless the app reconnected it by itself. */
  const open = async (who: Person, path: string) => {
    await who.page.goto(path);
    const account = who.page.getByTestId('wallet-address');
    const connect = who.page.getByRole('button', { name: 'Connect wallet' });
    await waitUntil('the wallet button', async () =>
      (await account.count()) > 0 || (await connect.isEnabled({ timeout: 500 })) ? true : undefined,
    );
    if ((await account.count()) === 0) await connect.click();
    await account.waitFor();
  };

  const deployed = (poolId: string) => waitUntil(`${poolId}'s contract`, async () => ((await view(poolId)).gdaPool ? true : undefined));
  const createPool = async (body: Record<string, unknown>) =>
    (await expectOk(request<{ poolId: string }>('POST', `/v1/daos/${daoId}/share-pools`, body, true))).poolId;

  /** An admin asks the Safe for a creator action; two treasurers sign the served Safe transaction; the relayer runs it. */
  const bySafe = async (poolId: string, body: Record<string, unknown>) => {
    const tx = await expectOk(request<SafeTx>('POST', `${poolPath(poolId)}/creator-actions`, body, true));
    const served = await expectOk(
      request<{ typedData: { message: Omit<SafeTransaction, UintField> & Record<UintField, string> } }>(
        'GET',
        `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}`,
      ),
    );
    const m = served.typedData.message;
    const transaction: SafeTransaction = {
      ...m,
      value: BigInt(m.value),
      safeTxGas: BigInt(m.safeTxGas),
      baseGas: BigInt(m.baseGas),
      gasPrice: BigInt(m.gasPrice),
      nonce: BigInt(m.nonce),
    };
    for (const name of ['treasurer-1', 'treasurer-2']) {
      const { account } = people[name];
      const signature = await account.signTypedData(
        safeTransactionTypedData({ chainId: contracts.chainId, safe: contracts.safe }, transaction),
      );
      await expectOk(
        request('POST', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}/signatures`, { signer: account.address, signature }),
      );
    }
    const done = await waitUntil('the Safe transaction', async () => {
      const t = await expectOk(request<SafeTx>('GET', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}`));
      return t.status === 'awaiting-signatures' ? undefined : t;
    });
    expect(done).toMatchObject({ status: 'executed' });
  };

  beforeAll(async () => {
    stack = await startBrowserStack();
    for (const name of ['ana', 'bruno', 'treasurer-1', 'treasurer-2', 'treasurer-3', 'funder'])
      people[name] = await stack.person(`share-${name}`);
    const dao = await expectOk(
      request<{ id: string }>(
        'POST',
        '/v1/daos',
        {
          name: 'Ayllu share pools in a browser',
          founders: [people.ana.account.address, people.bruno.account.address],
          treasurers: ['treasurer-1', 'treasurer-2', 'treasurer-3'].map((n) => people[n].account.address),
          treasurerThreshold: 2,
        },
        true,
      ),
    );
    daoId = dao.id;
    contracts = await waitUntil('the DAO contracts', async () => {
      const res = await request<typeof contracts>('GET', `/v1/daos/${daoId}/contracts`);
      return res.status === 200 ? res.body : undefined;
    });
    // Three pools, one way in each: a buy pool (transfers allowed), a codes pool and a crowdfunding.
    buyPool = await createPool({
      name: 'Community solar roof',
      ticker: 'SOLAR',
      description: 'Shares in the roof’s income, paid in TSTx',
      wayToAccess: 'buy',
      purchaseToken: stack.chain.devChain.testToken,
      pricePerShare: PRICE.toString(),
      creatorShares: 3_000,
      transfersAllowed: true,
      estimatedApr: '8.5',
    });
    codesPool = await createPool({ name: 'Harvest festival', ticker: 'FEST', wayToAccess: 'codes', creatorShares: 3_000 });
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    crowdPool = await createPool({
      name: 'Village well',
      ticker: 'WELL',
      wayToAccess: 'crowdfunding',
      purchaseToken: stack.chain.devChain.testToken,
      creatorShares: 2_000,
      crowdfunding: { target: parseEther('100').toString(), deadline },
    });
    // The worker deploys the other two while the first tests run; each waits for its own.
    await deployed(buyPool);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a holder buys shares from the wallet: approve, then the signed purchase; the page shows the holding', async () => {
    const ana = people.ana;
    await send(ana.account, stack.chain.devChain.testToken, testTokenAbi as Abi, 'mint', [ana.account.address, parseEther('1000')]);
    const safeBefore = await tst(contracts.safe);
    await open(ana, `/daos/${daoId}/share-pools/${buyPool}`);
    await seeText(ana.page.getByTestId('my-shares'), 'You hold no shares in this pool.');
    await seeText(ana.page.getByTestId('way-in'), 'Buy shares at a fixed price');
    // Redeeming a code is not this pool's way in; buying is, and transfers need shares first.
    expect(await ana.page.getByRole('heading', { name: 'Redeem a code' }).count()).toBe(0);
    expect(await ana.page.getByRole('heading', { name: 'Transfer shares' }).count()).toBe(0);
    await ana.page.getByLabel('Shares to buy', { exact: true }).fill('500');
    await seeText(ana.page.locator('.hint').filter({ hasText: 'Costs' }), 'Costs 50.00 tokens');
    await shot(ana.page, '01-before-buying');
    // Declining the approval in the wallet says so, and nothing is signed or recorded.
    ana.wallet.refuse.add('eth_sendTransaction');
    await ana.page.getByRole('button', { name: 'Approve and buy' }).click();
    await seeText(ana.page.getByRole('alert'), 'You declined in your wallet');
    expect(ana.wallet.signedTypedData).toHaveLength(0);
    expect((await view(buyPool)).pendingActions).toBe(0);
    ana.wallet.refuse.delete('eth_sendTransaction');
    await ana.page.getByRole('button', { name: 'Approve and buy' }).click();
    await ana.page.getByText(/^Bought 500 shares for 50\.00 tokens/).waitFor({ timeout: 60_000 });
    const signed = JSON.parse(ana.wallet.signedTypedData.at(-1)!) as { primaryType: string; types: Record<string, unknown> };
    expect(signed.types.EIP712Domain).toBeDefined();
    await seeText(ana.page.getByTestId('my-shares'), '5% (500 of 10,000 shares)', { timeoutMs: 60_000 });

    const v = await waitUntil('the purchase in the API', async () => {
      const p = await view(buyPool);
      return sharesOf(p, ana) === 500 && p.pendingActions === 0 ? p : undefined;
    });
    expect(v.available).toBe(6_500);
    expect(BigInt(v.proceeds)).toBe(500n * PRICE);
    expect((await tst(contracts.safe)) - safeBefore).toBe(500n * PRICE);
    await seeText(ana.page.getByTestId('available'), '65% (6,500 of 10,000 shares)');
    await ana.page.getByRole('heading', { name: 'Transfer shares' }).waitFor();
    await shot(ana.page, '02-bought');
  });

  it('the holder transfers shares to another address; both holdings change in the API and on the page', async () => {
    const { ana, bruno } = people;
    await ana.page.getByLabel('Recipient address', { exact: true }).fill(bruno.account.address.toLowerCase());
    await ana.page.getByLabel('Shares to transfer', { exact: true }).fill('100');
    await ana.page.getByRole('button', { name: 'Sign and transfer' }).click();
    await ana.page.getByText(/^Sending 100 shares to/).waitFor({ timeout: 30_000 });
    await seeText(ana.page.getByTestId('my-shares'), '4% (400 of 10,000 shares)', { timeoutMs: 60_000 });
    await waitUntil('the transfer in the API', async () => {
      const p = await view(buyPool);
      return sharesOf(p, ana) === 400 && sharesOf(p, bruno) === 100 ? true : undefined;
    });
    await seeText(ana.page.getByTestId('holders'), '1% (100 of 10,000 shares)');
    await shot(ana.page, '03-transferred');
  });

  it('a code the pool does not know is refused in words a person can act on; the real code gives its shares', async () => {
    const { bruno } = people;
    await deployed(codesPool);
    const generated = await expectOk(
      request<{ codes: { code: string }[] }>('POST', `${poolPath(codesPool)}/codes`, { count: 1, shares: 500 }, true),
    );
    const [{ code }] = generated.codes;
    await open(bruno, `/daos/${daoId}/share-pools/${codesPool}`);
    await seeText(bruno.page.getByTestId('way-in'), 'Redeem a one-time code');
    expect(await bruno.page.getByRole('heading', { name: 'Buy shares' }).count()).toBe(0);
    await bruno.page.getByLabel('Your code', { exact: true }).fill('not-the-code-at-all');
    await bruno.page.getByRole('button', { name: 'Redeem the code' }).click();
    const alert = bruno.page.getByRole('alert');
    await seeText(alert, 'check it letter by letter');
    await seeText(alert, 'SHARE_POOL.UNKNOWN_CODE');
    await shot(bruno.page, '04-unknown-code');
    expect((await view(codesPool)).pendingActions).toBe(0);

    await bruno.page.getByLabel('Your code', { exact: true }).fill(code);
    await bruno.page.getByRole('button', { name: 'Redeem the code' }).click();
    await bruno.page.getByText(/^Code accepted/).waitFor({ timeout: 30_000 });
    await seeText(bruno.page.getByTestId('my-shares'), '5% (500 of 10,000 shares)', { timeoutMs: 60_000 });
    expect(sharesOf(await view(codesPool), bruno)).toBe(500);
    await shot(bruno.page, '05-code-redeemed');

    // The same code again: used, so refused, and nothing changes.
    await bruno.page.getByLabel('Your code', { exact: true }).fill(code);
    await bruno.page.getByRole('button', { name: 'Redeem the code' }).click();
    await seeText(bruno.page.getByRole('alert'), 'each code works once');
    expect(sharesOf(await view(codesPool), bruno)).toBe(500);
  });

  it('a contributor pledges to a crowdfunding from the wallet; the progress shows it', async () => {
    const { bruno } = people;
    await deployed(crowdPool);
    await send(bruno.account, stack.chain.devChain.testToken, testTokenAbi as Abi, 'mint', [bruno.account.address, parseEther('100')]);
    await open(bruno, `/daos/${daoId}/share-pools/${crowdPool}`);
    await seeText(bruno.page.getByTestId('crowdfunding-progress'), '0.00 of 100.00 tokens raised (0%) from 0 contributors');
    await bruno.page.getByLabel('Contribution (tokens)', { exact: true }).fill('30');
    await bruno.page.getByRole('button', { name: 'Approve and contribute' }).click();
    await bruno.page.getByText(/^Contributed 30\.00 tokens/).waitFor({ timeout: 60_000 });
    await seeText(bruno.page.getByTestId('crowdfunding-progress'), '30.00 of 100.00 tokens raised (30%) from 1 contributor', {
      timeoutMs: 60_000,
    });
    await seeText(bruno.page.getByTestId('my-contribution'), '30.00 tokens');
    const cf = (await expectOk(request<{ crowdfunding: { raised: string; outcome: string | null } }>('GET', poolPath(crowdPool))))
      .crowdfunding;
    expect(cf).toEqual(expect.objectContaining({ raised: parseEther('30').toString(), outcome: null }));
    expect(await tst(bruno.account.address)).toBe(parseEther('70'));
    await shot(bruno.page, '06-contributed');
  });

  it('the Safe streams to holders: the payout ticks on the page, the holder claims it and reads the statement', async () => {
    const { ana, funder } = people;
    const funding = parseEther('1000');
    const { testToken, testSuperToken } = stack.chain.devChain;
    await send(funder.account, testToken, testTokenAbi as Abi, 'mint', [funder.account.address, funding]);
    await send(funder.account, testToken, testTokenAbi as Abi, 'approve', [testSuperToken, funding]);
    await send(funder.account, testSuperToken, superTokenAbi as Abi, 'upgrade', [funding]);
    await send(funder.account, contracts.payoutToken, superTokenAbi as Abi, 'transfer', [contracts.safe, funding]);
    await bySafe(buyPool, { action: 'stream', flowRate: (PER_SHARE_RATE * 10_000n).toString() });
    await waitUntil('the stream in the record', async () =>
      (await view(buyPool)).distributions.some((d) => d.kind === 'stream' && !d.stoppedAt) ? true : undefined,
    );

    const { page } = ana;
    await page.getByRole('table', { name: /stays with the pool/ }).waitFor({ timeout: 30_000 });
    await seeText(page.getByTestId('my-flow'), 'tokens a month', { timeoutMs: 60_000 });
    const received = async () => BigInt((await page.getByTestId('share-received').getAttribute('data-wei'))!);
    const first = await received();
    await page.waitForTimeout(1200);
    expect(await received()).toBeGreaterThan(first);
    // Ana never connected to the pool's distributions: what streams to her waits to be claimed. An hour of chain time.
    await stack.chain.clients.test.increaseTime({ seconds: 3600 });
    await stack.chain.clients.test.mine({ blocks: 1 });
    await waitUntil('the claimable stream', async () => {
      const mine = (await view(buyPool)).holders.find((h) => h.address === ana.account.address);
      return BigInt(mine?.payout?.claimable ?? '0') >= parseEther('0.1') ? true : undefined;
    });
    await seeText(page.getByTestId('claimable'), /^[1-9]|^0\.[1-9]/);
    await shot(page, '07-streaming');
    await page.getByRole('button', { name: 'Claim my payout' }).click();
    await page.getByText(/^Claim (queued|claimed)/).waitFor({ timeout: 30_000 });
    const claim = await waitUntil('the claim', async () => {
      const c = await expectOk(
        request<{ status: string; claimed: string | null }>('GET', `${poolPath(buyPool)}/holders/${ana.account.address}/claim`),
      );
      return c.status === 'queued' ? undefined : c;
    });
    expect(claim.status).toBe('claimed');
    expect(BigInt(claim.claimed!)).toBeGreaterThanOrEqual(parseEther('0.1'));

    // The statement: one stream line for Ana's 400 shares, and its CSV behind the link.
    const lines = page.getByTestId('statement-lines');
    await lines.waitFor({ timeout: 30_000 });
    await seeText(lines, 'Stream');
    await seeText(lines, '400');
    await seeText(page.getByTestId('statement-total'), 'from 1 distribution line');
    const href = await page.getByRole('link', { name: /Download my statement/ }).getAttribute('href');
    const csv = await request<string>('GET', href!);
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('pool,holder,round,index,kind,shares,amount_wei,amount,token,at,until,tx_hash');
    expect(csv.body).toContain(`${buyPool},${ana.account.address},0,`);
    await page.getByRole('heading', { name: 'My statement' }).scrollIntoViewIfNeeded();
    await shot(page, '08-statement');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '09-phone');
  });
});
