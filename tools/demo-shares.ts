// `npm run demo -- shares`: share pools against the stack `npm start` brought up. Admins and members act through the
// API (members sign what it serves); the creator's powers are the DAO's Safe's: an admin asks, two treasurers sign,
// the relayer executes. Wallets approve pool contracts and fund the Safe on chain; chain time moves for the stream
// and a crowdfunding deadline (evm_increaseTime). Ends with a table read from the chain.
import { safeTransactionTypedData, superfluidPoolAbi, superTokenAbi, type SafeTransaction } from '@ayllu/chain';
import { formatEther, maxUint256, parseEther, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { sharePoolAbi } from '../contracts/abi/share-pool';
import { testTokenAbi } from '../contracts/abi/test-token';
import type { DemoKit } from './demo-rotating';

type Wallet = PrivateKeyAccount;
type Contracts = { chainId: number; safe: Address; payoutToken: Address };
type PoolView = {
  status: string;
  contract: Address | null;
  gdaPool: Address | null;
  available: number;
  holders: { address: string; shares: number }[];
  joinRequests: string[];
  pendingActions: number;
  crowdfunding: { raised: string; outcome: string | null; contributors: { address: string; amount: string }[] } | null;
  distributions: { kind: string; stoppedAt?: string | null }[];
};
type SafeTx = { safeTxHash: string; status: string; description: string[]; failureReason: string | null };
type UintField = 'value' | 'safeTxGas' | 'baseGas' | 'gasPrice' | 'nonce';
type SafeTransactionMessage = Omit<SafeTransaction, UintField> & Record<UintField, string>;

/** The main demo's kit, and the dev chain's super token (the DAO's payout token wraps it). */
export type SharesKit = DemoKit & { readonly testSuperToken: Address };

const DAY = 86_400;
const PRICE = parseEther('0.1');
/** 10^11 wei a second per share: 10^15 wei/s (86.4 TSTx a day) over the 10,000 shares. */
const PER_UNIT_RATE = 10n ** 11n;
const tokens = (wei: bigint) => Number(formatEther(wei)).toFixed(2);
const pct = (shares: number) => `${(shares / 100).toFixed(shares % 100 === 0 ? 0 : 2)}%`;

export async function sharesDemo(kit: SharesKit): Promise<void> {
  const { api, expectOk, until, signed, chain, step, say } = kit;
  const names = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena'];
  const people = names.map((n) => kit.account(`shares:${n}`));
  const [ana, bruno, carla, diego, elena] = people as [Wallet, Wallet, Wallet, Wallet, Wallet];
  const treasurers = [1, 2, 3].map((i) => kit.account(`shares:treasurer-${i}`));
  const funder = kit.account('shares:funder');
  const nameOf = new Map<string, string>(people.map((p, i) => [p.address, names[i]]));
  for (const w of [...people, funder]) await chain.test.setBalance({ address: w.address, value: parseEther('10') });

  const write = async (who: Wallet, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) => {
    const hash = await chain.wallet(who).writeContract({ address, abi, functionName, args } as never);
    const receipt = await chain.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${functionName} reverted (${hash})`);
  };
  const fund = async (who: Wallet, pool: Address, amount: bigint) => {
    await write(who, kit.testToken, testTokenAbi, 'mint', [who.address, amount]);
    await write(who, kit.testToken, testTokenAbi, 'approve', [pool, maxUint256]);
  };
  const read = <T>(address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
    chain.public.readContract({ address, abi, functionName, args } as never) as Promise<T>;
  const tst = (who: Address) => read<bigint>(kit.testToken, testTokenAbi, 'balanceOf', [who]);
  const chainNow = async () => Number((await chain.public.getBlock()).timestamp);
  const timeTravel = async (seconds: number) => {
    await chain.test.increaseTime({ seconds });
    await chain.test.mine({ blocks: 1 });
  };

  step('An admin creates a DAO: three members, three treasurers (a 2-of-3 Safe that will create the pools)');
  const dao = expectOk<{ id: string }>(
    'create DAO',
    await api(
      'POST',
      '/v1/daos',
      {
        name: `Ayllu share pools ${new Date().toISOString().slice(0, 19)}`,
        founders: [ana, bruno, carla].map((m) => m.address),
        treasurers: treasurers.map((t) => t.address),
        treasurerThreshold: 2,
      },
      true,
    ),
  );
  const daoId = dao.id;
  const contracts = await until('the DAO contracts', async () => {
    const res = await api('GET', `/v1/daos/${daoId}/contracts`);
    return res.status === 200 ? (res.body as Contracts) : undefined;
  });
  const { safe } = contracts;
  nameOf.set(safe, "DAO's Safe (creator)");
  say(`DAO ${daoId}: the worker deployed its Safe ${safe}`);

  const poolPath = (poolId: string) => `/v1/daos/${daoId}/share-pools/${poolId}`;
  const view = async (poolId: string) => expectOk<PoolView>('pool', await api('GET', poolPath(poolId)));
  const holding = (v: PoolView, who: Address) => v.holders.find((h) => h.address === who)?.shares ?? 0;
  const createPool = async (body: Record<string, unknown>) => {
    const { poolId } = expectOk<{ poolId: string }>('create pool', await api('POST', `/v1/daos/${daoId}/share-pools`, body, true));
    const deployed = await until(`pool ${poolId}'s contract`, async () => {
      const v = await view(poolId);
      return v.contract && v.gdaPool ? v : undefined;
    });
    say(`pool ${poolId}: contract ${deployed.contract} (creator: the Safe; operator: the relayer), GDA pool ${deployed.gdaPool}`);
    return { poolId, contract: deployed.contract!, gdaPool: deployed.gdaPool! };
  };
  /** A member signs the action as served; the worker carries it out on chain; resolves once nothing is pending. */
  const act = async (poolId: string, who: Wallet, action: string, route: string, fields: Record<string, unknown>) => {
    const body = await signed(daoId, action, { member: who.address, pool: poolId, ...fields }, who);
    expectOk(action, await api('POST', `${poolPath(poolId)}/${route}`, body));
  };
  /** The pool as the API reads it, once `ready` holds (its read model follows the log a moment later). */
  const poolWhen = (poolId: string, what: string, ready: (v: PoolView) => boolean) =>
    until(what, async () => {
      const v = await view(poolId);
      return ready(v) ? v : undefined;
    });
  const holds = (poolId: string, who: Wallet, shares: number) =>
    poolWhen(poolId, `${nameOf.get(who.address)}'s ${shares} shares`, (v) => holding(v, who.address) === shares && v.pendingActions === 0);
  /** An admin asks the Safe; two treasurers sign the served Safe transaction; the relayer executes it. */
  const bySafe = async (poolId: string, body: Record<string, unknown>, signers: Wallet[]) => {
    const tx = expectOk<SafeTx>('creator action', await api('POST', `${poolPath(poolId)}/creator-actions`, body, true));
    for (const line of tx.description) say(`  Safe transaction: ${line}`);
    const served = expectOk<{ typedData: { message: SafeTransactionMessage } }>(
      'safe transaction',
      await api('GET', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}`),
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
    for (const treasurer of signers) {
      const signature = await treasurer.signTypedData(safeTransactionTypedData({ chainId: contracts.chainId, safe }, transaction));
      const res = expectOk<{ signaturesMissing: number }>(
        'signature',
        await api('POST', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}/signatures`, { signer: treasurer.address, signature }),
      );
      say(`  treasurer ${treasurer.address.slice(0, 8)}… signs (${res.signaturesMissing} more needed)`);
    }
    const status = async () =>
      expectOk<SafeTx>('safe transaction', await api('GET', `/v1/daos/${daoId}/safe-transactions/${tx.safeTxHash}`));
    const done = await until('the Safe transaction', async () => {
      const t = await status();
      return t.status === 'awaiting-signatures' ? undefined : t;
    });
    if (done.status !== 'executed') throw new Error(`The Safe transaction ended ${done.status}: ${done.failureReason}`);
    say('  ✔ the relayer executed it from the Safe; the pool recorded it with the Safe as actor');
  };

  step('An admin opens a buy pool: 10,000 shares at 0.1 TST each, the creator (the Safe) keeps 3,000');
  const solar = await createPool({
    name: 'Community solar roof',
    ticker: 'SOLAR',
    description: 'Shares in the roof’s income, paid in TSTx',
    wayToAccess: 'buy',
    purchaseToken: kit.testToken,
    pricePerShare: PRICE.toString(),
    creatorShares: 3_000,
    estimatedApr: '8.5',
  });

  step('Bruno buys 2,000 shares: he approves the pool contract once, signs the purchase; the worker buys them');
  await fund(bruno, solar.contract, parseEther('1000'));
  await fund(diego, solar.contract, parseEther('1000'));
  const safeTstBefore = await tst(safe);
  await act(solar.poolId, bruno, 'share-purchase', 'purchases', { shares: 2_000 });
  let v = await holds(solar.poolId, bruno, 2_000);
  say(`✔ Bruno holds ${holding(v, bruno.address)} shares; the Safe received ${tokens((await tst(safe)) - safeTstBefore)} TST`);

  step('The Safe assigns Carla 1,500 shares (an airdrop; on a request pool the same call approves the request, step 6)');
  await bySafe(solar.poolId, { action: 'assign', to: carla.address, shares: 1_500 }, [treasurers[0], treasurers[1]]);
  v = await holds(solar.poolId, carla, 1_500);
  say(`✔ Carla holds ${holding(v, carla.address)} shares`);

  step('Diego buys 500 shares: 7,000 are now held, 3,000 (30%) stay unallocated');
  await act(solar.poolId, diego, 'share-purchase', 'purchases', { shares: 500 });
  v = await holds(solar.poolId, diego, 500);
  const allocated = v.holders.reduce((sum, h) => sum + h.shares, 0);
  for (const h of v.holders) say(`${nameOf.get(h.address) ?? h.address}: ${h.shares} shares (${pct(h.shares)})`);
  say(`allocated ${allocated}, unallocated ${v.available} (${pct(v.available)}): held by the pool contract itself`);

  step('A pool whose way in is a request: Carla asks to join, the Safe approves her with 1,500 shares');
  const garden = await createPool({ name: 'Neighbourhood garden', ticker: 'GARDEN', wayToAccess: 'request', creatorShares: 3_000 });
  await act(garden.poolId, carla, 'share-join', 'join-requests', {});
  await until('Carla’s request', async () => ((await view(garden.poolId)).joinRequests.includes(carla.address) ? true : undefined));
  say('Carla’s request waits for the creator');
  await bySafe(garden.poolId, { action: 'assign', to: carla.address, shares: 1_500 }, [treasurers[1], treasurers[2]]);
  v = await poolWhen(garden.poolId, 'the approval', (p) => holding(p, carla.address) === 1_500 && p.joinRequests.length === 0);
  say(`✔ approved: Carla holds ${holding(v, carla.address)} shares; no request is open`);

  step('A pool whose way in is a code: an admin generates a one-time code worth 500 shares; Diego redeems it');
  const festival = await createPool({ name: 'Harvest festival', ticker: 'FEST', wayToAccess: 'codes', creatorShares: 3_000 });
  const generated = expectOk<{ codes: { code: string; codeHash: string; qrSvg: string }[] }>(
    'codes',
    await api('POST', `${poolPath(festival.poolId)}/codes`, { count: 1, shares: 500 }, true),
  );
  const [code] = generated.codes;
  say(`code ${code.code} (shown once; the log keeps only its hash ${code.codeHash.slice(0, 12)}…; QR image ${code.qrSvg.length} chars)`);
  await act(festival.poolId, diego, 'share-code', 'code-redemptions', { code: code.code });
  v = await holds(festival.poolId, diego, 500);
  say(`✔ the worker granted Diego ${holding(v, diego.address)} shares`);

  step('The Safe gets 1,000 TSTx to distribute (a funder wraps TST and sends it)');
  const funding = parseEther('1000');
  await write(funder, kit.testToken, testTokenAbi, 'mint', [funder.address, funding]);
  await write(funder, kit.testToken, testTokenAbi, 'approve', [kit.testSuperToken, funding]);
  await write(funder, kit.testSuperToken, superTokenAbi, 'upgrade', [funding]);
  await write(funder, contracts.payoutToken, superTokenAbi, 'transfer', [safe, funding]);

  step(`The Safe streams the solar pool's income: ${tokens(PER_UNIT_RATE * 10_000n * BigInt(DAY))} TSTx a day over 10,000 shares`);
  const flowRate = PER_UNIT_RATE * 10_000n;
  const solarHolders = [safe, bruno.address, carla.address, diego.address];
  const receivedBefore = new Map(
    await Promise.all(
      [...solarHolders, solar.contract].map(
        async (h) => [h, await read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getTotalAmountReceivedByMember', [h])] as const,
      ),
    ),
  );
  await bySafe(solar.poolId, { action: 'stream', flowRate: flowRate.toString() }, [treasurers[0], treasurers[2]]);
  await until('the stream in the pool’s record', async () =>
    (await view(solar.poolId)).distributions.some((d) => d.kind === 'stream' && !d.stoppedAt) ? true : undefined,
  );
  const total = await read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getTotalFlowRate');
  for (const h of [...solarHolders, solar.contract]) {
    const rate = await read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getMemberFlowRate', [h]);
    const who = h === solar.contract ? 'the pool contract (unallocated)' : nameOf.get(h)!;
    say(`${who}: ${rate} wei/s = ${tokens(rate * BigInt(DAY))} TSTx a day (${((Number(rate) / Number(total)) * 100).toFixed(0)}%)`);
  }

  step('A week passes');
  await timeTravel(7 * DAY);
  say('⏩ chain time moves 7 days');
  for (const h of [...solarHolders, solar.contract]) {
    const got = (await read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getTotalAmountReceivedByMember', [h])) - receivedBefore.get(h)!;
    say(`${h === solar.contract ? 'the pool contract' : nameOf.get(h)!} received ${tokens(got)} TSTx`);
  }
  await bySafe(solar.poolId, { action: 'stream', flowRate: '0' }, [treasurers[1], treasurers[2]]);
  await until('the stream to stop in the pool’s record', async () =>
    (await view(solar.poolId)).distributions.every((d) => d.kind !== 'stream' || d.stoppedAt) ? true : undefined,
  );
  say('the Safe stops the stream (flow rate 0)');

  const deadline = new Date((Math.max(await chainNow(), Math.floor(Date.now() / 1000)) + 3 * DAY) * 1000)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  const crowdfunded = (name: string, ticker: string) =>
    createPool({
      name,
      ticker,
      wayToAccess: 'crowdfunding',
      purchaseToken: kit.testToken,
      creatorShares: 2_000,
      crowdfunding: { target: parseEther('1000').toString(), deadline },
    });
  const contribute = async (poolId: string, pool: Address, pledges: [Wallet, bigint][]) => {
    for (const [who, amount] of pledges) {
      await fund(who, pool, amount);
      await act(poolId, who, 'share-contribution', 'contributions', { amount: amount.toString() });
      say(`${nameOf.get(who.address)} contributes ${tokens(amount)} TST (escrowed by the pool contract)`);
    }
  };

  step(`A crowdfunding pool: target 1,000 TST by ${deadline}; the creator keeps 2,000 shares, 8,000 go to contributors`);
  const oven = await crowdfunded('Bakery oven', 'OVEN');
  const ovenSafeBefore = await tst(safe);
  await contribute(oven.poolId, oven.contract, [
    [ana, parseEther('450')],
    [elena, parseEther('350')],
    [bruno, parseEther('200')],
  ]);
  v = await until('the crowdfunding to finalize', async () => {
    const p = await view(oven.poolId);
    return p.crowdfunding?.outcome && p.pendingActions === 0 ? p : undefined;
  });
  say(`✔ ${v.crowdfunding!.outcome}: the target was met, so the worker finalized at once; the 8,000 shares go by contribution`);
  // The contract's own account of the allocation (its CrowdfundingReached event) beside the pool's record.
  const [reached] = await chain.public.getContractEvents({
    address: oven.contract,
    abi: sharePoolAbi,
    eventName: 'CrowdfundingReached',
    fromBlock: 0n,
  });
  const onChain = (reached?.args as { allocations?: { contributor: Address; shares: bigint }[] }).allocations ?? [];
  for (const c of v.crowdfunding!.contributors) {
    const recorded = holding(v, c.address as Address);
    const chained = onChain.find((a) => a.contributor === c.address)?.shares;
    if (chained !== BigInt(recorded)) throw new Error(`${c.address}: ${recorded} shares recorded, ${chained} on chain`);
    say(`${nameOf.get(c.address)}: ${tokens(BigInt(c.amount))} TST → ${recorded} shares (the contract's event: ${chained})`);
  }
  say(`the escrow went to the Safe: +${tokens((await tst(safe)) - ovenSafeBefore)} TST`);

  step('Another crowdfunding pool, same terms, that misses its target');
  const boat = await crowdfunded('Fishing boat', 'BOAT');
  await contribute(boat.poolId, boat.contract, [
    [ana, parseEther('300')],
    [elena, parseEther('200')],
  ]);
  await poolWhen(boat.poolId, 'the escrow', (p) => p.crowdfunding?.raised === parseEther('500').toString() && p.pendingActions === 0);
  const escrowed = new Map(await Promise.all([ana, elena].map(async (m) => [m.address, await tst(m.address)] as const)));
  say(`raised ${tokens(BigInt((await view(boat.poolId)).crowdfunding!.raised))} of 1,000 TST`);
  await timeTravel(3 * DAY + 60);
  say('⏩ chain time passes the deadline');
  v = await until('the refunds', async () => {
    const p = await view(boat.poolId);
    return p.crowdfunding?.outcome && p.pendingActions === 0 ? p : undefined;
  });
  const refunds = await chain.public.getContractEvents({
    address: boat.contract,
    abi: sharePoolAbi,
    eventName: 'CrowdfundingRefunded',
    fromBlock: 0n,
  });
  const refunded = (refunds[0]?.args as { refunds?: { contributor: Address; amount: bigint }[] }).refunds ?? [];
  say(
    `✔ ${v.crowdfunding!.outcome}: every contributor is refunded in full; the only holder is still the Safe (${holding(v, safe)} shares)`,
  );
  for (const r of refunded)
    say(
      `${nameOf.get(r.contributor)}: refunded ${tokens(r.amount)} TST (wallet ${tokens(escrowed.get(r.contributor) ?? 0n)} → ${tokens(await tst(r.contributor))})`,
    );

  step('Summary of the solar pool, read from the chain (the pool contract, its GDA pool, the super token)');
  await summary();

  async function summary() {
    const pool = solar.contract;
    const units = (h: Address) => read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getUnits', [h]);
    const received = (h: Address) => read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getTotalAmountReceivedByMember', [h]);
    const now = BigInt(await chainNow());
    const holders = await read<readonly Address[]>(pool, sharePoolAbi, 'holders');
    const rows: string[][] = [['holder', 'shares', 'GDA units', 'TSTx received', 'how it got in']];
    const bought = await chain.public.getContractEvents({ address: pool, abi: sharePoolAbi, eventName: 'SharesBought', fromBlock: 0n });
    const assigned = await chain.public.getContractEvents({ address: pool, abi: sharePoolAbi, eventName: 'SharesAssigned', fromBlock: 0n });
    const how = (h: Address) => {
      if (h === safe) return 'creator';
      if (bought.some((e) => (e.args as { buyer?: Address }).buyer === h)) return 'bought';
      if (assigned.some((e) => (e.args as { to?: Address }).to === h)) return 'assigned by the Safe';
      return '-';
    };
    let sharesSum = 0n;
    for (const h of holders) {
      const shares = await read<bigint>(pool, sharePoolAbi, 'sharesOf', [h]);
      sharesSum += shares;
      rows.push([nameOf.get(h) ?? h, String(shares), String(await units(h)), tokens(await received(h)), how(h)]);
    }
    const available = await read<bigint>(pool, sharePoolAbi, 'available');
    const [kept] = await read<readonly [bigint, bigint, bigint]>(contracts.payoutToken, superTokenAbi, 'realtimeBalanceOf', [pool, now]);
    rows.push([
      'pool contract (unallocated)',
      String(available),
      String(await units(pool)),
      tokens(await received(pool)),
      `keeps ${tokens(kept)}`,
    ]);
    rows.push([
      'total',
      String(sharesSum + available),
      String(await read<bigint>(solar.gdaPool, superfluidPoolAbi, 'getTotalUnits')),
      '-',
      '-',
    ]);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const [i, row] of rows.entries()) {
      console.log(`   ${row.map((cell, j) => (j === 0 || j === 4 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ')}`);
      if (i === 0) console.log(`   ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
    console.log('\n   GDA units equal shares; the pool contract holds the unallocated shares as its own units, so their part of');
    console.log('   every distribution stays in the contract. Holders who have not connected to the GDA pool claim what they');
    console.log('   received into their wallets whenever they like. The Safe pays the stream and, holding 3,000 shares, gets');
    console.log('   30% of it back.');
    console.log('\nDone.');
  }
}
