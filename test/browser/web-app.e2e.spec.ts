// The web app in real headless Chromium (Debian's `chromium`, driven by playwright-core), each person in a browser
// profile of their own with an injected EIP-1193 wallet backed by a key on the local chain. It starts everything it
// needs itself (test/browser/browser-stack.ts). Screenshots of every page go to test-output/browser/.
import { expect } from '@jest/globals';
import { superTokenAbi } from '@ayllu/chain';
import type { Page } from 'playwright-core';
import { parseEther, type Abi, type Address } from 'viem';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { gone, seeText } from './page-waits';
import { ADMIN_KEY, startBrowserStack, type BrowserStack, type Person } from './browser-stack';

jest.setTimeout(600_000);

const TIMELOCK_HOURS = 1;

const waitUntil = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
};

describe('The Ayllu web app in a real browser', () => {
  let stack: BrowserStack;
  let daoId: string;
  let contracts: { safe: Address; vault: Address; chainId: number };
  const people: Record<string, Person> = {};

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${stack.url}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const proposalState = async (pid: string) => (await api<{ state: string }>(`/v1/daos/${daoId}/proposals/${pid}`)).state;
  const send = async (who: Person, address: Address, abi: Abi, functionName: string, args: unknown[]) => {
    const hash = await stack.chain.clients.wallet(who.account).writeContract({ address, abi, functionName, args } as never);
    await stack.chain.clients.public.waitForTransactionReceipt({ hash });
  };

  /** Opens `path` and connects the wallet, unless the app reconnected it by itself. */
  const open = async (who: Person, path: string) => {
    await who.page.goto(path);
    const account = who.page.getByTestId('wallet-address');
    const connect = who.page.getByRole('button', { name: 'Connect wallet' });
    try {
      await waitUntil(
        'the wallet button',
        async () => ((await account.count()) > 0 || (await connect.isEnabled({ timeout: 500 })) ? true : undefined),
        30_000,
      );
      if ((await account.count()) === 0) await connect.click();
      await account.waitFor();
    } catch (error) {
      await shot(who.page, `failed-${who.name}`);
      throw new Error(`${who.name} at ${path}: ${(error as Error).message}\nThe page showed: ${await who.page.textContent('body')}`);
    }
  };
  const shot = (page: Page, name: string) => stack.screenshot(page, name);

  beforeAll(async () => {
    stack = await startBrowserStack();
    for (const name of ['admin', 'ana', 'bruno', 'carla', 'diego', 'treasurer-1', 'treasurer-2', 'treasurer-3', 'fees'])
      people[name] = await stack.person(name);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('an admin signs in with the admin key and creates a DAO with the guided form', async () => {
    const { page } = people.admin;
    await open(people.admin, '/admin');
    await page.getByLabel('Admin key', { exact: true }).fill(ADMIN_KEY);
    await shot(page, '01-admin-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ayllu browser test');
    await page.getByLabel('Description', { exact: true }).fill('Savings of the Ayllu test community');
    await page.getByLabel('Voting period (minutes)', { exact: true }).fill('60');
    const treasurers = ['treasurer-1', 'treasurer-2', 'treasurer-3'].map((n) => people[n].account.address);
    await page.getByLabel('Treasurers', { exact: true }).fill(treasurers.join('\n'));
    await page.getByLabel('Signatures needed', { exact: true }).fill('2');
    await page.getByLabel('Timelock delay (hours)', { exact: true }).fill(String(TIMELOCK_HOURS));
    await page.getByLabel('Platform fee on yield (%)', { exact: true }).fill('5');
    await page.getByLabel('Fee collector (address, optional)', { exact: true }).fill(people.fees.account.address);
    await page.getByLabel('Admin wallets', { exact: true }).fill(people.admin.account.address);
    await page.getByLabel(/Let members change their vote/).check();
    await shot(page, '02-admin-create-dao');
    await page.getByRole('button', { name: 'Create the DAO' }).click();
    const adminLink = page.getByRole('link', { name: 'Open its admin page' });
    await adminLink.waitFor();
    daoId = decodeURIComponent((await adminLink.getAttribute('href'))!.split('/')[2]);
    expect(daoId).toMatch(/^dao_/);
    await shot(page, '03-admin-dao-created');

    contracts = await waitUntil('the DAO contracts', () => api(`/v1/daos/${daoId}/contracts`));
    expect((await api<{ owners: string[]; threshold: number }>(`/v1/daos/${daoId}/contracts`)).threshold).toBe(2);
  });

  it('the listed admin wallet signs in with Ethereum on the DAO admin page', async () => {
    const { page } = people.admin;
    await page.getByRole('link', { name: 'Open its admin page' }).click();
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('button', { name: 'Sign in with my wallet' }).click();
    await seeText(page.getByTestId('admin-identity'), 'Signed in with Ethereum');
    await page.getByRole('heading', { name: 'Join requests' }).waitFor();
    await shot(page, '04-dao-admin');
  });

  it('members ask to join and deposit from their wallets (approve, then deposit)', async () => {
    for (const name of ['ana', 'bruno', 'carla', 'diego']) {
      const who = people[name];
      await send(who, stack.chain.devChain.testToken, testTokenAbi as Abi, 'mint', [who.account.address, parseEther('1000')]);
      await open(who, `/daos/${daoId}`);
      await who.page.getByText(`Vault ${contracts.vault}`).waitFor();
      await who.page.getByRole('button', { name: 'Ask to join' }).click();
      await seeText(who.page.getByTestId('member-status'), 'pending', { exact: true });
      await who.page.getByLabel('Amount (tokens)', { exact: true }).fill(name === 'ana' ? '100' : '200');
      if (name === 'ana') await shot(who.page, '05-pool-before-deposit');
      await who.page.getByRole('button', { name: 'Approve and deposit' }).click();
      await who.page.getByText(/^Deposited/).waitFor({ timeout: 60_000 });
      await seeText(who.page.getByTestId('member-status'), 'active', { exact: true });
      // Amounts in the vault's token, read from the chain: its decimals and its symbol.
      await seeText(who.page.getByTestId('member-balance'), name === 'ana' ? '100.00 TST' : '200.00 TST');
    }
    await shot(people.ana.page, '06-pool-member');
    await open(people.admin, `/daos/${daoId}/admin`);
    await shot(people.admin.page, '07-dao-admin-members');
  });

  let pid: string;
  it('one member proposes streaming the yield with the form; three of the four vote from their pages', async () => {
    // Yield arrives in the treasury: Super Tokens sent to the Safe (what a strategy's harvest would do).
    const source = people.fees;
    const { testToken, testSuperToken } = stack.chain.devChain;
    await send(source, testToken, testTokenAbi as Abi, 'mint', [source.account.address, parseEther('1000')]);
    await send(source, testToken, testTokenAbi as Abi, 'approve', [testSuperToken, parseEther('1000')]);
    await send(source, testSuperToken, superTokenAbi as Abi, 'upgrade', [parseEther('1000')]);
    await send(source, testSuperToken, superTokenAbi as Abi, 'transfer', [contracts.safe, parseEther('1000')]);

    const { page } = people.ana;
    await open(people.ana, `/daos/${daoId}/proposals/new`);
    await page.getByLabel('Title', { exact: true }).fill('Stream 300 tokens a month to members');
    await page.getByLabel('Why (description)', { exact: true }).fill('The treasury earned yield; share it with everyone, every second.');
    await page.getByLabel('Tokens a month', { exact: true }).fill('300');
    await page.getByText(/If it passes: Stream the treasury's yield/).waitFor();
    await shot(page, '08-proposal-new');
    await page.getByRole('button', { name: 'Sign and submit' }).click();
    await page.waitForURL(/\/proposals\/prop_/);
    pid = decodeURIComponent(page.url().split('/proposals/')[1]);
    await seeText(page.getByTestId('proposal-state'), 'Active', { exact: true });
    await seeText(page.getByTestId('proposal-effect'), '300.00 TSTx a month');
    // The page signed exactly the typed data the API served: its types include EIP712Domain, as served.
    const signed = JSON.parse(people.ana.wallet.signedTypedData.at(-1)!) as { types: Record<string, unknown>; primaryType: string };
    expect(signed.types.EIP712Domain).toBeDefined();
    expect(signed.primaryType).toBe('Proposal');
    await shot(page, '09-proposal-active');

    await open(people.ana, `/daos/${daoId}/proposals`);
    await page.getByRole('link', { name: 'Stream 300 tokens a month to members' }).waitFor();
    await shot(page, '10-proposals-list');

    for (const name of ['ana', 'bruno']) {
      const who = people[name];
      await open(who, `/daos/${daoId}/proposals/${pid}`);
      await who.page.getByLabel('Reason (optional, public)', { exact: true }).fill(`${name} agrees`);
      await who.page.getByRole('button', { name: 'Vote for' }).click();
      await seeText(who.page.getByTestId('my-ballot'), 'You voted for');
    }
    // Carla first votes against (2 for, 1 against: diego could still tie it), then changes her mind: the DAO allows it,
    // her page keeps both ballots in words, and the changed vote decides the proposal.
    const carla = people.carla.page;
    await open(people.carla, `/daos/${daoId}/proposals/${pid}`);
    await carla.getByRole('button', { name: 'Vote against' }).click();
    await seeText(carla.getByTestId('my-ballot'), 'You voted against');
    await carla.getByRole('heading', { name: 'Change your vote' }).waitFor();
    expect(await proposalState(pid)).toBe('Active');
    await carla.getByLabel('Reason (optional, public)', { exact: true }).fill('carla agrees after all');
    await carla.getByRole('button', { name: 'Vote for' }).click();
    await seeText(carla.getByTestId('my-ballot'), 'You changed your vote from against to for');
    await seeText(carla.getByTestId('my-ballot'), /Replaced on .+ by your vote for/);
    await seeText(carla.getByTestId('my-ballot'), 'This is the ballot that count');
    await shot(carla, '11a-proposal-ballot-history');
    await waitUntil('the vote to pass', async () => (['Succeeded', 'Queued'].includes(await proposalState(pid)) ? true : undefined));
    await seeText(people.carla.page.getByTestId('tally'), '3');
    await shot(people.carla.page, '11-proposal-passed');
  });

  it('two treasurers sign the Safe transaction in the queue; after the timelock it runs', async () => {
    const t1 = people['treasurer-1'];
    await open(t1, `/daos/${daoId}/treasury`);
    await t1.page.getByRole('button', { name: 'Sign in my wallet' }).waitFor({ timeout: 120_000 });
    await seeText(t1.page.getByTestId('safe-tx').first(), 'needs 2 more signatures');
    await shot(t1.page, '12-treasury-queue');
    await t1.page.getByRole('button', { name: 'Sign in my wallet' }).click();
    await seeText(t1.page.getByTestId('safe-tx').first(), '(1 of 2)');

    const t2 = people['treasurer-2'];
    await open(t2, `/daos/${daoId}/treasury`);
    await shot(t2.page, '13-treasury-one-signed');
    await t2.page.getByRole('button', { name: 'Sign in my wallet' }).click();
    await waitUntil('the timelock to hold the operation', async () => ((await proposalState(pid)) === 'Scheduled' ? true : undefined));
    await t2.page.getByText('Nothing to sign.').waitFor();
    // The history says what became of it and where it was sent (the local chain has no explorer: the hash in full).
    await seeText(t2.page.getByTestId('safe-tx-blocker').first(), 'now wait in the timelock');
    await seeText(t2.page.getByTestId('safe-tx').first(), /Sent in 0x[0-9a-f]{64}/);
    await shot(t2.page, '14-treasury-history');

    await open(people.ana, `/daos/${daoId}/proposals/${pid}`);
    await people.ana.page.getByText(/Scheduled; can run from/).waitFor();
    await shot(people.ana.page, '15-proposal-in-timelock');
    await stack.chain.clients.test.increaseTime({ seconds: TIMELOCK_HOURS * 3600 + 1 });
    await stack.chain.clients.test.mine({ blocks: 1 });
    await waitUntil('the execution', async () => ((await proposalState(pid)) === 'Executed' ? true : undefined), 180_000);
    await seeText(people.ana.page.getByTestId('proposal-state'), 'Executed', { exact: true });
    await people.ana.page.getByText('Yield is streaming to members now').waitFor({ timeout: 30_000 });
    await shot(people.ana.page, '16-proposal');
  });

  it("the member's page shows the payout stream and the balance rising", async () => {
    const { page } = people.bruno;
    await open(people.bruno, `/daos/${daoId}`);
    await page.getByText(/You receive/).waitFor({ timeout: 60_000 });
    const received = async () => BigInt((await page.getByTestId('stream-received').getAttribute('data-wei'))!);
    const first = await received();
    await page.waitForTimeout(1500);
    const second = await received();
    expect(second).toBeGreaterThan(first);
    // A day passes on the chain: the next read of the pool shows a day's stream more.
    await stack.chain.clients.test.increaseTime({ seconds: 86_400 });
    await stack.chain.clients.test.mine({ blocks: 1 });
    await waitUntil('a day of stream', async () => ((await received()) > second + parseEther('1') ? true : undefined), 60_000);
    await shot(page, '17-pool-streaming');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '18-pool-phone');
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('a member withdraws a little from the vault with the wallet; another asks for an emergency exit', async () => {
    const { page } = people.bruno;
    await open(people.bruno, `/daos/${daoId}/withdrawals`);
    await page.getByLabel('Amount (tokens)', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Sign the request' }).click();
    await page.getByText(/^Approved: within your small-withdrawal limit/).waitFor();
    await seeText(page.getByTestId('withdrawable'), 'TST');
    await page.getByLabel('Amount to take (tokens)', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Withdraw to my wallet' }).click();
    await page.getByText(/^Withdrawn: 10.00 TST went to your wallet/).waitFor({ timeout: 60_000 });
    const balance = () => api<{ balance: string }>(`/v1/daos/${daoId}/members/${people.bruno.account.address}`);
    await waitUntil('the withdrawal in the log', async () =>
      (await balance()).balance === parseEther('190').toString() ? true : undefined,
    );
    await shot(page, '19-withdrawal');

    const diego = people.diego.page;
    await open(people.diego, `/daos/${daoId}/withdrawals`);
    await diego.getByRole('button', { name: 'Request an emergency exit' }).click();
    await seeText(diego.getByTestId('emergency-exit-status'), 'Requested: you can leave from');
    await shot(diego, '19a-emergency-exit-requested');
  });

  describe('messages a person can act on', () => {
    it('an API refusal names the field and says what is wrong', async () => {
      const { page } = people.admin;
      await page.goto('/admin');
      if (await page.getByLabel('Admin key', { exact: true }).isVisible()) {
        await page.getByLabel('Admin key', { exact: true }).fill(ADMIN_KEY);
        await page.getByRole('button', { name: 'Sign in' }).click();
      }
      await page.getByLabel('Name', { exact: true }).fill('A DAO with a typo');
      await page.getByLabel('Founding members', { exact: true }).fill('0x1234-not-an-address');
      await page.getByRole('button', { name: 'Create the DAO' }).click();
      const alert = page.getByRole('alert');
      await seeText(alert, 'founders');
      await seeText(alert, /address/i);
      await shot(page, '20-error-api');
    });

    it('a refusal in the wallet says nothing was signed, and changes nothing', async () => {
      const dave = await stack.person('dave');
      dave.wallet.refuse.add('eth_signTypedData_v4');
      await open(dave, `/daos/${daoId}`);
      await dave.page.getByRole('button', { name: 'Ask to join' }).click();
      await seeText(dave.page.getByRole('alert'), 'You declined in your wallet');
      await seeText(dave.page.getByRole('alert'), 'Nothing was signed or sent');
      await shot(dave.page, '21-error-wallet-refusal');
      const res = await fetch(`${stack.url}/v1/daos/${daoId}/members/${dave.account.address}`);
      expect(res.status).toBe(404);
      dave.wallet.refuse.delete('eth_signTypedData_v4');
      await dave.page.getByRole('button', { name: 'Ask to join' }).click();
      await seeText(dave.page.getByTestId('member-status'), 'pending', { exact: true });
    });

    it('a wallet on another chain is told which network to switch to, and can switch from the page', async () => {
      const erin = await stack.person('erin', { chainId: 1 });
      erin.wallet.refuse.add('wallet_switchEthereumChain');
      await open(erin, `/daos/${daoId}`);
      const banner = erin.page.getByRole('alert').filter({ hasText: 'Wrong network' });
      await seeText(banner, 'Your wallet is on Ethereum');
      await seeText(banner, 'Hardhat');
      await erin.page.getByRole('button', { name: 'Ask to join' }).click();
      await seeText(erin.page.getByRole('alert').filter({ hasText: 'declined' }), 'Switch to Hardhat in your wallet');
      await shot(erin.page, '22-error-wrong-chain');
      expect(erin.wallet.signedTypedData).toHaveLength(0);
      erin.wallet.refuse.delete('wallet_switchEthereumChain');
      await erin.page.getByRole('button', { name: 'Switch to Hardhat' }).click();
      await gone(erin.page.getByRole('button', { name: 'Switch to Hardhat' }));
      await seeText(erin.page.getByTestId('wallet-address'), 'on Hardhat');
    });
  });
});
