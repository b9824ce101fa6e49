// Runs on a private node (usePrivateSharePool): it sets block times and reverts a snapshot before each test.
// The seed's $1,000 example on the real GDA: creator 3,000 shares, A 2,000, B 1,500, C 500, 3,000 unallocated.
// A distribution pays each holder shares/10,000 of it and the unallocated part accrues to the pool's contract;
// a stream pays each holder its units × the per-unit flow rate.
import { tokens, usePrivateSharePool, key } from '../../test/chain/share-pool';
import { gdaForwarderAbi } from '@ayllu/chain';

const MONTH = 30n * 86_400n;

describe('SharePool distributions (the seed example)', () => {
  const chain = usePrivateSharePool({ members: 3 });
  const holders = () => {
    const { creator, members } = chain();
    return [
      { who: creator, shares: 3_000n },
      { who: members[0], shares: 2_000n },
      { who: members[1], shares: 1_500n },
      { who: members[2], shares: 500n },
    ];
  };

  beforeEach(async () => {
    const { pool, operator, members } = chain();
    await pool.steps.buy(operator, members[0].address, 2_000n, key('buy-a'));
    await pool.steps.buy(operator, members[1].address, 1_500n, key('buy-b'));
    await pool.steps.grant(operator, members[2].address, 500n, key('grant-c'));
  });

  it('holds the seed’s shares and units: 3,000 / 2,000 / 1,500 / 500, 3,000 unallocated', async () => {
    const { pool } = chain();
    for (const { who, shares } of holders()) {
      expect(await pool.steps.sharesOf(who.address)).toBe(shares);
      expect(await pool.steps.unitsOf(who.address)).toBe(shares);
    }
    expect([await pool.steps.available(), await pool.steps.unitsOf(pool.address), await pool.steps.totalUnits()]).toEqual([
      3_000n,
      3_000n,
      10_000n,
    ]);
  });

  it('pays exactly 300 / 200 / 150 / 50 of an instant 1,000 and keeps 300 in the pool contract', async () => {
    const { pool, distributor, members } = chain();
    await pool.steps.fundSuperTokens(distributor, tokens(1_000));
    await pool.steps.connect(members[0]); // connected: paid straight into the balance
    await pool.steps.distribute(distributor, tokens(1_000));
    for (const { who } of holders().filter((h) => h.who !== members[0])) await pool.steps.claimAll(who.address); // the others claim
    expect(await Promise.all(holders().map(({ who }) => pool.steps.superBalance(who.address)))).toEqual([
      tokens(300),
      tokens(200),
      tokens(150),
      tokens(50),
    ]);
    expect(await pool.steps.superBalance(pool.address)).toBe(tokens(300));
    expect(await pool.steps.superBalance(distributor.address)).toBe(0n);
  });

  it('moves only whole multiples of the 10,000 units; what does not divide stays with the distributor', async () => {
    const { pool, distributor } = chain();
    const amount = tokens(1_000) + 9_999n;
    await pool.steps.fundSuperTokens(distributor, amount);
    await pool.steps.distribute(distributor, amount);
    expect(await pool.steps.superBalance(distributor.address)).toBe(9_999n);
    expect(await pool.steps.superBalance(pool.address)).toBe(tokens(300));
  });

  it('streams each holder its units × the per-unit rate, the unallocated part to the pool contract', async () => {
    const { pool, distributor, clients, devChain } = chain();
    const requested = tokens(1_000) / MONTH;
    const perUnit = requested / 10_000n;
    for (const { who } of holders()) await pool.steps.connect(who);
    await pool.steps.fundSuperTokens(distributor, tokens(10_000));
    const started = await pool.steps.distributeFlow(distributor, requested);
    const t0 = await pool.steps.blockTime(started.blockNumber);
    const actual = await clients.public.readContract({
      address: devChain.superfluid.gdaV1Forwarder,
      abi: gdaForwarderAbi,
      functionName: 'getFlowDistributionFlowRate',
      args: [devChain.testSuperToken, distributor.address, pool.gdaPool],
    });
    expect(actual).toBe(perUnit * 10_000n);

    const N = 86_400n;
    await pool.steps.nextBlockAt(t0 + N);
    await clients.test.mine({ blocks: 1 });
    for (const { who, shares } of holders()) expect(await pool.steps.superBalance(who.address)).toBe(shares * perUnit * N);
    expect(await pool.steps.superBalance(pool.address)).toBe(3_000n * perUnit * N);
  });
});
