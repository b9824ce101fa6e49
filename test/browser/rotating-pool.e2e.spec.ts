// A rotating savings pool (ROSCA) on the web app, in real headless Chromium: members of a consensus pool join from
// the pool's page (approve the collateral, sign), vote on the order until a majority starts it, and one pays the
// first round from the wallet (approve, sign; the worker collects). Each step is checked in the API and on the page.
// The DAO and the pool are created through the admin API. Screenshots go to test-output/browser/rotating-*.png.
import { expect } from '@jest/globals';
import { parseEther, type Abi } from 'viem';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { ADMIN_KEY, startBrowserStack, type BrowserStack, type Person } from './browser-stack';
import { seeText } from './page-waits';

jest.setTimeout(300_000);

const WEEK = 7 * 24 * 3600;

const waitUntil = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
};

type PoolView = {
  status: string;
  contractAddress: string | null;
  members: { address: string }[];
  schedule: { round: number; recipient: string | null; state: string }[];
  consensus: { votes: { member: string; order: string[] }[] } | null;
};
type MemberView = {
  collateral: string;
  contributions: { round: number; status: string; amount: string }[];
  nextDue: unknown;
  bid: { round: number; discountBps: number } | null;
};

describe('A rotating savings pool in the web app', () => {
  let stack: BrowserStack;
  let ana: Person;
  let bruno: Person;
  let daoId: string;
  let poolId: string;
  let poolPage: string;
  let biddingPoolId: string;

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${stack.url}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const pool = async (id = poolId) => (await get<PoolView>(`/v1/daos/${daoId}/rotating-pools/${id}`)).body;
  const memberView = (who: Person, id = poolId) => get<MemberView>(`/v1/daos/${daoId}/rotating-pools/${id}/members/${who.account.address}`);
  const balance = (who: Person) =>
    stack.chain.clients.public.readContract({
      address: stack.chain.devChain.testToken,
      abi: testTokenAbi,
      functionName: 'balanceOf',
      args: [who.account.address],
    });
  const shot = (who: Person, name: string) => stack.screenshot(who.page, `rotating-${name}`);

  /** Opens the pool's page and connects the wallet, unless the app reconnected it by itself. */
  const open = async (who: Person, page = poolPage) => {
    await who.page.goto(page);
    const account = who.page.getByTestId('wallet-address');
    const connect = who.page.getByRole('button', { name: 'Connect wallet' });
    await waitUntil('the wallet button', async () =>
      (await account.count()) > 0 || (await connect.isEnabled({ timeout: 500 })) ? true : undefined,
    );
    if ((await account.count()) === 0) await connect.click();
    await account.waitFor();
    await who.page.getByTestId('pool-status').waitFor();
  };

  beforeAll(async () => {
    stack = await startBrowserStack();
    ana = await stack.person('rosca-ana');
    bruno = await stack.person('rosca-bruno', { viewport: { width: 390, height: 844 } });
    for (const who of [ana, bruno]) {
      const hash = await stack.chain.clients.wallet(who.account).writeContract({
        address: stack.chain.devChain.testToken,
        abi: testTokenAbi as Abi,
        functionName: 'mint',
        args: [who.account.address, parseEther('1000')],
      } as never);
      await stack.chain.clients.public.waitForTransactionReceipt({ hash });
    }
    const dao = await post<{ id: string }>('/v1/daos', {
      name: 'Rotating circle',
      founders: [ana.account.address, bruno.account.address],
      // The DAO's Safe organises its rotating pools: one treasurer owns it here.
      treasurers: [ana.account.address],
      treasurerThreshold: 1,
    });
    daoId = dao.id;
    await waitUntil(
      'the DAO contracts',
      async () => ((await get(`/v1/daos/${daoId}/contracts`)).status === 200 ? true : undefined),
      120_000,
    );
    const now = Number((await stack.chain.clients.public.getBlock()).timestamp);
    const terms = {
      contributionAmount: parseEther('50').toString(),
      rotationIntervalSeconds: WEEK,
      memberCount: 2,
      startDate: new Date((now + 24 * 3600) * 1000).toISOString(),
    };
    poolId = (
      await post<{ poolId: string }>(`/v1/daos/${daoId}/rotating-pools`, { ...terms, collateralPercent: 10, rotationMethod: 'consensus' })
    ).poolId;
    biddingPoolId = (
      await post<{ poolId: string }>(`/v1/daos/${daoId}/rotating-pools`, { ...terms, collateralPercent: 0, rotationMethod: 'bidding' })
    ).poolId;
    poolPage = `/daos/${daoId}/rotating-pools/${poolId}`;
    for (const id of [poolId, biddingPoolId])
      await waitUntil('the pool contract', async () => (await pool(id)).contractAddress ?? undefined, 120_000);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('members join from the page: approve the collateral, sign, and the pool lists them', async () => {
    for (const who of [ana, bruno]) {
      await open(who);
      await seeText(who.page.getByTestId('next-round'), /of 2 members have joined/);
      if (who === ana) await shot(who, '01-forming');
      await who.page.getByRole('button', { name: 'Approve and ask to join' }).click();
      // 10% of the 100-token pot: the worker pulls it, then the member is listed.
      await seeText(who.page.getByTestId('my-collateral'), '10 tokens');
      const view = await memberView(who);
      expect(view.status).toBe(200);
      expect(BigInt(view.body.collateral)).toBe(parseEther('10'));
    }
    expect((await pool()).members.map((m) => m.address)).toEqual([ana.account.address, bruno.account.address]);
    expect(await balance(ana)).toBe(parseEther('990'));
    await shot(bruno, '02-joined-phone');
  });

  it('members vote on who receives when; the majority starts the pool in that order', async () => {
    await open(ana);
    await seeText(ana.page.getByTestId('order-votes'), 'Nobody has voted yet');
    await seeText(ana.page.getByTestId('next-round'), 'It is full: it starts once more than half of the members vote for the same order.');
    // Ana lets Bruno receive first: she moves herself later, with the keyboard.
    const later = ana.page.getByRole('button', { name: 'Move you later' });
    await later.focus();
    await ana.page.keyboard.press('Enter');
    await seeText(ana.page.getByTestId('order-editor'), /Round 1: .*Round 2: you/);
    await ana.page.getByRole('button', { name: 'Sign my vote for this order' }).click();
    await seeText(ana.page.getByTestId('order-votes'), '1 of the 2 votes it needs (your vote)');
    const votes = (await pool()).consensus?.votes ?? [];
    expect(votes).toEqual([{ member: ana.account.address, order: [bruno.account.address, ana.account.address] }]);
    expect((await pool()).status).toBe('FORMING');
    await shot(ana, '03-order-vote');

    await open(bruno);
    await seeText(bruno.page.getByTestId('order-editor'), /Round 1: you.*Round 2:/);
    await bruno.page.getByRole('button', { name: 'Sign my vote for this order' }).click();
    await seeText(bruno.page.getByTestId('pool-status'), 'Running');
    const started = await pool();
    expect(started.status).toBe('ACTIVE');
    expect(started.schedule.map((r) => r.recipient)).toEqual([bruno.account.address, ana.account.address]);
    await seeText(bruno.page.getByTestId('next-round'), 'You receive the pot this round');
    await seeText(bruno.page.getByTestId('my-payout'), 'You receive the pot in round 1');
    await shot(bruno, '04-started-phone');
  });

  it('a member pays the round from the wallet: approve, sign, and the pool collects it', async () => {
    await open(ana);
    await seeText(ana.page.getByTestId('next-round'), /^Round 1 is due on .+; you pay 50 tokens\. .+ receives the pot\./);
    await seeText(ana.page.getByTestId('my-next-due'), 'you pay 50 tokens');
    await shot(ana, '05-payment-due');
    await ana.page.getByRole('button', { name: 'Pay 50 tokens now' }).click();
    await seeText(ana.page.getByTestId('my-payments'), 'Round 1: paid — 50 tokens (on time)');
    const view = await memberView(ana);
    expect(view.body.contributions).toEqual([expect.objectContaining({ round: 0, status: 'PAID', amount: parseEther('50').toString() })]);
    expect(view.body.nextDue).toBeNull();
    expect(await balance(ana)).toBe(parseEther('940'));
    await seeText(ana.page.getByTestId('next-round'), 'you have paid it');
    // The wallet signed the payment exactly as the API served it.
    const signed = JSON.parse(ana.wallet.signedTypedData.at(-1)!) as { primaryType: string; types: Record<string, unknown> };
    expect(signed.types.EIP712Domain).toBeDefined();
    expect(signed.primaryType).not.toBe('');
    await shot(ana, '06-paid');
  });

  it('in an auction pool a member bids for the pot; a refusal in the wallet records nothing', async () => {
    const page = `/daos/${daoId}/rotating-pools/${biddingPoolId}`;
    for (const who of [ana, bruno]) {
      await open(who, page);
      // No collateral in this pool: joining is one signature.
      await who.page.getByRole('button', { name: 'Ask to join' }).click();
      await seeText(who.page.getByTestId('my-standing'), 'In good standing');
    }
    // Full: an auction pool starts by itself, every round open to bids.
    await seeText(bruno.page.getByTestId('pool-status'), 'Running');
    await seeText(bruno.page.getByTestId('next-round'), 'The member with the best bid receives the pot.');
    await bruno.page.getByLabel('Discount you accept (%)', { exact: true }).fill('5');
    await seeText(bruno.page.getByText(/You would receive about/), '95 tokens');
    bruno.wallet.refuse.add('eth_signTypedData_v4');
    const signedBefore = bruno.wallet.signedTypedData.length;
    await bruno.page.getByRole('button', { name: 'Sign my bid' }).click();
    await seeText(bruno.page.getByRole('alert'), 'You declined in your wallet');
    expect(bruno.wallet.signedTypedData).toHaveLength(signedBefore);
    expect((await memberView(bruno, biddingPoolId)).body.bid).toBeNull();
    bruno.wallet.refuse.delete('eth_signTypedData_v4');
    await bruno.page.getByRole('button', { name: 'Sign my bid' }).click();
    await seeText(bruno.page.getByTestId('my-bid'), 'You bid 5% for round 1');
    // The member route reads the worker's read model: it has the bid once the projection has caught up.
    const bid = await waitUntil('the bid in the API', async () => (await memberView(bruno, biddingPoolId)).body.bid ?? undefined);
    expect(bid).toEqual({ round: 0, discountBps: 500 });
    expect((await memberView(ana, biddingPoolId)).body.bid).toBeNull();
    // The bid is the API's: it is there when the member comes back.
    await open(bruno, page);
    await seeText(bruno.page.getByTestId('my-bid'), 'you receive about 95 tokens');
    // Usable at phone width: nothing makes the page scroll sideways (the schedule table scrolls inside its box).
    // (A string: this project's TypeScript has no DOM types.)
    const wider = await bruno.page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent ?? '').slice(0, 40))`);
    expect(wider).toEqual([]);
    await shot(bruno, '07-bid-phone');
  });
});
