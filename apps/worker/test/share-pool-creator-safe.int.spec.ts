import { deploySharePool, devChainProfile, readSharesOf, sharePoolSalt, superTokenAbi, type SelectedNetwork } from '@ayllu/chain';
import { sharePoolDecider, streams, type DaoContracts, type SharePoolCommand } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { nonceManager, parseEther, zeroAddress, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import { chainKeyOf, sharePoolAbi } from '../src/shares/share-pool-contract';
import { catchUpReadModels, createDao, eventsOf, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';
import { sharePools } from './share-pools-harness';

jest.setTimeout(300_000);

const ADMIN_KEY = 'share-creator-test-admin-key-0123456789';

interface CreatorTxView {
  readonly safeTxHash: string;
  readonly purpose: string;
  readonly status: string;
  readonly poolId: string | null;
  readonly organiserAction: string | null;
  readonly description: string[];
  readonly failureReason: string | null;
}

/**
 * A share pool's creator is the DAO's Safe: a DAO admin asks for an assignment or a distribution over the API, the
 * Safe transaction (the pool's `assign`, or the GDAv1Forwarder's `distribute`) is queued, two treasurers sign it,
 * the worker executes it, and the pool's stream records it with the Safe as actor. The SharePool is deployed here
 * with the chain helper (creator = the Safe, operator = the relayer) and its deployment recorded, as the worker's
 * pool process does.
 */
describe("Share pools: the creator's actions through the DAO's Safe", () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let poolId: string;
  let poolContract: Address;
  const member = () => world.founders[0].address;

  const act = async (body: Record<string, unknown>, pool = poolId) => {
    const response = await fetch(`${base}/v1/daos/${dao.daoId}/share-pools/${pool}/creator-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const record = async (actor: string, command: Omit<SharePoolCommand, 'metadata'>) => {
    const now = new Date().toISOString();
    await world.store.handle(
      { sharePool: streams.sharePool.of(poolId) },
      ({ sharePool }) => ({ sharePool: sharePoolDecider.decide({ ...command, metadata: { now, actor } } as SharePoolCommand, sharePool) }),
      { context: { actor, correlationId: 'test', occurredAt: now } },
    );
  };
  const poolEvents = () => eventsOf(world.store, streams.sharePool.of(poolId).streamId);
  const queueAndSign = async (body: Record<string, unknown>) => {
    const queued = await act(body);
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as CreatorTxView;
    const treasurers = treasurersOf(world, base, dao);
    for (const owner of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);
    return tx;
  };

  beforeAll(async () => {
    world = await startExecutionWorld();
    const profile = devChainProfile(world.devChain);
    const network: SelectedNetwork = { profile, rpcUrl: world.devChain.rpcUrl, source: 'test' };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY, network });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);

    const created = await fetch(`${base}/v1/daos/${dao.daoId}/share-pools`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ name: 'Community solar', ticker: 'SOLAR', wayToAccess: 'request', creatorShares: 3000 }),
    });
    expect(created.status).toBe(201);
    poolId = ((await created.json()) as { poolId: string }).poolId;

    const relayer = privateKeyToAccount(world.relayerKey);
    const deployed = await deploySharePool({
      wallet: world.clients.wallet(relayer),
      client: world.clients.public,
      salt: sharePoolSalt(poolId),
      config: {
        purchaseToken: zeroAddress,
        distributionToken: dao.contracts.payoutToken,
        gdaForwarder: dao.contracts.gdaForwarder,
        creator: dao.contracts.safe,
        operator: relayer.address,
        creatorShares: 3000n,
        pricePerShare: 0n,
        transfersAllowed: false,
        maxParticipants: 0n,
        crowdfundingTarget: 0n,
        crowdfundingDeadline: 0n,
        stakingToken: zeroAddress,
        stakingRate: 0n,
      },
    });
    poolContract = deployed.address;
    await record('system:worker', {
      type: 'RecordSharePoolDeployment',
      data: { address: deployed.address, gdaPool: deployed.gdaPool, txHash: deployed.txHash, blockNumber: deployed.blockNumber },
    });
    await record(member(), { type: 'RequestToJoinSharePool', data: { member: member() } });
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('refuses what the pool would refuse the Safe now, queuing nothing', async () => {
    expect(await act({ action: 'assign', to: member(), shares: 7001 })).toMatchObject({
      status: 409,
      body: { code: 'SHARE_POOL.NOT_ENOUGH_SHARES' },
    });
    expect(await act({ action: 'stream', flowRate: '0' })).toMatchObject({ status: 409, body: { code: 'SHARE_POOL.NO_STREAM' } });
    expect(await act({ action: 'assign', shares: 1 })).toMatchObject({ status: 400 });
    const treasury = await world.store.load(streams.treasury.of(dao.daoId));
    expect(treasury.state.status === 'Deployed' && treasury.state.transactions.size).toBe(0);
  });

  it("assign approves the member's request: executed by the Safe, shares on chain, recorded with the Safe as actor", async () => {
    const tx = await queueAndSign({ action: 'assign', to: member().toLowerCase(), shares: 500 });
    expect(tx).toMatchObject({ purpose: 'share_pool_creator', poolId, organiserAction: 'assign' });
    expect(tx.description.join('\n')).toContain(`Assign 500 shares of share pool ${poolId} to ${member()} (assign on ${poolContract})`);
    const approved = await waitFor('JoinRequestApproved', async () => (await poolEvents()).find((e) => e.type === 'JoinRequestApproved'));
    expect(approved.data).toMatchObject({ member: member(), shares: 500, approvedBy: dao.contracts.safe });
    const assigned = (await poolEvents()).find((e) => e.type === 'SharesAssigned');
    expect(assigned?.data).toMatchObject({
      to: member(),
      shares: 500,
      assignedBy: dao.contracts.safe,
      txHash: (approved.data as { txHash: string }).txHash,
    });
    expect(await readSharesOf(world.clients.public, poolContract, member())).toBe(500n);
    const state = (await world.store.load(streams.sharePool.of(poolId))).state;
    expect(state.status !== 'ABSENT' && [state.available, state.joinRequests.size]).toEqual([6500, 0]);
  });

  it("distribute: the Safe pays through the GDA forwarder; the ledger is recorded, the pool's contract keeps its part", async () => {
    await moneyOf(world, dao.contracts).fundSafe(world.treasurers[0], parseEther('1000'));
    await queueAndSign({ action: 'distribute', amount: parseEther('1000').toString() });
    const recorded = await waitFor('DistributionRecorded', async () => (await poolEvents()).find((e) => e.type === 'DistributionRecorded'));
    expect(recorded.data).toMatchObject({ recordedBy: dao.contracts.safe, round: 0, index: 0 });
    const ledger = (recorded.data as { ledger: unknown }).ledger as { kept: bigint; payments: { holder: string; amount: bigint }[] };
    expect(ledger.kept).toBe(parseEther('650'));
    expect(ledger.payments.find((p) => p.holder === member())?.amount).toBe(parseEther('50'));
    const held = await world.clients.public.readContract({
      address: dao.contracts.payoutToken,
      abi: superTokenAbi,
      functionName: 'balanceOf',
      args: [poolContract],
    });
    expect(held).toBe(parseEther('650'));
  });

  it("a distribution executed while a purchase is under way is recorded from the chain's units: each ledger line is what the wallet received, to the wei", async () => {
    const pools = sharePools(world, dao.daoId, dao.contracts);
    const buyPool = await pools.create();
    const buyContract = await pools.contractOf(buyPool);
    const buyer = world.founders[1];
    await pools.fundAndApprove(buyer, buyContract);
    const amount = parseEther('1000') + 7n;
    await moneyOf(world, dao.contracts).fundSafe(world.treasurers[0], amount);
    // Queued (and half signed) while nothing moves: a distribution is not proposed while shares move.
    const queued = await act({ action: 'distribute', amount: amount.toString() }, buyPool);
    expect(queued.status).toBe(201);
    const { safeTxHash } = queued.body as unknown as CreatorTxView;
    const treasurers = treasurersOf(world, base, dao);
    expect((await treasurers.sign(world.treasurers[0], safeTxHash)).status).toBe(200);

    // A purchase the worker carried out on chain and has not confirmed in the log yet: another worker holds its key.
    const key = `purchase-${(await pools.state(buyPool)).nextKey}`;
    const callKey = `share-action:${dao.contracts.chainId}:${buyPool}:${key}`;
    await world.db.pool.query(
      `INSERT INTO chain_calls (key, kind, dao_id, status, lease_owner, leased_until)
       VALUES ($1, 'share-pool:purchase', $2, 'intended', 'another-worker', now() + interval '1 hour')`,
      [callKey, dao.daoId],
    );
    await pools.run(buyPool, 'RequestSharePurchase', { buyer: buyer.address, shares: 100 }, buyer.address);
    const operator = world.clients.wallet(privateKeyToAccount(world.relayerKey, { nonceManager }));
    const bought = await world.clients.public.waitForTransactionReceipt({
      hash: await operator.writeContract({
        address: buyContract,
        abi: sharePoolAbi,
        functionName: 'buy',
        args: [buyer.address, 100n, chainKeyOf(buyPool, key)],
      }),
    });
    expect(bought.status).toBe('success');
    expect((await pools.state(buyPool)).pending.has(key)).toBe(true);

    const holders = [dao.contracts.safe, buyer.address, buyContract];
    const before = await Promise.all(holders.map((h) => pools.superBalance(h)));
    expect((await treasurers.sign(world.treasurers[1], safeTxHash)).status).toBe(200);
    const recorded = await pools.waitForEvent(buyPool, 'DistributionRecorded');
    const executed = await waitFor('the Safe transaction executed', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find(
        (e) => e.type === 'SafeTransactionExecuted' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
      ),
    );
    const { txHash } = executed.data as { txHash: Hex };
    const receipt = await world.clients.public.getTransactionReceipt({ hash: txHash });
    expect(recorded.data).toMatchObject({
      txHash,
      recordedBy: dao.contracts.safe,
      chainBlock: receipt.blockNumber,
      holdingsDisagreement: [{ holder: buyer.address, log: 0, chain: 100 }],
    });
    const ledger = recorded.data.ledger;
    if (ledger.kind !== 'instant') throw new Error('expected an instant ledger');
    const perUnit = amount / 10_000n;
    expect(ledger.payments).toEqual([
      { holder: dao.contracts.safe, shares: 3_000, amount: perUnit * 3_000n },
      { holder: buyer.address, shares: 100, amount: perUnit * 100n },
    ]);
    expect([ledger.kept, ledger.leftWithDistributor]).toEqual([perUnit * 6_900n, 7n]);
    // What each wallet and the pool's contract actually received (claimed for those not connected).
    for (const h of [dao.contracts.safe, buyer.address]) await pools.claimAll(buyPool, h);
    const received = await Promise.all(holders.map(async (h, i) => (await pools.superBalance(h)) - before[i]));
    expect(received).toEqual([ledger.payments[0].amount - (amount - ledger.leftWithDistributor), ledger.payments[1].amount, ledger.kept]);

    // The purchase is confirmed once its key is free again, and the log then agrees with the chain.
    await world.db.pool.query('UPDATE chain_calls SET leased_until = now() WHERE key = $1', [callKey]);
    await pools.waitForEvent(buyPool, 'SharesPurchased', (d) => d.key === key && d.txHash === bought.transactionHash);
    await pools.expectAgreement(buyPool);
    await catchUpReadModels(world);
    const statement = await fetch(`${base}/v1/daos/${dao.daoId}/share-pools/${buyPool}/holders/${buyer.address}/statement`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(statement.status).toBe(200);
    expect(await statement.json()).toMatchObject({
      shares: 100,
      total: (perUnit * 100n).toString(),
      lines: [{ kind: 'instant', shares: 100, amount: (perUnit * 100n).toString(), txHash }],
      disagreements: [{ round: 0, index: 0, log: 0, chain: 100, txHash }],
    });
  });
});
