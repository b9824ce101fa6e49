import { buildSafeTransaction, executeSafeTransaction, safeAbi, safeTransactionTypedData } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { encodeFunctionData, parseEther, parseGwei, type Address, type Hex, type TransactionReceipt } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import type { RunningExecution } from '../src/execution/start-execution';
import {
  catchUpReadModels,
  createDao,
  eventsOf,
  readModelsAndRebuild,
  startExecutionWorld,
  waitFor,
  type ExecutionWorld,
} from './execution-harness';
import { moneyOf } from './execution-money';

jest.setTimeout(240_000);

// Deeper than one block, so a reorg below a fact is one the confirmation depth did not prevent.
const CONFIRMATIONS = 2;

type ChainLogData = { txHash: Hex; blockNumber?: bigint; blockHash?: Hex; amount: bigint };

describe('Chain indexer: a reorg below facts in the log is followed, with no manual step', () => {
  let world: ExecutionWorld;
  let dao: { daoId: string; contracts: DaoContracts };
  let driver: RunningExecution;
  let money: ReturnType<typeof moneyOf>;

  const daoEvents = async (type: string, txHash?: Hex): Promise<RecordedEvent[]> =>
    (await eventsOf(world.store, streams.dao.of(dao.daoId).streamId)).filter(
      (e) => e.type === type && (txHash === undefined || (e.data as ChainLogData).txHash === txHash),
    );
  const count = (type: string, txHash: Hex, n: number) =>
    waitFor(`${n} ${type} of ${txHash}`, async () => {
      const found = await daoEvents(type, txHash);
      return found.length >= n ? found : undefined;
    });
  const mine = (blocks = CONFIRMATIONS) => world.clients.test.mine({ blocks });
  const indexRow = async () =>
    (
      await world.db.pool.query<{ checkpoint: { blockNumber: string } | null; halted: string | null; contracts: unknown }>(
        'SELECT * FROM chain_index WHERE dao_id = $1',
        [dao.daoId],
      )
    ).rows[0];
  /** The member as the read model shows it (what GET /v1/daos/:id/members serves). */
  const member = async (address: Address) => {
    await catchUpReadModels(world);
    const { rows } = await world.db.pool.query<{
      status: string;
      current_balance: string;
      total_deposited: string;
      joined_at: Date | null;
    }>('SELECT status, current_balance, total_deposited, joined_at FROM rm_members WHERE dao_id = $1 AND lower(address) = lower($2)', [
      dao.daoId,
      address,
    ]);
    return rows[0] && { ...rows[0], current_balance: BigInt(rows[0].current_balance), total_deposited: BigInt(rows[0].total_deposited) };
  };

  /** The DAO's treasurer threshold as its read model (rm_daos) shows it. */
  const configuredThreshold = async () => {
    await catchUpReadModels(world);
    const { rows } = await world.db.pool.query<{ threshold: number }>(
      `SELECT (configuration->>'treasurerThreshold')::int AS threshold FROM rm_daos WHERE id = $1`,
      [dao.daoId],
    );
    return rows[0]?.threshold;
  };

  /** Mint, approve and deposit as signed raw transactions, so the very same transactions can be sent again. */
  const signedDeposit = async (account: PrivateKeyAccount, amount: bigint): Promise<Hex[]> => {
    const nonce = await world.clients.public.getTransactionCount({ address: account.address, blockTag: 'pending' });
    const calls: { to: Address; data: Hex }[] = [
      {
        to: world.devChain.testToken,
        data: encodeFunctionData({ abi: testTokenAbi, functionName: 'mint', args: [account.address, amount] }),
      },
      {
        to: world.devChain.testToken,
        data: encodeFunctionData({ abi: testTokenAbi, functionName: 'approve', args: [dao.contracts.vault, amount] }),
      },
      { to: dao.contracts.vault, data: encodeFunctionData({ abi: communityVaultAbi, functionName: 'deposit', args: [amount] }) },
    ];
    return Promise.all(
      calls.map(({ to, data }, i) =>
        account.signTransaction({
          type: 'eip1559',
          chainId: world.devChain.chainId,
          nonce: nonce + i,
          to,
          data,
          gas: 3_000_000n,
          maxFeePerGas: parseGwei('100'),
          maxPriorityFeePerGas: parseGwei('1'),
        }),
      ),
    );
  };
  const send = async (raw: readonly Hex[]): Promise<TransactionReceipt> => {
    let receipt: TransactionReceipt | undefined;
    for (const serializedTransaction of raw) {
      const hash = await world.clients.public.sendRawTransaction({ serializedTransaction });
      receipt = await world.clients.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    }
    return receipt!;
  };

  beforeAll(async () => {
    world = await startExecutionWorld();
    driver = await world.startDriver({ indexerConfirmations: CONFIRMATIONS });
    dao = await createDao(world);
    money = moneyOf(world, dao.contracts);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('retracts a deposit the new chain does not hold, records the one it does, and the read model follows', async () => {
    const [lost, kept] = world.treasurers;
    const snapshot = await world.clients.test.snapshot();
    const gone = await money.deposit(lost, parseEther('10'));
    await mine();
    await count('DepositConfirmed', gone.transactionHash, 1);
    expect(await member(lost.address)).toMatchObject({ status: 'ACTIVE', current_balance: parseEther('10') });

    // The blocks of that deposit are lost: the new chain holds another member's deposit instead.
    await world.clients.test.revert({ id: snapshot });
    const other = await money.deposit(kept, parseEther('7'));
    await mine(CONFIRMATIONS + 2);

    const [retraction] = await count('ChainFactRetracted', gone.transactionHash, 1);
    expect(retraction.data).toMatchObject({
      fact: 'DepositConfirmed',
      member: lost.address,
      amount: parseEther('10'),
      blockNumber: gone.blockNumber,
      blockHash: gone.blockHash,
      restored: { status: 'PENDING', joinedAt: null },
    });
    expect((retraction.data as { rewoundTo: bigint }).rewoundTo).toBeLessThan(gone.blockNumber);
    const [recorded] = await count('DepositConfirmed', other.transactionHash, 1);
    expect(recorded.data).toMatchObject({ member: kept.address, amount: parseEther('7'), blockHash: other.blockHash });

    expect(await member(lost.address)).toMatchObject({ status: 'PENDING', current_balance: 0n, total_deposited: 0n, joined_at: null });
    expect(await member(kept.address)).toMatchObject({ status: 'ACTIVE', current_balance: parseEther('7') });
    expect((await indexRow()).halted).toBeNull();
    // The vanished deposit stays retracted: it is never recorded again.
    await mine(3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await daoEvents('DepositConfirmed', gone.transactionHash)).toHaveLength(1);
    const { kept: projected, rebuilt } = await readModelsAndRebuild(world);
    expect(projected).toEqual(rebuilt);
  });

  it('records again, once, the same deposit mined again in a block of the new chain', async () => {
    const depositor = world.treasurers[2];
    const snapshot = await world.clients.test.snapshot();
    const raw = await signedDeposit(depositor, parseEther('4'));
    const first = await send(raw);
    await mine();
    await count('DepositConfirmed', first.transactionHash, 1);

    await world.clients.test.revert({ id: snapshot });
    await mine(2);
    const again = await send(raw);
    expect(again.transactionHash).toBe(first.transactionHash);
    expect(again.blockHash).not.toBe(first.blockHash);
    await mine(CONFIRMATIONS + 1);

    const deposits = await count('DepositConfirmed', first.transactionHash, 2);
    const retractions = await daoEvents('ChainFactRetracted', first.transactionHash);
    expect(retractions).toHaveLength(1);
    expect(retractions[0].data).toMatchObject({ blockHash: first.blockHash });
    expect(retractions[0].position).toBeGreaterThan(deposits[0].position);
    expect(deposits[1].position).toBeGreaterThan(retractions[0].position);
    expect(deposits[1].data).toMatchObject({ blockNumber: again.blockNumber, blockHash: again.blockHash, amount: parseEther('4') });

    await mine(3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await daoEvents('DepositConfirmed', first.transactionHash)).toHaveLength(2);
    expect(await member(depositor.address)).toMatchObject({ status: 'ACTIVE', current_balance: parseEther('4') });
    expect((await indexRow()).halted).toBeNull();
  });

  it("retracts a withdrawal the new chain does not hold, and the balance is the member's again", async () => {
    const kept = world.treasurers[1];
    const snapshot = await world.clients.test.snapshot();
    const wallet = world.clients.wallet(kept);
    const hash = await wallet.writeContract({
      address: dao.contracts.vault,
      abi: communityVaultAbi,
      functionName: 'withdraw',
      args: [parseEther('0.5')],
    });
    const receipt = await world.clients.public.waitForTransactionReceipt({ hash });
    await mine();
    await count('WithdrawalConfirmed', hash, 1);
    expect(await member(kept.address)).toMatchObject({ current_balance: parseEther('6.5') });

    await world.clients.test.revert({ id: snapshot });
    await mine(CONFIRMATIONS + 2);
    const [retraction] = await count('ChainFactRetracted', hash, 1);
    expect(retraction.data).toMatchObject({ fact: 'WithdrawalConfirmed', amount: parseEther('0.5'), blockHash: receipt.blockHash });
    expect(await member(kept.address)).toMatchObject({ status: 'ACTIVE', current_balance: parseEther('7') });
    expect((await indexRow()).halted).toBeNull();
  });

  it('a reorg deeper than the checkpoint remembers re-reads the chain from the deployment, and nothing changes twice', async () => {
    const balances = async () => Promise.all(world.treasurers.map(async (t) => (await member(t.address))?.current_balance));
    const before = await balances();
    const retractedBefore = (await daoEvents('ChainFactRetracted')).length;
    const confirmedBefore = (await daoEvents('DepositConfirmed')).length;
    // A checkpoint none of whose blocks is on the chain, as after a reorg deeper than its window.
    await driver.stop();
    const { checkpoint } = await indexRow();
    const bogus = { blockNumber: checkpoint!.blockNumber, blockHash: `0x${'ab'.repeat(32)}` };
    await world.db.pool.query('UPDATE chain_index SET checkpoint = $2 WHERE dao_id = $1', [
      dao.daoId,
      JSON.stringify({ ...bogus, recent: [bogus] }),
    ]);
    driver = await world.startDriver({ indexerConfirmations: CONFIRMATIONS });
    await mine();

    // Both live deposits (kept's, the re-mined one) are retracted and recorded again from the chain.
    const live = confirmedBefore - 2;
    await waitFor('every live deposit retracted and recorded again', async () =>
      (await daoEvents('ChainFactRetracted')).length === retractedBefore + live &&
      (await daoEvents('DepositConfirmed')).length === confirmedBefore + live
        ? true
        : undefined,
    );
    expect(await balances()).toEqual(before);
    expect((await indexRow()).halted).toBeNull();
  });

  it("retracts a Safe threshold change from a lost block: the treasury and the DAO's configuration follow the new chain", async () => {
    const { safe, chainId } = dao.contracts;
    const snapshot = await world.clients.test.snapshot();
    const nonce = await world.clients.public.readContract({ address: safe, abi: safeAbi, functionName: 'nonce' });
    const data = encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [3n] });
    const transaction = buildSafeTransaction({ calls: [{ to: safe, value: 0n, data }], nonce });
    const signers = world.treasurers.slice(0, 2);
    const signatures = await Promise.all(
      signers.map(async (t) => ({
        signer: t.address,
        data: await t.signTypedData(safeTransactionTypedData({ chainId, safe }, transaction)),
      })),
    );
    const wallet = world.clients.wallet(signers[0]);
    await executeSafeTransaction({ wallet, public: world.clients.public, safe, chainId, transaction, signatures });
    await mine();
    await waitFor('SafeThresholdChanged', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find((e) => e.type === 'SafeThresholdChanged'),
    );
    expect(await configuredThreshold()).toBe(3);
    const retracted = (await daoEvents('ChainFactRetracted')).length;

    await world.clients.test.revert({ id: snapshot });
    await mine(CONFIRMATIONS + 2);
    const retraction = await waitFor('TreasuryChainChangesRetracted', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find((e) => e.type === 'TreasuryChainChangesRetracted'),
    );
    expect(retraction.data).toMatchObject({ threshold: 2, chainPosition: null });
    expect((await world.store.load(streams.treasury.of(dao.daoId))).state).toMatchObject({ contracts: { threshold: 2 } });
    expect(await configuredThreshold()).toBe(2);
    // The deposits and withdrawals below the common ancestor stay.
    expect(await daoEvents('ChainFactRetracted')).toHaveLength(retracted);
    expect((await indexRow()).halted).toBeNull();
  });

  it("halts, saying why, when the chain does not hold the DAO's vault at all", async () => {
    await driver.stop();
    const { checkpoint, contracts } = await indexRow();
    const bogus = { blockNumber: checkpoint!.blockNumber, blockHash: `0x${'cd'.repeat(32)}` };
    await world.db.pool.query('UPDATE chain_index SET checkpoint = $2, contracts = $3, halted = NULL WHERE dao_id = $1', [
      dao.daoId,
      JSON.stringify({ ...bogus, recent: [bogus] }),
      JSON.stringify({ ...(contracts as object), vault: `0x${'12'.repeat(20)}` }),
    ]);
    const retracted = (await daoEvents('ChainFactRetracted')).length;
    driver = await world.startDriver({ indexerConfirmations: CONFIRMATIONS });
    await mine();
    const row = await waitFor('the halt', async () => ((await indexRow()).halted ? await indexRow() : undefined));
    expect(row.halted).toMatch(/^reorg deeper than the checkpoint remembers: .*the DAO's vault has no code on this chain/);
    expect(await daoEvents('ChainFactRetracted')).toHaveLength(retracted);
  });
});
