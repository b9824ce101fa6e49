// Runs on a private node (usePrivateSharePool): a snapshot is reverted before each test.
import { createPublicClient, http, type PublicClient } from 'viem';
import { key, usePrivateSharePool } from '../../../../test/chain/share-pool';
import { PoolUnitsUnaccountedError, readPoolUnitsAt } from './read-pool-units';

describe('readPoolUnitsAt', () => {
  const chain = usePrivateSharePool({ members: 3 });

  it("reads every unit as it was at the block asked, finding holders the candidates miss in the contract's own records", async () => {
    const { pool, operator, creator, members, clients } = chain();
    const [a, b, c] = members.map((m) => m.address);
    await pool.steps.buy(operator, a, 2_000n, key('units-a'));
    const then = await pool.steps.buy(operator, b, 1_500n, key('units-b'));
    // Later movements change nothing about that block.
    await pool.steps.buy(operator, c, 500n, key('units-c'));
    await pool.steps.transfer(operator, a, c, 1_000n, key('units-move'));
    const params = { gdaPool: pool.gdaPool, poolContract: pool.address, fromBlock: 0n };
    const atThen = await readPoolUnitsAt(clients.public, { ...params, candidates: [b], blockNumber: then.blockNumber });
    expect(atThen).toEqual({
      blockNumber: then.blockNumber,
      totalUnits: 10_000n,
      available: 3_500n,
      holders: [
        { holder: b, units: 1_500n },
        { holder: creator.address, units: 3_000n },
        { holder: a, units: 2_000n },
      ],
    });
    const now = await clients.public.getBlockNumber();
    const latest = await readPoolUnitsAt(clients.public, { ...params, candidates: [a, b, c, creator.address], blockNumber: now });
    expect(latest.holders.map((h) => [h.holder, h.units])).toEqual([
      [a, 1_000n],
      [b, 1_500n],
      [c, 1_500n],
      [creator.address, 3_000n],
    ]);
    expect(latest.available).toBe(3_000n);
  });

  it('throws when the chain cannot answer, so that the caller tries again later (never a guess)', async () => {
    const { pool, clients } = chain();
    const blockNumber = await clients.public.getBlockNumber();
    const down = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0, timeout: 2_000 }) }) as PublicClient;
    const read = readPoolUnitsAt(down, { gdaPool: pool.gdaPool, poolContract: pool.address, candidates: [], blockNumber, fromBlock: 0n });
    await expect(read).rejects.toThrow();
    await expect(read).rejects.not.toBeInstanceOf(PoolUnitsUnaccountedError);
  });
});
