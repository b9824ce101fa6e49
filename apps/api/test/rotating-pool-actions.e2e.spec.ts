import { lotteryCommitment, type Address, type Hash } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type SignedActionName, type TestSigner } from '../../../test/support/signing';
import type { RoscaActionView } from '../src/rotating-pools/shared/rosca-action.view';
import { roscaWorld, type RoscaWorld } from './rosca-writes.fixture';

const [alice, bob, carol, eve] = labelledAccounts('rosca-actions', 4) as [TestSigner, TestSigner, TestSigner, TestSigner];
const secretOf = (who: TestSigner): Hash => `0x${who.address.slice(2).toLowerCase().padEnd(64, '7')}`;

describe('Members acting on a rotating pool (signed)', () => {
  let api: TestApi;
  let world: RoscaWorld;
  let daoId: string;
  let safe: Address;
  beforeAll(async () => {
    api = await startTestApi();
    world = roscaWorld(api);
    daoId = await world.createDao([alice, bob, carol]);
    safe = await world.deployTreasury(daoId, [alice]);
  });
  afterAll(() => api.close());

  /** A deployed pool whose `members` asked to join over HTTP and whose collateral the worker pulled. */
  const poolWith = async (members: readonly TestSigner[], config: Record<string, unknown> = {}, commitments = false) => {
    const poolId = await world.createPool(daoId, { collateralPercent: 0, memberCount: members.length, ...config });
    await world.deployPool(poolId);
    for (const m of members) {
      const commitment = commitments ? { commitment: lotteryCommitment(secretOf(m), m.address) } : {};
      expect((await world.signAndAct(daoId, poolId, 'rosca-join', m, commitment)).status).toBe(202);
      await world.joined(poolId, m.address, 0n);
    }
    return poolId;
  };
  const act = <T = RoscaActionView>(poolId: string, action: SignedActionName, who: TestSigner, fields: Record<string, unknown> = {}) =>
    world.signAndAct<T>(daoId, poolId, action, who, fields);
  const types = (view: RoscaActionView) => view.recorded.map((e) => e.type);

  it('reveals lottery secrets; the last reveal draws the order and starts the pool', async () => {
    const poolId = await poolWith([alice, bob], { rotationMethod: 'lottery' }, true);
    const wrong = await act<Problem>(poolId, 'rosca-reveal', alice, { secret: secretOf(bob) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ROSCA.REVEAL_MISMATCH');
    const first = await act(poolId, 'rosca-reveal', alice, { secret: secretOf(alice) });
    expect(first.status).toBe(201);
    expect(types(first.body)).toEqual(['LotterySecretRevealed']);
    const last = await act(poolId, 'rosca-reveal', bob, { secret: secretOf(bob) });
    expect(last.status).toBe(201);
    expect(types(last.body)).toEqual(['LotterySecretRevealed', 'RotatingPoolStarted']);
    expect(last.body.poolStatus).toBe('ACTIVE');
    expect(last.body.recorded[1].data).toMatchObject({ draw: { members: [alice.address, bob.address] } });
  });

  it('records order votes; a majority for one order starts a consensus pool', async () => {
    const poolId = await poolWith([alice, bob], { rotationMethod: 'consensus' });
    const partial = await act<Problem>(poolId, 'rosca-order-vote', alice, { order: [alice.address, carol.address] });
    expect(partial.status).toBe(422);
    expect(partial.body.code).toBe('ROSCA.INVALID_ORDER');
    const order = [bob.address.toLowerCase(), alice.address];
    const first = await act(poolId, 'rosca-order-vote', alice, { order });
    expect(first.status).toBe(201);
    expect(first.body.recorded[0].data).toMatchObject({ order: [bob.address, alice.address] });
    const second = await act(poolId, 'rosca-order-vote', bob, { order });
    expect(types(second.body)).toEqual(['RotationOrderVoted', 'RotatingPoolStarted']);
    expect(second.body.poolStatus).toBe('ACTIVE');
    const late = await act<Problem>(poolId, 'rosca-order-vote', bob, { order });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ROSCA.NOT_FORMING');
  });

  it('takes an early payment request for the open round (202); refuses another round, a non-member and a DAO outsider', async () => {
    const poolId = await poolWith([alice, bob]);
    const paid = await act(poolId, 'rosca-payment', alice, { round: 0 });
    expect(paid.status).toBe(202);
    expect(paid.body.recorded).toEqual([
      { type: 'EarlyPaymentRequested', data: expect.objectContaining({ member: alice.address, round: 0 }) },
    ]);
    const wrongRound = await act<Problem>(poolId, 'rosca-payment', bob, { round: 1 });
    expect(wrongRound.status).toBe(409);
    expect(wrongRound.body.code).toBe('ROSCA.WRONG_ROUND');
    for (const outsider of [carol, eve]) {
      const res = await act<Problem>(poolId, 'rosca-payment', outsider, { round: 0 });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ROSCA.NOT_A_MEMBER');
    }
  });

  it('takes one bid per member and round in a bidding pool; other pools take none', async () => {
    const poolId = await poolWith([alice, bob], { rotationMethod: 'bidding' });
    const bid = await act(poolId, 'rosca-bid', alice, { round: 0, discountBps: 500 });
    expect(bid.status).toBe(201);
    expect(bid.body.recorded[0]).toMatchObject({ type: 'BidPlaced', data: { member: alice.address, round: 0, discountBps: 500 } });
    const again = await act<Problem>(poolId, 'rosca-bid', alice, { round: 0, discountBps: 100 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ROSCA.ALREADY_BID');
    const plain = await poolWith([alice, bob]);
    const refused = await act<Problem>(plain, 'rosca-bid', bob, { round: 0, discountBps: 100 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROSCA.NOT_BIDDING');
  });

  it('refuses a bid whose signed fields are out of range (400 naming them)', async () => {
    const poolId = await poolWith([alice, bob], { rotationMethod: 'bidding' });
    const body = await world.sign(daoId, 'rosca-bid', { member: alice.address, pool: poolId, round: 0, discountBps: 1 }, alice);
    const res = await world.act<Problem>(daoId, poolId, 'rosca-bid', {
      ...body,
      message: { ...body.message, round: -1, discountBps: 70000 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['message.round', 'message.discountBps']));
  });

  it('lets a member leave an active pool; refuses where exits are not allowed', async () => {
    const poolId = await poolWith([alice, bob, carol]);
    const exit = await act(poolId, 'rosca-exit', carol);
    expect(exit.status).toBe(201);
    expect(exit.body.recorded[0]).toMatchObject({ type: 'RotatingPoolMemberDeparted', data: { member: carol.address, reason: 'exit' } });
    const twice = await act<Problem>(poolId, 'rosca-exit', carol);
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('ROSCA.NOT_A_MEMBER');
    const locked = await poolWith([alice, bob], { allowEmergencyExit: false });
    const refused = await act<Problem>(locked, 'rosca-exit', alice);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROSCA.EXIT_NOT_ALLOWED');
  });

  it('takes dissolution votes only while paused; a majority dissolves the pool', async () => {
    const poolId = await poolWith([alice, bob, carol]);
    const early = await act<Problem>(poolId, 'rosca-dissolution-vote', alice);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ROSCA.NOT_IN_EMERGENCY');
    await world.record(poolId, safe, { type: 'PauseRotatingPool', data: { reason: 'treasurer away' } });
    const first = await act(poolId, 'rosca-dissolution-vote', alice);
    expect(first.status).toBe(201);
    expect(first.body.poolStatus).toBe('EMERGENCY');
    const second = await act(poolId, 'rosca-dissolution-vote', bob);
    expect(types(second.body)).toEqual(['DissolutionVoted', 'RotatingPoolDissolved']);
    expect(second.body.poolStatus).toBe('DISSOLVED');
  });

  it('refuses replays and messages signed by someone else on every action route', async () => {
    const poolId = await poolWith([alice, bob], { rotationMethod: 'bidding' });
    const body = await world.sign(daoId, 'rosca-bid', { member: alice.address, pool: poolId, round: 0, discountBps: 5 }, alice);
    expect((await world.act(daoId, poolId, 'rosca-bid', body)).status).toBe(201);
    const replay = await world.act<Problem>(daoId, poolId, 'rosca-bid', body);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SIGNATURE.REPLAYED');
    for (const [action, fields] of [
      ['rosca-payment', { round: 0 }],
      ['rosca-exit', {}],
      ['rosca-dissolution-vote', {}],
      ['rosca-reveal', { secret: secretOf(bob) }],
      ['rosca-order-vote', { order: [alice.address, bob.address] }],
    ] as const) {
      const forged = await world.sign(daoId, action, { member: bob.address, pool: poolId, ...fields }, alice);
      const res = await world.act<Problem>(daoId, poolId, action, forged);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SIGNATURE.INVALID');
    }
  });
});
