import type { Address } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { startTestApi, TEST_ADMIN_KEY, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { ShareActionView } from '../src/share-pools/shared/share-action.view';
import { labelled } from './rosca-writes.fixture';
import { shareWorld, type ShareWorld } from './share-writes.fixture';

const [alice, bob, carol, eve] = labelledAccounts('share-actions', 4) as [TestSigner, TestSigner, TestSigner, TestSigner];

describe('Members acting on a share pool (signed)', () => {
  let api: TestApi;
  let world: ShareWorld;
  let daoId: string;
  let safe: Address;
  beforeAll(async () => {
    api = await startTestApi();
    world = shareWorld(api);
    daoId = await world.createDao([alice, bob, carol]);
    safe = await world.deployTreasury(daoId, [alice]);
  });
  afterAll(() => api.close());

  const deployedPool = async (config: Record<string, unknown> = {}) => {
    const poolId = await world.createSharePool(daoId, config);
    await world.deploySharePool(poolId);
    return poolId;
  };
  const types = (view: ShareActionView) => view.recorded.map((e) => e.type);

  describe('purchase', () => {
    it('records a purchase (202) naming the cost; a replay, a foreign signature, another DAO and an expired message are refused', async () => {
      const poolId = await deployedPool();
      const signed = await world.sign(daoId, 'share-purchase', { member: alice.address.toLowerCase(), pool: poolId, shares: 300 }, alice);
      const res = await world.actOn<ShareActionView>(daoId, poolId, 'share-purchase', signed);
      expect(res.status).toBe(202);
      expect(res.body.member).toBe(alice.address);
      expect(res.body.recorded).toEqual([
        {
          type: 'SharePurchaseRequested',
          data: expect.objectContaining({ buyer: alice.address, shares: 300, cost: '300000000000000000000' }),
        },
      ]);
      const replay = await world.actOn<Problem>(daoId, poolId, 'share-purchase', signed);
      expect(replay.status).toBe(409);
      expect(replay.body.code).toBe('SIGNATURE.REPLAYED');

      const forged = await world.sign(daoId, 'share-purchase', { member: bob.address, pool: poolId, shares: 1 }, eve);
      expect((await world.actOn<Problem>(daoId, poolId, 'share-purchase', forged)).body.code).toBe('SIGNATURE.INVALID');
      const other = await world.createDao([alice]);
      const elsewhere = await world.sign(daoId, 'share-purchase', { member: bob.address, pool: poolId, shares: 1 }, bob, {
        mutate: (m: Record<string, unknown>) => ({ ...m, dao: other }),
      });
      const wrongDao = await world.actOn<Problem>(daoId, poolId, 'share-purchase', elsewhere);
      expect([wrongDao.status, wrongDao.body.code]).toEqual([400, 'SIGNATURE.WRONG_DAO']);
      const expired = await world.sign(daoId, 'share-purchase', { member: bob.address, pool: poolId, shares: 1 }, bob, {
        mutate: (m: Record<string, unknown>) => ({ ...m, deadline: Math.floor(Date.now() / 1000) - 1 }),
      });
      expect((await world.actOn<Problem>(daoId, poolId, 'share-purchase', expired)).body.code).toBe('SIGNATURE.EXPIRED');
      const anotherPool = await deployedPool();
      const wrongPool = await world.actOn<Problem>(
        daoId,
        anotherPool,
        'share-purchase',
        await world.sign(daoId, 'share-purchase', { member: bob.address, pool: poolId, shares: 1 }, bob),
      );
      expect(wrongPool.body.code).toBe('SIGNATURE.WRONG_POOL');
      expect((await world.sharePoolState(poolId)).status).toBe('CREATED');
    });

    it('refuses what the access conditions refuse (allowlist; a minimum balance the API could not observe) and more than is available', async () => {
      const allowlisted = await deployedPool({ accessConditions: [{ kind: 'allowlist', addresses: [alice.address.toLowerCase()] }] });
      expect((await world.signAndActOn(daoId, allowlisted, 'share-purchase', alice, { shares: 10 })).status).toBe(202);
      const denied = await world.signAndActOn<Problem>(daoId, allowlisted, 'share-purchase', bob, { shares: 10 });
      expect([denied.status, denied.body.code]).toEqual([403, 'SHARE_POOL.ACCESS_DENIED']);
      expect(denied.body.detail).toContain('allowlist');
      const gated = await deployedPool({ accessConditions: [{ kind: 'minimumBalance', token: labelled('gov'), amount: '1' }] });
      const unobserved = await world.signAndActOn<Problem>(daoId, gated, 'share-purchase', alice, { shares: 1 });
      expect([unobserved.status, unobserved.body.code]).toEqual([403, 'SHARE_POOL.ACCESS_DENIED']);
      const tooMany = await world.signAndActOn<Problem>(daoId, allowlisted, 'share-purchase', alice, { shares: 7000 });
      expect([tooMany.status, tooMany.body.code]).toEqual([409, 'SHARE_POOL.NOT_ENOUGH_SHARES']);
    });

    it("takes only the DAO's active members on a private pool", async () => {
      const poolId = await deployedPool({ visibility: 'private' });
      const outsider = await world.signAndActOn<Problem>(daoId, poolId, 'share-purchase', eve, { shares: 1 });
      expect([outsider.status, outsider.body.code]).toEqual([403, 'SHARE_POOL.NOT_A_DAO_MEMBER']);
      expect((await world.signAndActOn(daoId, poolId, 'share-purchase', bob, { shares: 1 })).status).toBe(202);
      const publicPool = await deployedPool();
      expect((await world.signAndActOn(daoId, publicPool, 'share-purchase', eve, { shares: 1 })).status).toBe(202);
    });

    it('refuses before the contract is deployed (409, retry)', async () => {
      const poolId = await world.createSharePool(daoId);
      const res = await world.signAndActOn<Problem>(daoId, poolId, 'share-purchase', alice, { shares: 1 });
      expect([res.status, res.body.code]).toEqual([409, 'SHARE_POOL.NOT_DEPLOYED']);
    });
  });

  describe('join requests', () => {
    it('records a request; an admin rejects it; the Safe approves another by assigning shares', async () => {
      const poolId = await deployedPool({ wayToAccess: 'request', pricePerShare: undefined, purchaseToken: undefined });
      const asked = await world.signAndActOn<ShareActionView>(daoId, poolId, 'share-join', bob);
      expect([asked.status, ...types(asked.body)]).toEqual([201, 'SharePoolJoinRequested']);
      expect((await world.signAndActOn(daoId, poolId, 'share-join', carol)).status).toBe(201);
      const reject = await api.request<ShareActionView>(
        'POST',
        `/v1/daos/${daoId}/share-pools/${poolId}/join-requests/${bob.address.toLowerCase()}/rejection`,
        {
          admin: true,
          body: { reason: 'Not a resident' },
        },
      );
      expect(reject.status).toBe(201);
      expect(reject.body.recorded[0]).toMatchObject({
        type: 'JoinRequestRejected',
        data: { member: bob.address, rejectedBy: 'admin:platform' },
      });
      const events = await world.recordShare(poolId, safe, {
        type: 'AssignShares',
        data: { to: carol.address, shares: 250, txHash: `0x${'c'.repeat(64)}` },
      });
      expect(events.map((e) => e.type)).toEqual(['SharesAssigned', 'JoinRequestApproved']);
      const state = await world.sharePoolState(poolId);
      expect(state.status !== 'ABSENT' && state.holdings.get(carol.address)).toBe(250);
    });
  });

  describe('codes', () => {
    it('generates codes once (with QR images), redeems one; a wrong code burns nothing, a used code is refused', async () => {
      const poolId = await deployedPool({ wayToAccess: 'codes', pricePerShare: undefined, purchaseToken: undefined });
      const gen = await api.request<{ codes: { code: string; codeHash: string; shares: number; qrSvg: string }[] }>(
        'POST',
        `/v1/daos/${daoId}/share-pools/${poolId}/codes`,
        { admin: true, body: { count: 2, shares: 40 } },
      );
      expect(gen.status).toBe(201);
      expect(gen.body.codes).toHaveLength(2);
      const [one, two] = gen.body.codes as [(typeof gen.body.codes)[0], (typeof gen.body.codes)[0]];
      expect(one.qrSvg).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(one.qrSvg.split(',')[1], 'base64').toString()).toContain('<svg');
      const logged = (await api.db.pool.query<{ data: string }>(`SELECT data::text FROM events WHERE type = 'ShareCodesGenerated'`)).rows;
      expect(logged.some((r) => r.data.includes(one.codeHash))).toBe(true);
      expect(logged.some((r) => r.data.includes(one.code) || r.data.includes(two.code))).toBe(false);

      const wrong = await world.signAndActOn<Problem>(daoId, poolId, 'share-code', bob, { code: `${one.code}x` });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'SHARE_POOL.UNKNOWN_CODE']);
      const redeemed = await world.signAndActOn<ShareActionView>(daoId, poolId, 'share-code', bob, { code: one.code });
      expect(redeemed.status).toBe(202);
      expect(redeemed.body.recorded[0]).toMatchObject({
        type: 'ShareCodeRedeemed',
        data: { codeHash: one.codeHash, member: bob.address, shares: 40 },
      });
      expect(JSON.stringify(redeemed.body)).not.toContain(one.code);
      const used = await world.signAndActOn<Problem>(daoId, poolId, 'share-code', carol, { code: one.code });
      expect([used.status, used.body.code]).toEqual([409, 'SHARE_POOL.CODE_USED']);
      const revoked = await api.request('POST', `/v1/daos/${daoId}/share-pools/${poolId}/codes/revocations`, {
        admin: true,
        body: { codeHashes: [two.codeHash] },
      });
      expect(revoked.status).toBe(201);
      expect((await world.signAndActOn<Problem>(daoId, poolId, 'share-code', carol, { code: two.code })).body.code).toBe(
        'SHARE_POOL.CODE_USED',
      );
    });

    it('draws a code as SVG or PNG by Accept, from the body', async () => {
      const poolId = await deployedPool({ wayToAccess: 'codes', pricePerShare: undefined, purchaseToken: undefined });
      const path = `/v1/daos/${daoId}/share-pools/${poolId}/codes/qr`;
      const svg = await api.request<string>('POST', path, { admin: true, body: { code: 'kX3v9QeTz0b6rJw1mYc2Lg' } });
      expect(svg.status).toBe(200);
      expect(svg.headers.get('content-type')).toContain('image/svg+xml');
      expect(svg.body).toContain('<svg');
      const png = await fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { accept: 'image/png', 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: JSON.stringify({ code: 'kX3v9QeTz0b6rJw1mYc2Lg' }),
      });
      expect(png.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const text = await api.request<Problem>('POST', path, {
        admin: true,
        body: { code: 'kX3v9QeTz0b6rJw1mYc2Lg' },
        headers: { accept: 'text/html' },
      });
      expect(text.status).toBe(406);
      expect((await api.request('POST', path, { body: { code: 'kX3v9QeTz0b6rJw1mYc2Lg' } })).status).toBe(401);
    });
  });

  describe('transfers, crowdfunding and staking', () => {
    it('refuses a transfer where the pool does not allow it, and takes one where it does', async () => {
      const closed = await deployedPool();
      await world.signAndActOn(daoId, closed, 'share-purchase', alice, { shares: 10 });
      await world.confirm(closed, 'purchase-0', 5);
      const refused = await world.signAndActOn<Problem>(daoId, closed, 'share-transfer', alice, { to: bob.address, shares: 5 });
      expect([refused.status, refused.body.code]).toEqual([403, 'SHARE_POOL.TRANSFERS_NOT_ALLOWED']);
      const open = await deployedPool({ transfersAllowed: true });
      await world.signAndActOn(daoId, open, 'share-purchase', alice, { shares: 10 });
      await world.confirm(open, 'purchase-0', 6);
      const moved = await world.signAndActOn<ShareActionView>(daoId, open, 'share-transfer', alice, {
        to: bob.address.toLowerCase(),
        shares: 5,
      });
      expect(moved.status).toBe(202);
      expect(moved.body.recorded[0]).toMatchObject({
        type: 'ShareTransferRequested',
        data: { from: alice.address, to: bob.address, shares: 5 },
      });
      const tooMany = await world.signAndActOn<Problem>(daoId, open, 'share-transfer', alice, { to: carol.address, shares: 6 });
      expect(tooMany.body.code).toBe('SHARE_POOL.NOT_ENOUGH_SHARES');
    });

    it('takes a crowdfunding contribution, and stakes and unstakes', async () => {
      const crowd = await deployedPool({
        wayToAccess: 'crowdfunding',
        pricePerShare: undefined,
        crowdfunding: { target: '1000', deadline: new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z') },
      });
      const contributed = await world.signAndActOn<ShareActionView>(daoId, crowd, 'share-contribution', bob, { amount: '400' });
      expect(contributed.status).toBe(202);
      expect(types(contributed.body)).toEqual(['ContributionRequested']);
      const wrongWay = await world.signAndActOn<Problem>(daoId, crowd, 'share-stake', bob, { amount: '1' });
      expect(wrongWay.body.code).toBe('SHARE_POOL.WRONG_WAY_IN');

      const staking = await deployedPool({
        wayToAccess: 'staking',
        pricePerShare: undefined,
        purchaseToken: undefined,
        staking: { token: labelled('stake-token'), ratePerTokenSecond: '11574074074074' },
      });
      const staked = await world.signAndActOn<ShareActionView>(daoId, staking, 'share-stake', carol, { amount: '1000000000000000000' });
      expect([staked.status, ...types(staked.body)]).toEqual([202, 'StakeRequested']);
      await world.confirm(staking, 'stake-0', 9);
      const unstaked = await world.signAndActOn<ShareActionView>(daoId, staking, 'share-unstake', carol, { amount: '1000000000000000000' });
      expect([unstaked.status, ...types(unstaked.body)]).toEqual([202, 'UnstakeRequested']);
      const nothing = await world.signAndActOn<Problem>(daoId, staking, 'share-unstake', bob, { amount: '1' });
      expect(nothing.status).toBeGreaterThanOrEqual(400);
      expect(nothing.status).toBeLessThan(500);
    });
  });
});
