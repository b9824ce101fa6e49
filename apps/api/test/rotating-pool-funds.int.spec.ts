import { collateralFor } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { erc20Abi, type Address } from 'viem';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { fundedAccounts } from '../../../test/chain/accounts';
import { startPrivateDevChain, type DevChainContext } from '../../../test/chain/dev-chain';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { TestSigner } from '../../../test/support/signing';
import type { RoscaActionView } from '../src/rotating-pools/shared/rosca-action.view';
import { labelled, POOL_CONFIG, roscaWorld, type RoscaWorld } from './rosca-writes.fixture';

const CONTRIBUTION = BigInt(POOL_CONFIG.contributionAmount);
const COLLATERAL = collateralFor({ ...POOL_CONFIG, contributionAmount: CONTRIBUTION });

/**
 * The join and early-payment pre-checks with the API connected to a chain: the member's allowance to the
 * pool's contract and balance of the DAO's token are read before anything is recorded.
 */
describe('Rotating pool requests checked against the chain', () => {
  let chain: DevChainContext & { stop(): Promise<void> };
  let api: TestApi;
  let world: RoscaWorld;
  let alice: TestSigner;
  let bob: TestSigner;
  let carol: TestSigner;
  let daoId: string;

  beforeAll(async () => {
    chain = await startPrivateDevChain();
    [alice, bob, carol] = (await fundedAccounts(chain.clients, 'rosca-pool-funds', 3)) as [TestSigner, TestSigner, TestSigner];
    api = await startTestApi({ RPC_URL: chain.devChain.rpcUrl });
    world = roscaWorld(api);
    daoId = await world.createDao([alice, bob, carol], { asset: chain.devChain.testToken });
    await world.deployTreasury(daoId, [alice]);
  });
  afterAll(async () => {
    await api?.close();
    await chain?.stop();
  });

  const send = async (who: TestSigner, functionName: 'approve' | 'mint', args: readonly [Address, bigint]) => {
    const wallet = chain.clients.wallet(who);
    const abi = functionName === 'mint' ? testTokenAbi : erc20Abi;
    const hash = await wallet.writeContract({ address: chain.devChain.testToken, abi, functionName, args } as Parameters<
      typeof wallet.writeContract
    >[0]);
    await chain.clients.public.waitForTransactionReceipt({ hash });
  };

  it('refuses a join until the member approved the pool for the collateral and holds it', async () => {
    const poolId = await world.createPool(daoId);
    await world.deployPool(poolId);
    const spender = labelled(`${poolId}:contract`);
    const before = await world.eventCount();
    const noAllowance = await world.signAndAct<Problem>(daoId, poolId, 'rosca-join', alice);
    expect(noAllowance.status).toBe(422);
    expect(noAllowance.body.code).toBe('ROSCA.ALLOWANCE_TOO_LOW');
    expect(noAllowance.body.detail).toContain(spender);
    expect(noAllowance.body.detail).toContain(COLLATERAL.toString());
    await send(alice, 'approve', [spender, COLLATERAL]);
    const noBalance = await world.signAndAct<Problem>(daoId, poolId, 'rosca-join', alice);
    expect(noBalance.status).toBe(422);
    expect(noBalance.body.code).toBe('ROSCA.BALANCE_TOO_LOW');
    expect(await world.eventCount()).toBe(before);
    await send(alice, 'mint', [alice.address, COLLATERAL]);
    const ok = await world.signAndAct<RoscaActionView>(daoId, poolId, 'rosca-join', alice);
    expect(ok.status).toBe(202);
  });

  it('refuses an early payment the member could not cover, then takes it', async () => {
    const poolId = await world.createPool(daoId, { collateralPercent: 0, memberCount: 2 });
    await world.deployPool(poolId);
    await world.joined(poolId, bob.address, 0n);
    await world.joined(poolId, carol.address, 0n);
    const spender = labelled(`${poolId}:contract`);
    const refused = await world.signAndAct<Problem>(daoId, poolId, 'rosca-payment', bob, { round: 0 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ROSCA.ALLOWANCE_TOO_LOW');
    expect(refused.body.errors?.[0].message).toContain(`spender ${spender} for at least ${CONTRIBUTION}`);
    await send(bob, 'approve', [spender, CONTRIBUTION]);
    await send(bob, 'mint', [bob.address, CONTRIBUTION]);
    expect((await world.signAndAct(daoId, poolId, 'rosca-payment', bob, { round: 0 })).status).toBe(202);
  });

  it('answers 503 and records nothing when the chain does not answer', async () => {
    const down = await startTestApi({ RPC_URL: 'http://127.0.0.1:9' }); // nothing listens there
    try {
      const downWorld = roscaWorld(down);
      const dao = await downWorld.createDao([alice], { asset: chain.devChain.testToken });
      await downWorld.deployTreasury(dao, [alice]);
      const poolId = await downWorld.createPool(dao);
      await downWorld.deployPool(poolId);
      const before = await downWorld.eventCount();
      const res = await downWorld.signAndAct<Problem>(dao, poolId, 'rosca-join', alice);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('CHAIN.UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(await downWorld.eventCount()).toBe(before);
    } finally {
      await down.close();
    }
  });
});
