import { connectPoolCall } from '@ayllu/chain';
import { streams } from '@ayllu/domain';
import type { DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, passProposal, proposalRow, readModelsAndRebuild, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(240_000);

describe('DISTRIBUTE_YIELDS and payouts: the Safe streams yield to members through the pool, the platform fee to its collector', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let carryOut: ReturnType<typeof treasurersOf>['carryOut'];
  let get: ReturnType<typeof treasurersOf>['get'];
  let post: ReturnType<typeof treasurersOf>['post'];
  let money: ReturnType<typeof moneyOf>;
  const collector = privateKeyToAccount(keccak256(toHex('ayllu:test:fee-collector'))).address;
  // 10% platform fee; four members of 100 tokens hold 100 units each.
  const members = (rate: bigint) => rate - rate / 10n;

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world, { feeCollector: collector, platformFeeBps: 1000 });
    ({ carryOut, get, post } = treasurersOf(world, base, dao));
    money = moneyOf(world, dao.contracts);
    for (const founder of world.founders) await money.deposit(founder, parseEther('100'));
    await money.fundSafe(world.treasurers[0], parseEther('1000'));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  const yields = async (payload: Record<string, unknown>) => carryOut(await passProposal(world, dao.daoId, 'DISTRIBUTE_YIELDS', payload));
  /** The read models agree with the log's end for the proposal `end` closed, and a rebuild gives the same rows. */
  const readModelsShow = async (end: { streamId: string }, state: string) => {
    expect(await proposalRow(world, streams.proposal.parse(end.streamId)!)).toMatchObject({ type: 'DISTRIBUTE_YIELDS', state });
    const { kept, rebuilt } = await readModelsAndRebuild(world);
    expect(rebuilt).toEqual(kept);
  };

  it('start: the pool receives the members’ share, the fee collector its stream', async () => {
    expect(await money.poolUnits()).toBe(400n);
    const end = await yields({ mode: 'stream', flowRatePerSecond: 1_000_000_000n });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(1_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(100_000_000n);
    await readModelsShow(end, 'Executed');
  });

  describe('while the stream runs', () => {
    type Payouts = {
      totalFlowRate: string;
      totalUnits: string;
      members: { address: string; units: string; flowRate: string; connected: boolean; received: string; claimable: string }[];
    };
    const payouts = () => get<Payouts>(`/v1/daos/${dao.daoId}/payouts`);
    const claim = (member: string) => post(`/v1/daos/${dao.daoId}/members/${member}/claim`, {});

    it('GET payouts: the pool, its total rate, each member’s units, rate and what they received so far, read from the chain', async () => {
      await world.clients.test.increaseTime({ seconds: 100 });
      await world.clients.test.mine({ blocks: 1 });
      const view = await payouts();
      expect(view).toMatchObject({ totalFlowRate: String(members(1_000_000_000n)), totalUnits: '400' });
      expect(view.members).toHaveLength(4);
      for (const m of view.members) {
        expect(m).toMatchObject({ units: '100', flowRate: String(members(1_000_000_000n) / 4n), connected: false });
        expect(BigInt(m.received)).toBeGreaterThanOrEqual(100n * (members(1_000_000_000n) / 4n));
        expect(BigInt(m.claimable)).toBeGreaterThan(0n);
      }
    });

    it('POST claim: the relayer moves an unconnected member’s accrual into their balance', async () => {
      const member = world.founders[1].address;
      const before = await money.superBalance(member);
      const response = await claim(member);
      expect(response.status).toBe(200);
      const claimed = BigInt((response.body as { claimed: string }).claimed);
      expect(claimed).toBeGreaterThan(0n);
      expect((await money.superBalance(member)) - before).toBe(claimed);
    });

    it('a claim for a connected member, or for someone without units, is refused and sends nothing', async () => {
      const connected = world.founders[2];
      const call = connectPoolCall({
        forwarder: dao.contracts.gdaForwarder,
        token: dao.contracts.payoutToken,
        pool: dao.contracts.pool,
      });
      await world.clients.public.waitForTransactionReceipt({
        hash: await world.clients.wallet(connected).sendTransaction({ to: call.to, data: call.data }),
      });
      expect((await payouts()).members.find((m) => m.address === connected.address)?.connected).toBe(true);
      expect(await claim(connected.address)).toMatchObject({ status: 409, body: { code: 'PAYOUT.CONNECTED' } });
      expect(await claim(collector)).toMatchObject({ status: 404, body: { code: 'PAYOUT.NOT_A_MEMBER' } });
      expect((await claim('0x1234')).status).toBe(400);
    });
  });

  it('change (stream at another rate): both streams move to the new rate', async () => {
    const end = await yields({ mode: 'stream', flowRatePerSecond: 2_000_000_000n });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(2_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(200_000_000n);
    await readModelsShow(end, 'Executed');
  });

  it('stop: both streams end', async () => {
    const end = await yields({ mode: 'stop' });
    expect(end.type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(0n);
    expect(await money.feeFlowRate(collector)).toBe(0n);
    await readModelsShow(end, 'Executed');
  });

  it('instant: the amount leaves the Safe at once, the fee to the collector, the rest to the pool', async () => {
    const [safeBefore, collectorBefore] = [await money.superBalance(dao.contracts.safe), await money.superBalance(collector)];
    const end = await yields({ mode: 'instant', amount: parseEther('10') });
    expect(end.type).toBe('ProposalExecuted');
    expect(safeBefore - (await money.superBalance(dao.contracts.safe))).toBe(parseEther('10'));
    expect((await money.superBalance(collector)) - collectorBefore).toBe(parseEther('1'));
    await readModelsShow(end, 'Executed');
  });

  it('a Safe call that cannot succeed fails the proposal with its reason, and moves nothing', async () => {
    const safeBefore = await money.superBalance(dao.contracts.safe);
    const end = await yields({ mode: 'instant', amount: parseEther('1000000') });
    expect(end.type).toBe('ProposalExecutionFailed');
    expect((end.data as { reason: string }).reason).toMatch(/^The Safe's call "Distribute .* at once" would revert: .+/);
    expect(await money.superBalance(dao.contracts.safe)).toBe(safeBefore);
    await readModelsShow(end, 'Failed');
  });
});
