import type { DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { keccak256, parseEther, toHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, passProposal, proposalRow, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(240_000);

// The API's own example of WITHDRAW_FUNDS is paying an auditor: someone who is not a member and has nothing in
// the vault. The treasury (the Safe) pays them, through the timelock's module call, in the DAO's token.
describe('WITHDRAW_FUNDS to a non-member: the treasury pays', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let carryOut: ReturnType<typeof treasurersOf>['carryOut'];
  const auditor = privateKeyToAccount(keccak256(toHex('ayllu:test:auditor'))).address;
  const tokenBalance = (holder: Address) =>
    world.clients.public.readContract({ address: world.devChain.testToken, abi: testTokenAbi, functionName: 'balanceOf', args: [holder] });

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);
    ({ carryOut } = treasurersOf(world, base, dao));
    const money = moneyOf(world, dao.contracts);
    for (const founder of world.founders) await money.deposit(founder, parseEther('100'));
    // The treasury holds some of the DAO's token (as harvested yield would put there).
    const funder = world.clients.wallet(world.treasurers[0]);
    for (const functionName of ['mint', 'transfer'] as const) {
      const to = functionName === 'mint' ? world.treasurers[0].address : dao.contracts.safe;
      await world.clients.public.waitForTransactionReceipt({
        hash: await funder.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName,
          args: [to, parseEther('50')],
        }),
      });
    }
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('the auditor receives the amount from the Safe; the members’ funds in the vault are untouched', async () => {
    const vaultBefore = await tokenBalance(dao.contracts.vault);
    expect(await tokenBalance(auditor)).toBe(0n);
    const proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', { recipient: auditor, amount: parseEther('12') });
    expect((await carryOut(proposalId)).type).toBe('ProposalExecuted');
    expect(await tokenBalance(auditor)).toBe(parseEther('12'));
    expect(await tokenBalance(dao.contracts.safe)).toBe(parseEther('38'));
    expect(await tokenBalance(dao.contracts.vault)).toBe(vaultBefore);
    expect(
      await world.clients.public.readContract({
        address: dao.contracts.vault,
        abi: communityVaultAbi,
        functionName: 'approvedWithdrawalOf',
        args: [auditor],
      }),
    ).toBe(0n);
    expect(await proposalRow(world, proposalId)).toMatchObject({ type: 'WITHDRAW_FUNDS', state: 'Executed' });
  });
});
