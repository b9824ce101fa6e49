// Runs on a private node (usePrivateRotatingPool): it reverts a snapshot before every test.
// The organiser's calls (the DAO's Safe; an EOA stands in for it here), and the typed helpers the worker sends
// the operator's calls with (libs/chain/src/rotating).
import { keccak256, toHex, zeroAddress } from 'viem';
import {
  beginRotatingPoolCall,
  claimDeferredCall,
  collectContributionCall,
  joinRotatingPoolCall,
  readCollected,
  readReleased,
  readRotatingPool,
  readSettled,
  releaseCall,
  sendRotatingPoolCall,
  settleRoundCall,
} from '../../libs/chain/src/rotating/rotating-pool-calls';
import { defaultTerms, poolEventsOf, usePrivateRotatingPool } from '../../test/chain/rotating-pool';
import { revertOf } from '../../test/chain/revert';

describe('RotatingPool organiser', () => {
  const chain = usePrivateRotatingPool({ members: 4 });
  const member = (i: number) => chain().members[i].address;
  const joinTwo = async () => {
    await chain().steps.join(chain().operator, member(0));
    await chain().steps.join(chain().operator, member(1));
  };

  describe('pause and resume', () => {
    it('records the reason, stops the operator, and lets it go on once resumed', async () => {
      const { steps, organiser, operator, pool } = chain();
      const paused = await steps.pause(organiser, 'a treasurer reported a dispute');
      expect(poolEventsOf(paused.logs, pool)).toEqual([{ eventName: 'PoolPaused', args: { reason: 'a treasurer reported a dispute' } }]);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'paused' })).toBe(true);
      expect((await revertOf(steps.join(operator, member(0)))).name).toBe('RotatingPoolIsPaused');
      const resumed = await steps.resume(organiser);
      expect(poolEventsOf(resumed.logs, pool)).toEqual([{ eventName: 'PoolResumed', args: undefined }]);
      await steps.join(operator, member(0));
    });

    describe('should revert', () => {
      it('unless the organiser calls', async () => {
        const { steps, organiser, operator } = chain();
        expect(await revertOf(steps.pause(operator, 'x'))).toEqual({ name: 'RotatingPoolUnauthorized', args: [operator.address] });
        await steps.pause(organiser, 'x');
        expect(await revertOf(steps.resume(operator))).toEqual({ name: 'RotatingPoolUnauthorized', args: [operator.address] });
      });
      it('resuming a pool that is not paused', async () => {
        expect((await revertOf(chain().steps.resume(chain().organiser))).name).toBe('RotatingPoolNotPaused');
      });
    });
  });

  describe('startWithOrder', () => {
    it('fixes the order and lets the operator begin before the pool is full', async () => {
      const { steps, organiser, operator, pool } = chain();
      await joinTwo();
      await steps.join(operator, member(2));
      const order = [member(2), member(0), member(1)];
      const receipt = await steps.startWithOrder(organiser, order);
      expect(poolEventsOf(receipt.logs, pool)).toEqual([{ eventName: 'OrganiserStarted', args: { order } }]);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'order' })).toEqual(order);
      await steps.begin(operator, (await steps.now()) + 100n);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'rounds' })).toBe(3n);
    });

    describe('should revert', () => {
      it('unless the organiser calls', async () => {
        await joinTwo();
        expect((await revertOf(chain().steps.startWithOrder(chain().operator, [member(0), member(1)]))).name).toBe(
          'RotatingPoolUnauthorized',
        );
      });
      it('for an order naming someone who did not join', async () => {
        await joinTwo();
        expect(await revertOf(chain().steps.startWithOrder(chain().organiser, [member(0), member(3)]))).toEqual({
          name: 'RotatingPoolNotMember',
          args: [member(3)],
        });
      });
      it('for an order naming a member twice, or leaving one out', async () => {
        const { steps, organiser, operator } = chain();
        await joinTwo();
        await steps.join(operator, member(2));
        for (const order of [
          [member(0), member(1), member(0)],
          [member(0), member(1)],
        ])
          expect((await revertOf(steps.startWithOrder(organiser, order))).name).toBe('RotatingPoolInvalidOrder');
      });
      it('with fewer than two members', async () => {
        const { steps, organiser, operator } = chain();
        await steps.join(operator, member(0));
        expect(await revertOf(steps.startWithOrder(organiser, [member(0)]))).toEqual({ name: 'RotatingPoolTooFewMembers', args: [1n] });
      });
      it('twice, or after the pool began', async () => {
        const { steps, organiser, operator } = chain();
        await joinTwo();
        await steps.startWithOrder(organiser, [member(1), member(0)]);
        expect((await revertOf(steps.startWithOrder(organiser, [member(0), member(1)]))).name).toBe('RotatingPoolOrderFixed');
        await steps.begin(operator, (await steps.now()) + 100n);
        expect((await revertOf(steps.startWithOrder(organiser, [member(0), member(1)]))).name).toBe('RotatingPoolAlreadyBegun');
      });
    });
  });

  describe('setOperator', () => {
    it('hands the operator role to a new relayer and takes it from the old one', async () => {
      const { steps, organiser, operator, outsider, pool } = chain();
      const receipt = await steps.setOperator(organiser, outsider.address);
      expect(poolEventsOf(receipt.logs, pool)).toEqual([
        { eventName: 'OperatorChanged', args: { previousOperator: operator.address, newOperator: outsider.address } },
      ]);
      expect(await revertOf(steps.join(operator, member(0)))).toEqual({ name: 'RotatingPoolUnauthorized', args: [operator.address] });
      await steps.join(outsider, member(0));
    });

    describe('should revert', () => {
      it('unless the organiser calls, or for the zero address', async () => {
        const { steps, organiser, operator } = chain();
        expect((await revertOf(steps.setOperator(operator, operator.address))).name).toBe('RotatingPoolUnauthorized');
        expect((await revertOf(steps.setOperator(organiser, zeroAddress))).name).toBe('RotatingPoolZeroAddress');
      });
    });
  });
});

describe('RotatingPool typed calls (libs/chain/src/rotating)', () => {
  const chain = usePrivateRotatingPool({ members: 2 });

  it('run a pool through join, begin, collect, settle and release, and read its progress back', async () => {
    const { clients, operator, pool, members, organiser } = chain();
    const wallet = clients.wallet(operator);
    const send = (call: Parameters<typeof sendRotatingPoolCall>[2]) => sendRotatingPoolCall(wallet, clients.public, call);
    const [a, b] = members.map((m) => m.address);
    await send(joinRotatingPoolCall(pool, a));
    await send(joinRotatingPoolCall(pool, b));
    const firstDueAt = (await chain().steps.now()) + 3600n;
    const begun = await send(beginRotatingPoolCall(pool, firstDueAt));
    expect(begun.blockNumber).toBe(begun.receipt.blockNumber);
    await send(collectContributionCall(pool, 0n, a));
    expect(await readCollected(clients.public, pool, 0n, a)).toBe(defaultTerms.contributionAmount);
    expect(await readCollected(clients.public, pool, 0n, b)).toBe(0n);
    await send(collectContributionCall(pool, 0n, b));
    expect(await readSettled(clients.public, pool, 0n)).toBe(false);
    await send(settleRoundCall(pool, 0n, [{ to: a, amount: 2n * defaultTerms.contributionAmount }], 0n));
    expect(await readSettled(clients.public, pool, 0n)).toBe(true);
    const key = keccak256(toHex('departure:b'));
    await send(releaseCall(pool, key, [{ to: b, amount: defaultTerms.collateralAmount }]));
    expect(await readReleased(clients.public, pool, key)).toBe(true);
    expect(await readRotatingPool(clients.public, pool)).toEqual({
      members: [a, b],
      rounds: 2n,
      roundsSettled: 1n,
      firstDueAt,
      paused: false,
      dissolved: false,
      totalDeferred: 0n,
    });
    // A call that reverts throws; the organiser's calls are plain calls too (the Safe sends them).
    await expect(send(collectContributionCall(pool, 0n, a))).rejects.toThrow();
    await expect(sendRotatingPoolCall(clients.wallet(organiser), clients.public, claimDeferredCall(pool))).rejects.toThrow();
  });
});
