import type { DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, passProposal, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(240_000);

describe('DISTRIBUTE_YIELDS: the Safe streams yield to members through the pool, the platform fee to its collector', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let carryOut: ReturnType<typeof treasurersOf>['carryOut'];
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
    ({ carryOut } = treasurersOf(world, base, dao));
    money = moneyOf(world, dao.contracts);
    for (const founder of world.founders) await money.deposit(founder, parseEther('100'));
    await money.fundSafe(world.treasurers[0]!, parseEther('1000'));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  const yields = async (payload: Record<string, unknown>) => carryOut(await passProposal(world, dao.daoId, 'DISTRIBUTE_YIELDS', payload));

  it('start: the pool receives the members’ share, the fee collector its stream', async () => {
    expect(await money.poolUnits()).toBe(400n);
    expect((await yields({ mode: 'stream', flowRatePerSecond: 1_000_000_000n })).type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(1_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(100_000_000n);
  });

  it('change (stream at another rate): both streams move to the new rate', async () => {
    expect((await yields({ mode: 'stream', flowRatePerSecond: 2_000_000_000n })).type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(members(2_000_000_000n));
    expect(await money.feeFlowRate(collector)).toBe(200_000_000n);
  });

  it('stop: both streams end', async () => {
    expect((await yields({ mode: 'stop' })).type).toBe('ProposalExecuted');
    expect(await money.poolFlowRate()).toBe(0n);
    expect(await money.feeFlowRate(collector)).toBe(0n);
  });

  it('instant: the amount leaves the Safe at once, the fee to the collector, the rest to the pool', async () => {
    const [safeBefore, collectorBefore] = [await money.superBalance(dao.contracts.safe as Address), await money.superBalance(collector)];
    expect((await yields({ mode: 'instant', amount: parseEther('10') })).type).toBe('ProposalExecuted');
    expect(safeBefore - (await money.superBalance(dao.contracts.safe as Address))).toBe(parseEther('10'));
    expect((await money.superBalance(collector)) - collectorBefore).toBe(parseEther('1'));
  });

  it('a Safe call that cannot succeed fails the proposal with its reason, and moves nothing', async () => {
    const safeBefore = await money.superBalance(dao.contracts.safe as Address);
    const end = await yields({ mode: 'instant', amount: parseEther('1000000') });
    expect(end.type).toBe('ProposalExecutionFailed');
    expect((end.data as { reason: string }).reason).toMatch(/^The Safe's call "Distribute .* at once" would revert: .+/);
    expect(await money.superBalance(dao.contracts.safe as Address)).toBe(safeBefore);
  });
});
