import type { Address } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { sharePoolsProjection } from '../../worker/src/projections/shares/share-pools.projection';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { HolderStatementView } from '../src/share-pools/reads/holder-statement';
import type { SharePoolView } from '../src/share-pools/reads/share-pool.view';
import { shareWorld, txHash, type ShareWorld } from './share-writes.fixture';

const [alice, bob, carol] = labelledAccounts('share-reads', 3) as [TestSigner, TestSigner, TestSigner];
const TOKEN = 10n ** 18n;

/** Every row of the share-pool read models, in a stable order, as text. */
const dump = async (api: TestApi) => {
  const tables = { rm_share_pools: 'pool_id', rm_share_holders: 'pool_id, holder', rm_share_distributions: 'pool_id, index' };
  const out: Record<string, string[]> = {};
  for (const [table, order] of Object.entries(tables))
    out[table] = (await api.db.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY ${order}`)).rows.map(
      (r) => r.row,
    );
  return out;
};

/**
 * The seed's example: $1,000 distributed over holders of 3,000 (the creator), 2,000, 1,500 and 500 shares, 3,000 still
 * available: 300 / 200 / 150 / 50 to the holders, 300 kept by the pool's contract.
 */
describe('Share pool reads and holder statements', () => {
  let api: TestApi;
  let world: ShareWorld;
  let daoId: string;
  let safe: Address;
  let poolId: string;
  let beforeDistribution: string;
  const lastPosition = async () => (await api.db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p;

  beforeAll(async () => {
    api = await startTestApi();
    world = shareWorld(api);
    daoId = await world.createDao([alice, bob, carol]);
    safe = await world.deployTreasury(daoId, [alice]);
    poolId = await world.createSharePool(daoId, { transfersAllowed: true });
    await world.deploySharePool(poolId);
    const buys: [TestSigner, number][] = [
      [alice, 2000],
      [bob, 1500],
      [carol, 500],
    ];
    for (const [i, [who, shares]] of buys.entries()) {
      expect((await world.signAndActOn(daoId, poolId, 'share-purchase', who, { shares })).status).toBe(202);
      await world.confirm(poolId, `purchase-${i}`, 10 + i);
    }
    beforeDistribution = await lastPosition();
    await world.recordShare(poolId, safe, {
      type: 'RecordDistribution',
      data: { distribution: { kind: 'instant', amount: 1000n * TOKEN + 9_999n }, txHash: txHash(20) },
    });
    await world.project();
  });
  afterAll(() => api.close());

  it('shows holders, available shares, the state and the distribution, to the wei', async () => {
    const res = await api.request<SharePoolView>('GET', `/v1/daos/${daoId}/share-pools/${poolId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'DISTRIBUTING',
      available: 3000,
      holderCount: 4,
      proceeds: (4000n * TOKEN).toString(),
      keptByPool: (300n * TOKEN).toString(),
      crowdfunding: null,
      staking: null,
    });
    // No worker has read the pool's GDA pool here: each holder's payout is unknown (null), not guessed.
    expect(res.body.holders).toEqual([
      { address: safe, shares: 3000, payout: null },
      { address: alice.address, shares: 2000, payout: null },
      { address: bob.address, shares: 1500, payout: null },
      { address: carol.address, shares: 500, payout: null },
    ]);
    expect(res.body.distributions).toEqual([
      expect.objectContaining({
        kind: 'instant',
        amount: (1000n * TOKEN + 9_999n).toString(),
        paid: (700n * TOKEN).toString(),
        kept: (300n * TOKEN).toString(),
        leftWithDistributor: '9999',
      }),
    ]);
  });

  it("answers a holder's statement exactly, addressed in any case and answered checksummed, with asOf", async () => {
    const path = `/v1/daos/${daoId}/share-pools/${poolId}/holders/${bob.address.toLowerCase()}/statement`;
    const res = await api.request<HolderStatementView>('GET', path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      holder: bob.address,
      shares: 1500,
      decimals: 18,
      total: (150n * TOKEN).toString(),
      totalDecimal: '150',
    });
    expect(res.body.lines).toEqual([
      expect.objectContaining({
        round: 0,
        kind: 'instant',
        shares: 1500,
        amount: (150n * TOKEN).toString(),
        amountDecimal: '150',
        txHash: txHash(20),
      }),
    ]);
    const before = await api.request<HolderStatementView>('GET', `${path}?asOf=${beforeDistribution}`);
    expect(before.body).toMatchObject({ shares: 1500, lines: [], total: '0' });
    const bad = await api.request<Problem>('GET', `/v1/daos/${daoId}/share-pools/${poolId}/holders/0x123/statement`);
    expect(bad.status).toBe(400);
  });

  it('exports the statement as CSV (Accept or .csv), amounts in wei and in tokens', async () => {
    const base = `/v1/daos/${daoId}/share-pools/${poolId}/holders/${carol.address}/statement`;
    const byRoute = await api.request<string>('GET', `${base}.csv`);
    const byAccept = await api.request<string>('GET', base, { headers: { accept: 'text/csv' } });
    expect(byRoute.status).toBe(200);
    expect(byRoute.headers.get('content-type')).toContain('text/csv');
    expect(byAccept.body).toBe(byRoute.body);
    const [header, row, end] = byRoute.body.split('\r\n');
    expect(header).toBe('pool,holder,round,index,kind,shares,amount_wei,amount,token,at,until,tx_hash');
    expect(row.split(',').slice(0, 8)).toEqual([poolId, carol.address, '0', '0', 'instant', '500', (50n * TOKEN).toString(), '50']);
    expect(end).toBe('');
  });

  it('answers the same from the log (asOf) as from the read model, and a rebuild gives the same rows', async () => {
    const path = `/v1/daos/${daoId}/share-pools/${poolId}`;
    const projected = await api.request<SharePoolView>('GET', path);
    const folded = await api.request<SharePoolView>('GET', `${path}?asOf=${await lastPosition()}`);
    expect({ ...folded.body, asOf: null }).toEqual({ ...projected.body, asOf: null });
    const rows = await dump(api);
    expect(rows.rm_share_holders).toHaveLength(4);
    expect(rows.rm_share_distributions).toHaveLength(1);
    await world.runner.rebuild(sharePoolsProjection);
    expect(await dump(api)).toEqual(rows);
  });
});
