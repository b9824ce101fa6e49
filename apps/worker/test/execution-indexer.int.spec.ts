import { executeSafeTransaction, safeTransactionTypedData } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther, type Hex } from 'viem';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { createApiApp } from '../../api/src/bootstrap';
import type { RunningExecution } from '../src/execution/start-execution';
import { createDao, eventsOf, passProposal, startExecutionWorld, TIMELOCK_DELAY, waitFor, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { transactionOf, treasurersOf, type SafeTransactionView } from './execution-treasurers';

jest.setTimeout(240_000);

const CONFIRMATIONS = 1;

describe('Chain indexer: what happens on chain outside the platform enters the log, once', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let driver: RunningExecution;
  let treasurers: ReturnType<typeof treasurersOf>;
  let money: ReturnType<typeof moneyOf>;

  const daoEvents = async (type: string) =>
    (await eventsOf(world.store, streams.dao.of(dao.daoId).streamId)).filter((e) => e.type === type);
  const factOf = (type: string, txHash: Hex) =>
    waitFor(`${type} of ${txHash}`, async () => (await daoEvents(type)).find((e) => (e.data as { txHash: string }).txHash === txHash));
  const mine = () => world.clients.test.mine({ blocks: 1 });
  const indexRow = async () =>
    (
      await world.db.pool.query<{ checkpoint: { blockNumber: string } | null; halted: string | null }>(
        'SELECT * FROM chain_index WHERE dao_id = $1',
        [dao.daoId],
      )
    ).rows[0];

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    driver = await world.startDriver({ indexerConfirmations: CONFIRMATIONS });
    dao = await createDao(world);
    treasurers = treasurersOf(world, base, dao);
    money = moneyOf(world, dao.contracts);
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('a deposit is confirmed into the log only once buried under the confirmations', async () => {
    const receipt = await money.deposit(world.founders[0], parseEther('10'));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await daoEvents('DepositConfirmed')).length).toBe(0);
    await mine();
    const confirmed = await factOf('DepositConfirmed', receipt.transactionHash);
    expect(confirmed.data).toMatchObject({ member: world.founders[0].address, amount: parseEther('10'), chainId: world.devChain.chainId });
  });

  it("a member's own small withdrawal is confirmed", async () => {
    const wallet = world.clients.wallet(world.founders[0]);
    const hash = await wallet.writeContract({
      address: dao.contracts.vault,
      abi: communityVaultAbi,
      functionName: 'withdraw',
      args: [parseEther('0.5')],
    });
    await world.clients.public.waitForTransactionReceipt({ hash });
    await mine();
    expect((await factOf('WithdrawalConfirmed', hash)).data).toMatchObject({
      member: world.founders[0].address,
      amount: parseEther('0.5'),
    });
  });

  it('indexing again from the deployment block appends nothing twice', async () => {
    await driver.stop();
    await world.db.pool.query('UPDATE chain_index SET checkpoint = NULL, last_fact_block = NULL WHERE dao_id = $1', [dao.daoId]);
    driver = await world.startDriver({ indexerConfirmations: CONFIRMATIONS });
    const head = await world.clients.public.getBlockNumber();
    await waitFor('the indexer to catch up', async () => {
      const row = await indexRow();
      return row.checkpoint && BigInt(row.checkpoint.blockNumber) >= head - BigInt(CONFIRMATIONS) ? row : undefined;
    });
    expect(await daoEvents('DepositConfirmed')).toHaveLength(1);
    expect(await daoEvents('WithdrawalConfirmed')).toHaveLength(1);
  });

  it('a Safe transaction the treasurers execute themselves is recorded, and the workflow goes on', async () => {
    await money.deposit(world.founders[1], parseEther('10'));
    const proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', {
      recipient: world.founders[1].address,
      amount: parseEther('2'),
    });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    // One signature through the platform: below the threshold, so the relayer does not execute it.
    expect((await treasurers.sign(world.treasurers[0], safeTxHash)).status).toBe(200);
    const { typedData } = await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    const transaction = transactionOf(typedData.message);
    const context = { chainId: dao.contracts.chainId, safe: dao.contracts.safe };
    const signatures = await Promise.all(
      [world.treasurers[0], world.treasurers[1]].map(async (t) => ({
        signer: t.address,
        data: await t.signTypedData(safeTransactionTypedData(context, transaction)),
      })),
    );
    const own = await executeSafeTransaction({
      wallet: world.clients.wallet(world.treasurers[1]),
      public: world.clients.public,
      safe: context.safe,
      chainId: context.chainId,
      transaction,
      signatures,
    });
    await mine();
    const executed = await waitFor('SafeTransactionExecuted', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find(
        (e) => e.type === 'SafeTransactionExecuted' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
      ),
    );
    expect(executed.data).toMatchObject({ txHash: own.transactionHash, success: true });
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    await world.clients.test.increaseTime({ seconds: TIMELOCK_DELAY + 1 });
    await mine();
    expect((await treasurers.proposalEvent(proposalId, ['ProposalExecuted', 'ProposalExecutionFailed'])).type).toBe('ProposalExecuted');
  });

  // Reorgs below facts in the log: chain-reorg.int.spec.ts.
});
