// `npm run demo -- rotating`: a rotating savings pool instead (tools/demo-rotating.ts).
// `npm run demo -- shares`: share pools instead (tools/demo-shares.ts).
// `npm run demo`: a whole DAO life against the stack `npm start` brought up. Everything an admin, a member or a
// treasurer does goes through the API; the dev chain is used only for what wallets do there (deposits, a
// withdrawal, yield arriving in the treasury) and to move time (evm_increaseTime). Ends with a table read
// from the chain. Same environment as `npm start` (DATA_DIR, HOST, PORT); AYLLU_API_URL overrides the URL.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cfaForwarderAbi, safeTransactionTypedData, superfluidPoolAbi, superTokenAbi, type SafeTransaction } from '@ayllu/chain';
import { loadConfig } from '@ayllu/platform';
import { formatEther, keccak256, parseEther, toHex, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

type Wallet = PrivateKeyAccount;
import { communityVaultAbi } from '../contracts/abi/community-vault';
import { testTokenAbi } from '../contracts/abi/test-token';
import { parseNetworkProfile } from '../libs/chain/src/networks/network-profile';
import { devClients } from '../libs/chain/src/local/dev-clients';
import { rotatingDemo } from './demo-rotating';
import { sharesDemo } from './demo-shares';

// The parts of the API's answers the demo reads.
type Created = { id: string };
type Contracts = { chainId: number; safe: Address; timelock: Address; vault: Address; pool: Address; payoutToken: Address };
type TypedData = { domain: unknown; types: Record<string, unknown>; primaryType: string; message: Record<string, unknown> };
type SafeTransactionItem = { proposalId: string; safeTxHash: string; description: string[] };
type UintField = 'value' | 'safeTxGas' | 'baseGas' | 'gasPrice' | 'nonce';
/** A Safe transaction's EIP-712 message as the API serves it: its uint256 fields as decimal strings. */
type SafeTransactionMessage = Omit<SafeTransaction, UintField> & Record<UintField, string>;
type MemberItem = { address: string; balance: string };
type Payouts = {
  pool: Address;
  totalFlowRate: string;
  chainTime: string;
  members: { address: string; units: string; received: string }[];
};
type Claim = { status: string; claimed: string | null; reason: string | null };
type WithdrawalRequest = { id: string; status: string; proposal?: { id: string } };

const config = loadConfig();
const base = process.env.AYLLU_API_URL ?? `http://${config.host}:${config.port}`;
/** What the demo needs from the running stack, or one line saying how to get it (never a stack trace). */
const required = (file: string, hint: string): string => {
  const path = join(config.dataDir, file);
  if (!existsSync(path)) {
    console.error(`npm run demo: ${path} does not exist. ${hint}`);
    process.exit(1);
  }
  return readFileSync(path, 'utf8');
};
const profile = parseNetworkProfile(
  JSON.parse(required('network-profile.json', 'Start the platform with `npm start` (same DATA_DIR) first: the demo uses its local chain.')),
);
if (!profile.development) {
  console.error('npm run demo: it mints test tokens, so it runs only on the development chain `npm start` brings up.');
  process.exit(1);
}
const rpcUrl = config.rpcUrl ?? profile.rpcUrls[0];
const devChain = {
  rpcUrl,
  testToken: profile.development.testToken,
  testSuperToken: profile.development.testSuperToken,
  cfaForwarder: profile.superfluid.cfaForwarder,
};
// The key the API was started with: ADMIN_API_KEY when set, else the one `npm start` generated into DATA_DIR.
const adminKey = config.adminApiKey ?? required('admin-api-key', 'Set ADMIN_API_KEY to the admin key the API was started with.').trim();
const chain = devClients(devChain.rpcUrl);
const TIMELOCK = 3600;
const DAY = 86_400;

// Fresh accounts each run (funded with test ether below), so every run's table starts from zero.
const run = randomUUID();
const account = (role: string) => privateKeyToAccount(keccak256(toHex(`ayllu:demo:${run}:${role}`)));
const treasurers = [1, 2, 3].map((i) => account(`treasurer-${i}`));
const founders = ['Ana', 'Bruno', 'Carla', 'Diego'].map((name) => account(name));
const [ana, bruno, carla, diego] = founders as [Wallet, Wallet, Wallet, Wallet];
const names = new Map<string, string>(['Ana', 'Bruno', 'Carla', 'Diego'].map((n, i) => [founders[i].address, n]));
const feeCollector = account('fee-collector');
const yieldSource = account('yield-source');

let stepNo = 0;
const step = (title: string) => console.log(`\n${++stepNo}. ${title}`);
const say = (line: string) => console.log(`   ${line}`);
const tokens = (wei: bigint) => `${Number(formatEther(wei)).toFixed(4)}`;

async function api(method: string, path: string, body?: unknown, admin = false): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (admin) headers.authorization = `Bearer ${adminKey}`;
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  // The API limits requests per address (RATE_LIMIT_MAX): a polling demo waits as told and asks again.
  const text = await response.text();
  if (response.status === 429 && text.includes('RATE_LIMIT.EXCEEDED')) {
    await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? '1') * 1000));
    return api(method, path, body, admin);
  }
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : {} };
}
/** The body of a successful answer, typed as the API answers `what`. */
const expectOk = <Body>(what: string, res: { status: number; body: unknown }): Body => {
  if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
};
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
const timeTravel = async (seconds: number) => {
  await chain.test.increaseTime({ seconds });
  await chain.test.mine({ blocks: 1 });
};
const send = async (
  account: Wallet,
  request: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] },
) => {
  const hash = await chain.wallet(account).writeContract(request as never);
  const receipt = await chain.public.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${request.functionName} reverted (${hash})`);
};

/** Fetches the API's typed data for an intent, signs it as a wallet would, returns the write's body. */
async function signed(daoId: string, action: string, intent: Record<string, unknown>, signer: Wallet) {
  const { domain, types, primaryType, message } = expectOk<TypedData>(
    `typed data ${action}`,
    await api('POST', `/v1/daos/${daoId}/typed-data/${action}`, intent),
  );
  const { EIP712Domain: _d, ...messageTypes } = types;
  const signature = await signer.signTypedData({ domain, types: messageTypes, primaryType, message } as never);
  return { message, signature };
}

const proposalState = async (daoId: string, pid: string) =>
  ((await api('GET', `/v1/daos/${daoId}/proposals/${pid}`)).body as { state?: string }).state;
const reach = (daoId: string, pid: string, states: string[]) =>
  until(`proposal ${pid} to be ${states.join(' or ')}`, async () => {
    const state = await proposalState(daoId, pid);
    return state && states.includes(state) ? state : undefined;
  });

async function vote(daoId: string, pid: string, voters: Wallet[]) {
  for (const voter of voters) {
    const body = await signed(daoId, 'vote', { voter: voter.address, proposalId: pid, support: 'for', reason: 'for the community' }, voter);
    expectOk('vote', await api('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, body));
    say(`${names.get(voter.address)} votes for`);
  }
}

/** Treasurers read what the Safe transaction does, two of three sign; the timelock delay passes; it runs. */
async function execute(daoId: string, pid: string, signers: Wallet[]) {
  await reach(daoId, pid, ['Succeeded', 'Queued', 'Scheduled']);
  say('the vote passed; the worker proposes the Safe transaction that schedules it in the timelock');
  const tx = await until('the Safe transaction', async () => {
    const list = expectOk<{ items: SafeTransactionItem[] }>(
      'safe-transactions',
      await api('GET', `/v1/daos/${daoId}/safe-transactions?status=awaiting-signatures`),
    );
    return list.items.find((t) => t.proposalId === pid);
  });
  for (const line of tx.description) say(`  ${line}`);
  const { typedData } = expectOk<{ typedData: { message: SafeTransactionMessage } }>(
    'safe transaction',
    await api('GET', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}`),
  );
  const m = typedData.message;
  const transaction: SafeTransaction = {
    ...m,
    value: BigInt(m.value),
    safeTxGas: BigInt(m.safeTxGas),
    baseGas: BigInt(m.baseGas),
    gasPrice: BigInt(m.gasPrice),
    nonce: BigInt(m.nonce),
  };
  const contracts = expectOk<Contracts>('contracts', await api('GET', `/v1/daos/${daoId}/contracts`));
  for (const treasurer of signers) {
    const signature = await treasurer.signTypedData(
      safeTransactionTypedData({ chainId: contracts.chainId, safe: contracts.safe }, transaction),
    );
    const res = expectOk<{ signaturesMissing: number }>(
      'signature',
      await api('POST', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}/signatures`, { signer: treasurer.address, signature }),
    );
    say(`treasurer ${treasurer.address.slice(0, 8)}… signs (${res.signaturesMissing} more needed)`);
  }
  await reach(daoId, pid, ['Scheduled']);
  say(`the relayer executed the Safe transaction; the operation waits ${TIMELOCK / 3600} h in the timelock`);
  await timeTravel(TIMELOCK + 1);
  say('⏩ chain time moves past the timelock delay');
  const end = await reach(daoId, pid, ['Executed', 'Failed']);
  if (end !== 'Executed') throw new Error(`proposal ${pid} ended ${end}`);
  say('✔ executed on chain');
}

async function propose(daoId: string, proposer: Wallet, type: string, title: string, payload: Record<string, unknown>): Promise<string> {
  const body = await signed(daoId, 'proposal', { proposer: proposer.address, type, title, payload }, proposer);
  const created = expectOk<Created>('proposal', await api('POST', `/v1/daos/${daoId}/proposals`, body));
  say(`${names.get(proposer.address)} proposes ${type}: "${title}" (${created.id})`);
  return created.id;
}

async function main() {
  console.log(`Ayllu demo against ${base} (chain ${devChain.rpcUrl})`);
  expectOk('health', await api('GET', '/health'));
  if (process.argv.slice(2).includes('rotating'))
    return rotatingDemo({ api, expectOk, until, signed, chain, testToken: devChain.testToken, account, step, say });
  if (process.argv.slice(2).includes('shares'))
    return sharesDemo({
      api,
      expectOk,
      until,
      signed,
      chain,
      testToken: devChain.testToken,
      testSuperToken: devChain.testSuperToken,
      account,
      step,
      say,
    });
  for (const wallet of [...founders, yieldSource]) await chain.test.setBalance({ address: wallet.address, value: parseEther('10') });

  step('An admin creates a DAO: four founders, three treasurers (2-of-3 Safe), a 1 h timelock, a 5% platform fee');
  const created = expectOk<Created>(
    'create DAO',
    await api(
      'POST',
      '/v1/daos',
      {
        name: `Ayllu demo ${new Date().toISOString().slice(0, 19)}`,
        founders: founders.map((f) => f.address),
        treasurers: treasurers.map((t) => t.address),
        treasurerThreshold: 2,
        timelockDelaySeconds: TIMELOCK,
        votingPeriodSeconds: 120,
        earlyClose: true,
        platformFeeBps: 500,
        feeCollector: feeCollector.address,
      },
      true,
    ),
  );
  const daoId = created.id;
  say(`DAO ${daoId}`);
  const contracts = await until('the DAO contracts', async () => {
    const res = await api('GET', `/v1/daos/${daoId}/contracts`);
    return res.status === 200 ? (res.body as Contracts) : undefined;
  });
  say(`the worker deployed Safe ${contracts.safe}, timelock ${contracts.timelock}, vault ${contracts.vault}, pool ${contracts.pool}`);
  const vault = contracts.vault;

  step('Members deposit into the vault (their wallets, on chain); the indexer confirms each deposit into the log');
  const deposits = [100n, 200n, 300n, 400n].map((n) => parseEther(String(n)));
  for (const [i, founder] of founders.entries()) {
    const amount = deposits[i];
    await send(founder, { address: devChain.testToken, abi: testTokenAbi, functionName: 'mint', args: [founder.address, amount] });
    await send(founder, { address: devChain.testToken, abi: testTokenAbi, functionName: 'approve', args: [vault, amount] });
    await send(founder, { address: vault, abi: communityVaultAbi, functionName: 'deposit', args: [amount] });
    say(`${names.get(founder.address)} deposits ${tokens(amount)} TST`);
  }
  await until('the deposits in the members view', async () => {
    const members = (await api('GET', `/v1/daos/${daoId}/members`)).body;
    const items = Array.isArray(members) ? (members as MemberItem[]) : ((members as { items?: MemberItem[] }).items ?? []);
    return founders.every((f, i) => items.some((m) => m.address === f.address && BigInt(m.balance) === deposits[i])) ? items : undefined;
  });
  say('✔ every deposit is confirmed in the members view');

  step('Yield arrives in the treasury (1 000 TSTx Super Tokens sent to the Safe)');
  const yieldAmount = parseEther('1000');
  await send(yieldSource, {
    address: devChain.testToken,
    abi: testTokenAbi,
    functionName: 'mint',
    args: [yieldSource.address, yieldAmount],
  });
  await send(yieldSource, {
    address: devChain.testToken,
    abi: testTokenAbi,
    functionName: 'approve',
    args: [devChain.testSuperToken, yieldAmount],
  });
  await send(yieldSource, { address: devChain.testSuperToken, abi: superTokenAbi, functionName: 'upgrade', args: [yieldAmount] });
  await send(yieldSource, {
    address: devChain.testSuperToken,
    abi: superTokenAbi,
    functionName: 'transfer',
    args: [contracts.safe, yieldAmount],
  });

  step('A proposal to stream the yield to members passes');
  const rate = parseEther('300') / BigInt(30 * DAY);
  const streamPid = await propose(daoId, ana, 'DISTRIBUTE_YIELDS', 'Stream 300 TSTx a month to members', {
    mode: 'stream',
    flowRatePerSecond: rate.toString(),
  });
  await vote(daoId, streamPid, [ana, bruno, carla]);
  step('Treasurers sign; time passes the timelock; the stream starts');
  await execute(daoId, streamPid, [treasurers[0], treasurers[2]]);

  step('A week passes: members’ balances grow');
  await timeTravel(7 * DAY);
  // The worker re-reads payouts from the chain every PAYOUT_CACHE_REFRESH_SECONDS: wait for a read after the jump.
  const weekLater = new Date(Number((await chain.public.getBlock()).timestamp) * 1000).toISOString();
  const payouts = await until('the payouts read after the week', async () => {
    const res = await api('GET', `/v1/daos/${daoId}/payouts`);
    return res.status === 200 && (res.body as Payouts).chainTime >= weekLater ? (res.body as Payouts) : undefined;
  });
  say(`pool ${payouts.pool} streams ${payouts.totalFlowRate} wei/s (${tokens(BigInt(payouts.totalFlowRate) * BigInt(DAY))} TSTx a day)`);
  for (const m of payouts.members) say(`${names.get(m.address)}: ${m.units} units, received ${tokens(BigInt(m.received))} TSTx so far`);
  expectOk<Claim>('claim', await api('POST', `/v1/daos/${daoId}/members/${bruno.address}/claim`, {}));
  const claim = await until('the relayer’s claim', async () => {
    const res = await api('GET', `/v1/daos/${daoId}/members/${bruno.address}/claim`);
    return (res.body as Claim).status === 'queued' ? undefined : expectOk<Claim>('claim', res);
  });
  if (claim.status !== 'claimed') throw new Error(`The claim was ${claim.status}: ${claim.reason}`);
  say(`Bruno has not connected to the pool: the relayer claims ${tokens(BigInt(claim.claimed!))} TSTx into his wallet`);

  step('Diego asks to withdraw 300 TST, more than the small-withdrawal limit: it goes to a vote');
  const request = await signed(daoId, 'withdrawal-request', { member: diego.address, amount: parseEther('300').toString() }, diego);
  const withdrawal = expectOk<WithdrawalRequest>('withdrawal request', await api('POST', `/v1/daos/${daoId}/withdrawal-requests`, request));
  say(`request ${withdrawal.id} is ${withdrawal.status}; proposal ${withdrawal.proposal?.id}`);
  await vote(daoId, withdrawal.proposal!.id, [ana, bruno, carla]);
  await execute(daoId, withdrawal.proposal!.id, [treasurers[1], treasurers[2]]);
  await send(diego, { address: vault, abi: communityVaultAbi, functionName: 'withdraw', args: [parseEther('300')] });
  say('the allowance is on chain: Diego withdraws 300 TST from the vault');

  step('A member is removed: the vault pays Carla out and her pool units go');
  const removePid = await propose(daoId, ana, 'REMOVE_MEMBER', 'Carla leaves the community', {
    member: carla.address,
    reason: 'moved away',
  });
  await vote(daoId, removePid, [ana, bruno, diego]);
  await execute(daoId, removePid, [treasurers[0], treasurers[1]]);
  await timeTravel(DAY);

  step('Summary, read from the chain');
  await summary(contracts);
}

async function summary(c: { vault: Address; pool: Address; safe: Address; payoutToken: Address }) {
  const read = (address: Address, abi: readonly unknown[], functionName: string, args: unknown[] = []) =>
    chain.public.readContract({ address, abi, functionName, args } as never) as Promise<bigint>;
  const now = (await chain.public.getBlock()).timestamp;
  const balance = async (who: Address) =>
    (
      await chain.public.readContract({ address: c.payoutToken, abi: superTokenAbi, functionName: 'realtimeBalanceOf', args: [who, now] })
    )[0];
  const rows: string[][] = [['who', 'vault TST', 'wallet TST', 'TSTx (realtime)', 'TSTx from pool', 'pool units', 'flow in/s']];
  for (const f of founders) {
    rows.push([
      names.get(f.address)!,
      tokens(await read(c.vault, communityVaultAbi, 'balanceOf', [f.address])),
      tokens(await read(devChain.testToken, testTokenAbi, 'balanceOf', [f.address])),
      tokens(await balance(f.address)),
      tokens(await read(c.pool, superfluidPoolAbi, 'getTotalAmountReceivedByMember', [f.address])),
      String(await read(c.pool, superfluidPoolAbi, 'getUnits', [f.address])),
      String(await read(c.pool, superfluidPoolAbi, 'getMemberFlowRate', [f.address])),
    ]);
  }
  const feeRate = await read(devChain.cfaForwarder, cfaForwarderAbi, 'getFlowrate', [c.payoutToken, c.safe, feeCollector.address]);
  rows.push(['fee collector', '-', '-', tokens(await balance(feeCollector.address)), '-', '-', String(feeRate)]);
  rows.push([
    'Safe (treasury)',
    '-',
    '-',
    tokens(await balance(c.safe)),
    '-',
    '-',
    `-${String((await read(c.pool, superfluidPoolAbi, 'getTotalFlowRate')) + feeRate)}`,
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(`   ${row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ')}`);
    if (i === 0) console.log(`   ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
  console.log('\n   TSTx from pool: everything the stream gave the member; members who never connected to the pool hold it');
  console.log('   there until they (or the relayer, POST …/claim) claim it into their wallet.');
  console.log('\nDone.');
}

main().catch((error: unknown) => {
  console.error(`\nThe demo stopped: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
