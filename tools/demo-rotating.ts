// `npm run demo -- rotating`: a five-member rotating savings pool (ROSCA) against the stack `npm start` brought up.
// Admins and members act through the API (members sign what it serves); wallets approve the pool's contract on
// chain; chain time moves round by round (evm_increaseTime). Ends with a table read from the chain.
import { formatEther, maxUint256, parseEther, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { rotatingPoolAbi } from '../contracts/abi/rotating-pool';
import { testTokenAbi } from '../contracts/abi/test-token';
import type { devClients } from '../libs/chain/src/local/dev-clients';

type Wallet = PrivateKeyAccount;
type Response = { status: number; body: unknown };
type Round = {
  round: number;
  dueAt: string;
  kind: string;
  recipient: string | null;
  state: string;
  paid: string | null;
  discountBps: number | null;
  txHash: string | null;
};
type PoolView = {
  status: string;
  contractAddress: string | null;
  currentRound: number | null;
  schedule: Round[];
  dashboard: Record<string, unknown>;
};
type MemberView = {
  penaltyStatus: string;
  strikes: number;
  collateral: string;
  contributions: { round: number; status: string; penalty: string | null }[];
};

/** What the rotating demo borrows from the main demo (tools/demo.ts): its API client, signer, clock and voice. */
export interface DemoKit {
  readonly api: (method: string, path: string, body?: unknown, admin?: boolean) => Promise<Response>;
  readonly expectOk: <Body>(what: string, res: Response) => Body;
  readonly until: <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs?: number) => Promise<T>;
  readonly signed: (
    daoId: string,
    action: string,
    intent: Record<string, unknown>,
    signer: Wallet,
  ) => Promise<{ message: unknown; signature: string }>;
  readonly chain: ReturnType<typeof devClients>;
  readonly testToken: Address;
  readonly account: (role: string) => Wallet;
  readonly step: (title: string) => void;
  readonly say: (line: string) => void;
}

const DAY = 86_400;
const WEEK = 7 * DAY;
const tokens = (wei: bigint) => Number(formatEther(wei)).toFixed(2);

export async function rotatingDemo(kit: DemoKit): Promise<void> {
  const { api, expectOk, until, signed, chain, step, say } = kit;
  const names = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena'];
  const members = names.map((n) => kit.account(`circle:${n}`));
  const nameOf = new Map<string, string>(members.map((m, i) => [m.address, names[i]]));
  const treasurers = [1, 2, 3].map((i) => kit.account(`circle:treasurer-${i}`));
  const [ana, bruno, carla, diego, elena] = members as [Wallet, Wallet, Wallet, Wallet, Wallet];
  for (const m of members) await chain.test.setBalance({ address: m.address, value: parseEther('10') });
  const send = async (who: Wallet, functionName: 'mint' | 'approve', args: readonly unknown[]) => {
    const hash = await chain.wallet(who).writeContract({ address: kit.testToken, abi: testTokenAbi, functionName, args } as never);
    await chain.public.waitForTransactionReceipt({ hash });
  };
  const chainNow = async () => Number((await chain.public.getBlock()).timestamp);
  const travelTo = async (iso: string) => {
    const target = Math.floor(Date.parse(iso) / 1000);
    const now = await chainNow();
    if (target > now) await chain.test.increaseTime({ seconds: target - now });
    await chain.test.mine({ blocks: 1 });
  };

  step('An admin creates a DAO of five members, three treasurers (2-of-3 Safe)');
  const dao = expectOk<{ id: string }>(
    'create DAO',
    await api(
      'POST',
      '/v1/daos',
      {
        name: `Ayllu savings circle ${new Date().toISOString().slice(0, 19)}`,
        founders: members.map((m) => m.address),
        treasurers: treasurers.map((t) => t.address),
        treasurerThreshold: 2,
      },
      true,
    ),
  );
  const daoId = dao.id;
  await until('the DAO contracts', async () => ((await api('GET', `/v1/daos/${daoId}/contracts`)).status === 200 ? true : undefined));
  say(`DAO ${daoId}: the worker deployed its Safe, timelock and vault`);

  step('The admin opens a rotating pool: 100 TST a week, 5 members, 20% collateral, 2-day grace, 5% a week late, bidding');
  const startDate = new Date((await chainNow()) * 1000 + DAY * 1000).toISOString();
  const pool = expectOk<{ poolId: string }>(
    'create pool',
    await api(
      'POST',
      `/v1/daos/${daoId}/rotating-pools`,
      {
        contributionAmount: parseEther('100').toString(),
        rotationIntervalSeconds: WEEK,
        memberCount: 5,
        startDate,
        collateralPercent: 20,
        gracePeriodSeconds: 2 * DAY,
        penaltyRateBps: 500,
        rotationMethod: 'bidding',
      },
      true,
    ),
  );
  const poolPath = `/v1/daos/${daoId}/rotating-pools/${pool.poolId}`;
  const view = async () => expectOk<PoolView>('pool', await api('GET', poolPath));
  const contract = (await until('the pool contract', async () => (await view()).contractAddress ?? undefined)) as Address;
  say(`pool ${pool.poolId}: its custody contract is ${contract} (organiser: the DAO's Safe; operator: the relayer)`);

  step('Members approve the pool once from their wallets and sign their join (the worker pulls 100 TST collateral each)');
  for (const m of members) {
    await send(m, 'mint', [m.address, parseEther('1000')]);
    await send(m, 'approve', [contract, maxUint256]);
  }
  const before = new Map(await Promise.all(members.map(async (m) => [m.address, await balanceOf(m.address)] as const)));
  for (const m of members) {
    const body = await signed(daoId, 'rosca-join', { member: m.address, pool: pool.poolId }, m);
    expectOk('join', await api('POST', `${poolPath}/join-requests`, body));
    say(`${nameOf.get(m.address)} asks to join`);
  }
  await until('the pool to start', async () => ((await view()).status === 'ACTIVE' ? true : undefined));
  say('✔ full: the pool is ACTIVE and its schedule is fixed on chain');

  const bid = async (m: Wallet, round: number, discountBps: number) => {
    const body = await signed(daoId, 'rosca-bid', { member: m.address, pool: pool.poolId, round, discountBps }, m);
    expectOk('bid', await api('POST', `${poolPath}/bids`, body));
    say(`${nameOf.get(m.address)} bids ${discountBps / 100}% of the pot to receive it this round`);
  };

  for (let round = 0; round < 5; round++) {
    const current = await view();
    const due = current.schedule[round].dueAt;
    step(`Round ${round + 1}: due ${due.slice(0, 16)}`);
    const waiting = membersWaiting(current);
    if (round === 0) await bid(carla, 0, 300);
    else if (waiting.length > 1) await bid(waiting[waiting.length - 1], round, 100 * round);
    if (round === 1) {
      await send(carla, 'approve', [contract, 0n]);
      say('Carla received the pot in round 1 and stops paying: she revokes the approval');
      await send(bruno, 'approve', [contract, 0n]);
      say('Bruno cannot pay on time this round (approval revoked)');
    }
    await travelTo(due);
    say('⏩ chain time reaches the due time: the worker pulls every contribution it can');
    if (round === 1) {
      for (const payer of [ana, diego, elena])
        await until(`${nameOf.get(payer.address)}'s contribution`, async () =>
          (await member(payer)).contributions.some((c) => c.round === 1 && c.status !== 'PENDING') ? true : undefined,
        );
      say('Ana, Diego and Elena are collected on time; Bruno and Carla are late');
      await travelTo(new Date(Date.parse(due) + (2 * DAY + 3600) * 1000).toISOString());
      await send(bruno, 'approve', [contract, maxUint256]);
      say('⏩ the grace period passes; Bruno approves again and the worker pulls his contribution with the penalty');
      const paid = await until('Bruno’s late payment', async () =>
        (await member(bruno)).contributions.find((c) => c.round === 1 && c.status !== 'PENDING'),
      );
      say(
        `Bruno paid late: penalty ${tokens(BigInt(paid.penalty ?? '0'))} TST (strike ${(await member(bruno)).strikes}, ${(await member(bruno)).penaltyStatus})`,
      );
      await travelTo(new Date(Date.parse(due) + WEEK * 1000).toISOString());
      say('⏩ the round ends: Carla has not paid, so her collateral covers her contribution (she keeps no claim to it)');
    }
    const settled = await until(`round ${round + 1} to be paid out`, async () => {
      const v = await view();
      const r = v.schedule[round];
      return r.state === 'settled' && r.txHash ? r : undefined;
    });
    if (round === 1) {
      const carlaNow = await member(carla);
      say(
        `Carla defaulted: strike ${carlaNow.strikes} (${carlaNow.penaltyStatus}), collateral left ${tokens(BigInt(carlaNow.collateral))} TST`,
      );
      await send(carla, 'approve', [contract, maxUint256]);
    }
    say(
      `${nameOf.get(settled.recipient ?? '')} receives ${tokens(BigInt(settled.paid ?? '0'))} TST${settled.discountBps ? ` (bid ${settled.discountBps / 100}%: the discount is shared among the others)` : ''}, tx ${settled.txHash?.slice(0, 12)}…`,
    );
  }
  const final = await until('the pool to complete', async () => {
    const v = await view();
    return v.status === 'COMPLETED' && v.schedule.every((r) => r.txHash) ? v : undefined;
  });
  say(
    `✔ COMPLETED: on-time rate ${Number(final.dashboard.onTimePaymentRateBps) / 100}%, volume ${tokens(BigInt(String(final.dashboard.totalVolume)))} TST`,
  );

  step('Summary, read from the chain (the pool contract’s own events and the wallets)');
  const logs = await chain.public.getContractEvents({ address: contract, abi: rotatingPoolAbi, fromBlock: 0n });
  const rows: string[][] = [['member', 'paid in', 'penalties', 'received', 'wallet change']];
  for (const m of members) {
    let paidIn = 0n;
    let penalties = 0n;
    let received = 0n;
    for (const log of logs) {
      const args = log.args as Record<string, unknown>;
      if (log.eventName === 'MemberJoined' && args.member === m.address) paidIn += args.collateral as bigint;
      if (log.eventName === 'ContributionCollected' && args.member === m.address) {
        paidIn += (args.amount as bigint) + (args.penalty as bigint);
        penalties += args.penalty as bigint;
      }
      if (log.eventName === 'Paid' && args.to === m.address) received += args.amount as bigint;
    }
    const change = (await balanceOf(m.address)) - before.get(m.address)!;
    rows.push([nameOf.get(m.address)!, tokens(paidIn), tokens(penalties), tokens(received), tokens(change)]);
  }
  rows.push(['pool contract', '-', '-', '-', `holds ${tokens(await balanceOf(contract))}`]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(`   ${row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ')}`);
    if (i === 0) console.log(`   ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
  console.log('\n   paid in: collateral + contributions + penalties; received: pots, discount shares and released collateral.');
  console.log('   wallet change = received − paid in: what each member gained or gave for receiving early or late.');
  console.log('\nDone.');

  async function balanceOf(who: string): Promise<bigint> {
    return chain.public.readContract({ address: kit.testToken, abi: testTokenAbi, functionName: 'balanceOf', args: [who as Address] });
  }
  async function member(m: Wallet): Promise<MemberView> {
    return expectOk<MemberView>('member', await api('GET', `${poolPath}/members/${m.address}`));
  }
  function membersWaiting(v: PoolView): Wallet[] {
    const received = new Set(v.schedule.filter((r) => r.state === 'settled').map((r) => r.recipient));
    return members.filter((m) => !received.has(m.address));
  }
}
