// Runs on a private node (usePrivateRotatingPool): it reverts a snapshot before every test.
// The operator's calls: who may make them, in which state, in which order, and the events and transfers they make.
import { keccak256, toHex, zeroAddress, type Address } from 'viem';
import { rotatingPoolAbi } from '../abi/rotating-pool';
import { deployRotatingPool } from '../../libs/chain/src/rotating/deploy-rotating-pool';
import { DAY, defaultTerms, poolEventsOf, usePrivateRotatingPool } from '../../test/chain/rotating-pool';
import { revertOf } from '../../test/chain/revert';

const { contributionAmount: C, collateralAmount: COLLATERAL } = defaultTerms;

describe('RotatingPool', () => {
  const chain = usePrivateRotatingPool({ members: 5 });
  const member = (i: number) => chain().members[i].address;
  const read = <F extends 'roundsSettled' | 'rounds' | 'members' | 'paused' | 'dissolved' | 'available'>(functionName: F) =>
    chain().steps.read.readContract({ ...chain().steps.target, functionName });
  const roundKey = (round: bigint) => chain().steps.read.readContract({ ...chain().steps.target, functionName: 'roundKey', args: [round] });

  /** Four members joined and the rounds begun, round 0 due a day from now. */
  const begun = async (count = 4) => {
    const { steps, operator } = chain();
    for (let i = 0; i < count; i++) await steps.join(operator, member(i));
    const firstDueAt = (await steps.now()) + BigInt(DAY);
    await steps.begin(operator, firstDueAt);
    return firstDueAt;
  };
  const collectAll = async (round: bigint, count = 4) => {
    for (let i = 0; i < count; i++) await chain().steps.collect(chain().operator, round, member(i));
  };

  describe('construction', () => {
    it('keeps its terms and roles', async () => {
      const { steps, token, organiser, operator, feeRecipient } = chain();
      const view = (functionName: 'terms' | 'token' | 'organiser' | 'operator' | 'feeRecipient') =>
        steps.read.readContract({ ...steps.target, functionName });
      expect(await view('terms')).toEqual(defaultTerms);
      expect([await view('token'), await view('organiser'), await view('operator'), await view('feeRecipient')]).toEqual([
        token,
        organiser.address,
        operator.address,
        feeRecipient.address,
      ]);
    });

    it.each([
      ['a member count of 1', { memberCount: 1 }, 'memberCount'],
      ['a member count of 51', { memberCount: 51 }, 'memberCount'],
      ['a zero contribution', { contributionAmount: 0n }, 'contributionAmount'],
      ['a zero interval', { intervalSeconds: 0n }, 'intervalSeconds'],
      ['a penalty rate above 100%', { penaltyRateBps: 10_001 }, 'penaltyRateBps'],
    ])('refuses %s', async (_, terms, field) => {
      const { clients, token, organiser, operator, feeRecipient } = chain();
      const deploying = deployRotatingPool({
        wallet: clients.wallet(operator),
        client: clients.public,
        token,
        organiser: organiser.address,
        operator: operator.address,
        feeRecipient: feeRecipient.address,
        terms: { ...defaultTerms, ...terms },
      });
      expect(await revertOf(deploying, rotatingPoolAbi)).toEqual({ name: 'RotatingPoolInvalidTerms', args: [field] });
    });

    it('refuses a zero address in a role', async () => {
      const { clients, token, organiser, operator } = chain();
      const deploying = deployRotatingPool({
        wallet: clients.wallet(operator),
        client: clients.public,
        token,
        organiser: organiser.address,
        operator: operator.address,
        feeRecipient: zeroAddress,
        terms: defaultTerms,
      });
      expect((await revertOf(deploying, rotatingPoolAbi)).name).toBe('RotatingPoolZeroAddress');
    });
  });

  describe('join', () => {
    it('adds the member and pulls their collateral', async () => {
      const { steps, operator, pool } = chain();
      const before = await steps.tokenBalance(member(0));
      const receipt = await steps.join(operator, member(0));
      expect(poolEventsOf(receipt.logs, pool)).toEqual([
        { eventName: 'MemberJoined', args: { member: member(0), collateral: COLLATERAL } },
      ]);
      expect(await steps.tokenBalance(pool)).toBe(COLLATERAL);
      expect(await steps.tokenBalance(member(0))).toBe(before - COLLATERAL);
      expect(await read('members')).toEqual([member(0)]);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'isMember', args: [member(0)] })).toBe(true);
    });

    describe('should revert', () => {
      it('unless the operator calls', async () => {
        const { steps, organiser, outsider } = chain();
        for (const by of [organiser, outsider, chain().members[0]])
          expect(await revertOf(steps.join(by, member(0)))).toEqual({ name: 'RotatingPoolUnauthorized', args: [by.address] });
      });
      it('for a member joining twice', async () => {
        const { steps, operator } = chain();
        await steps.join(operator, member(0));
        expect(await revertOf(steps.join(operator, member(0)))).toEqual({ name: 'RotatingPoolAlreadyMember', args: [member(0)] });
      });
      it('beyond the capacity', async () => {
        const { steps, operator } = chain();
        for (let i = 0; i < 4; i++) await steps.join(operator, member(i));
        expect(await revertOf(steps.join(operator, member(4)))).toEqual({ name: 'RotatingPoolFull', args: [4n] });
      });
      it('after the pool began', async () => {
        await begun(2);
        expect((await revertOf(chain().steps.join(chain().operator, member(2)))).name).toBe('RotatingPoolAlreadyBegun');
      });
      it('after the organiser fixed the order', async () => {
        const { steps, operator, organiser } = chain();
        await steps.join(operator, member(0));
        await steps.join(operator, member(1));
        await steps.startWithOrder(organiser, [member(1), member(0)]);
        expect((await revertOf(steps.join(operator, member(2)))).name).toBe('RotatingPoolOrderFixed');
      });
      it('while paused', async () => {
        const { steps, operator, organiser } = chain();
        await steps.pause(organiser, 'audit');
        expect((await revertOf(steps.join(operator, member(0)))).name).toBe('RotatingPoolIsPaused');
      });
      it('for the zero address', async () => {
        expect((await revertOf(chain().steps.join(chain().operator, zeroAddress))).name).toBe('RotatingPoolZeroAddress');
      });
    });
  });

  describe('begin', () => {
    it('begins as many rounds as members', async () => {
      const { steps, operator, pool } = chain();
      for (let i = 0; i < 3; i++) await steps.join(operator, member(i));
      const firstDueAt = (await steps.now()) + 1000n;
      const receipt = await steps.begin(operator, firstDueAt);
      expect(poolEventsOf(receipt.logs, pool)).toEqual([{ eventName: 'Began', args: { firstDueAt, rounds: 3n } }]);
      expect(await read('rounds')).toBe(3n);
      const dueAt = (round: bigint) => steps.read.readContract({ ...steps.target, functionName: 'dueAt', args: [round] });
      expect(await dueAt(2n)).toBe(firstDueAt + 2n * defaultTerms.intervalSeconds);
    });

    describe('should revert', () => {
      it('with fewer than two members', async () => {
        const { steps, operator } = chain();
        await steps.join(operator, member(0));
        expect(await revertOf(steps.begin(operator, 1n))).toEqual({ name: 'RotatingPoolTooFewMembers', args: [1n] });
      });
      it('twice', async () => {
        await begun(2);
        expect((await revertOf(chain().steps.begin(chain().operator, 1n))).name).toBe('RotatingPoolAlreadyBegun');
      });
      it('unless the operator calls', async () => {
        const { steps, operator, organiser } = chain();
        await steps.join(operator, member(0));
        await steps.join(operator, member(1));
        expect((await revertOf(steps.begin(organiser, 1n))).name).toBe('RotatingPoolUnauthorized');
      });
      it('for a zero due date, and for due dates before it', async () => {
        const { steps, operator } = chain();
        await steps.join(operator, member(0));
        await steps.join(operator, member(1));
        expect(await revertOf(steps.begin(operator, 0n))).toEqual({ name: 'RotatingPoolInvalidTerms', args: ['firstDueAt'] });
        const dueAt = steps.read.readContract({ ...steps.target, functionName: 'dueAt', args: [0n] });
        expect((await revertOf(dueAt)).name).toBe('RotatingPoolNotBegun');
      });
    });
  });

  describe('collect', () => {
    it('pulls the contribution of the open round once, stamped with the block time', async () => {
      const { steps, operator, pool } = chain();
      await begun();
      const before = await steps.tokenBalance(member(1));
      const receipt = await steps.collect(operator, 0n, member(1));
      const { timestamp } = await steps.read.getBlock({ blockNumber: receipt.blockNumber });
      expect(poolEventsOf(receipt.logs, pool)).toEqual([
        { eventName: 'ContributionCollected', args: { round: 0n, member: member(1), amount: C, penalty: 0n, timestamp } },
      ]);
      expect(await steps.tokenBalance(member(1))).toBe(before - C);
      const collected = (who: Address) => steps.read.readContract({ ...steps.target, functionName: 'collected', args: [0n, who] });
      expect([await collected(member(1)), await collected(member(0))]).toEqual([C, 0n]);
    });

    describe('should revert', () => {
      it('before the pool began', async () => {
        const { steps, operator } = chain();
        await steps.join(operator, member(0));
        expect((await revertOf(steps.collect(operator, 0n, member(0)))).name).toBe('RotatingPoolNotBegun');
      });
      it('twice for the same member and round', async () => {
        await begun();
        await chain().steps.collect(chain().operator, 0n, member(0));
        expect(await revertOf(chain().steps.collect(chain().operator, 0n, member(0)))).toEqual({
          name: 'RotatingPoolAlreadyCollected',
          args: [0n, member(0)],
        });
      });
      it('for a round other than the open one', async () => {
        await begun();
        expect(await revertOf(chain().steps.collect(chain().operator, 1n, member(0)))).toEqual({
          name: 'RotatingPoolWrongRound',
          args: [1n, 0n],
        });
      });
      it('for someone who did not join', async () => {
        await begun();
        expect(await revertOf(chain().steps.collect(chain().operator, 0n, member(4)))).toEqual({
          name: 'RotatingPoolNotMember',
          args: [member(4)],
        });
      });
      it('unless the operator calls, or while paused', async () => {
        const { steps, operator, organiser } = chain();
        await begun();
        expect((await revertOf(steps.collect(chain().members[0], 0n, member(0)))).name).toBe('RotatingPoolUnauthorized');
        await steps.pause(organiser, 'dispute');
        expect((await revertOf(steps.collect(operator, 0n, member(0)))).name).toBe('RotatingPoolIsPaused');
      });
    });
  });

  describe('settle', () => {
    it('pays the recipients and the fee, and opens the next round', async () => {
      const { steps, operator, pool, feeRecipient, organiser } = chain();
      await begun();
      await collectAll(0n);
      const pot = 4n * C;
      const fee = pot / 100n;
      const payments = [
        { to: member(2), amount: pot - fee - 10n },
        { to: organiser.address, amount: 10n },
      ];
      const before = await steps.tokenBalance(member(2));
      const receipt = await steps.settle(operator, 0n, payments, fee);
      const key = await roundKey(0n);
      expect(poolEventsOf(receipt.logs, pool)).toEqual([
        { eventName: 'RoundSettled', args: { round: 0n, totalPaid: pot - fee, fee, yieldRecognised: 0n } },
        { eventName: 'Paid', args: { key, to: member(2), amount: pot - fee - 10n } },
        { eventName: 'Paid', args: { key, to: organiser.address, amount: 10n } },
      ]);
      expect(await steps.tokenBalance(member(2))).toBe(before + pot - fee - 10n);
      expect(await steps.tokenBalance(feeRecipient.address)).toBe(fee);
      expect(await steps.tokenBalance(pool)).toBe(4n * COLLATERAL);
      expect(await read('roundsSettled')).toBe(1n);
      const settled = (round: bigint) => steps.read.readContract({ ...steps.target, functionName: 'settled', args: [round] });
      expect([await settled(0n), await settled(1n)]).toEqual([true, false]);
      await steps.collect(operator, 1n, member(0));
    });

    describe('should revert', () => {
      it('for a settled round, or one after the open round', async () => {
        const { steps, operator } = chain();
        await begun();
        await steps.settle(operator, 0n, [], 0n);
        expect(await revertOf(steps.settle(operator, 0n, [], 0n))).toEqual({ name: 'RotatingPoolWrongRound', args: [0n, 1n] });
        expect(await revertOf(steps.settle(operator, 2n, [], 0n))).toEqual({ name: 'RotatingPoolWrongRound', args: [2n, 1n] });
      });
      it('once every round is settled, as collect does', async () => {
        const { steps, operator } = chain();
        await begun(2);
        await steps.settle(operator, 0n, [], 0n);
        await steps.settle(operator, 1n, [], 0n);
        expect((await revertOf(steps.settle(operator, 2n, [], 0n))).name).toBe('RotatingPoolAllRoundsSettled');
        expect((await revertOf(steps.collect(operator, 2n, member(0)))).name).toBe('RotatingPoolAllRoundsSettled');
      });
      it('for a recipient who is neither a member nor the organiser', async () => {
        const { steps, operator, outsider } = chain();
        await begun();
        await collectAll(0n);
        expect(await revertOf(steps.settle(operator, 0n, [{ to: outsider.address, amount: C }], 0n))).toEqual({
          name: 'RotatingPoolUnknownRecipient',
          args: [outsider.address],
        });
        expect((await revertOf(steps.settle(operator, 0n, [{ to: member(4), amount: C }], 0n))).name).toBe('RotatingPoolUnknownRecipient');
      });
      it('for a zero payment', async () => {
        await begun();
        expect((await revertOf(chain().steps.settle(chain().operator, 0n, [{ to: member(0), amount: 0n }], 0n))).name).toBe(
          'RotatingPoolZeroAmount',
        );
      });
      it('for payments beyond what the pool holds', async () => {
        const { steps, operator } = chain();
        await begun();
        const held = 4n * COLLATERAL;
        expect(await revertOf(steps.settle(operator, 0n, [{ to: member(0), amount: held + 1n }], 0n))).toEqual({
          name: 'RotatingPoolInsufficientFunds',
          args: [held + 1n, held],
        });
      });
      it('for a fee above 10% of what the pool holds', async () => {
        const { steps, operator } = chain();
        await begun();
        const max = (4n * COLLATERAL) / 10n;
        expect(await revertOf(steps.settle(operator, 0n, [], max + 1n))).toEqual({ name: 'RotatingPoolFeeTooHigh', args: [max + 1n, max] });
        await steps.settle(operator, 0n, [], max);
      });
      it('before the pool began, or unless the operator calls', async () => {
        const { steps, operator, organiser } = chain();
        expect((await revertOf(steps.settle(operator, 0n, [], 0n))).name).toBe('RotatingPoolNotBegun');
        await begun();
        expect((await revertOf(steps.settle(organiser, 0n, [], 0n))).name).toBe('RotatingPoolUnauthorized');
      });
      it('not while paused: a round the log settled before the pause is carried out', async () => {
        const { steps, operator, organiser } = chain();
        await begun();
        await steps.pause(organiser, 'dispute');
        await steps.settle(operator, 0n, [], 0n);
        expect(await steps.read.readContract({ ...steps.target, functionName: 'settled', args: [0n] })).toBe(true);
      });
    });
  });

  describe('release', () => {
    const key = keccak256(toHex('departure:member-1'));

    it('pays a departure once under its key', async () => {
      const { steps, operator, pool } = chain();
      await begun();
      const receipt = await steps.release(operator, key, [{ to: member(1), amount: COLLATERAL }]);
      expect(poolEventsOf(receipt.logs, pool)).toEqual([
        { eventName: 'Released', args: { key, total: COLLATERAL } },
        { eventName: 'Paid', args: { key, to: member(1), amount: COLLATERAL } },
      ]);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'released', args: [key] })).toBe(true);
      expect(await revertOf(steps.release(operator, key, [{ to: member(1), amount: 1n }]))).toEqual({
        name: 'RotatingPoolAlreadyReleased',
        args: [key],
      });
    });

    describe('should revert', () => {
      it('for an unknown recipient, beyond the funds, or unless the operator calls (a pause does not stop it)', async () => {
        const { steps, operator, organiser, outsider } = chain();
        await begun();
        expect((await revertOf(steps.release(operator, key, [{ to: outsider.address, amount: 1n }]))).name).toBe(
          'RotatingPoolUnknownRecipient',
        );
        expect((await revertOf(steps.release(operator, key, [{ to: member(0), amount: 4n * COLLATERAL + 1n }]))).name).toBe(
          'RotatingPoolInsufficientFunds',
        );
        expect((await revertOf(steps.release(outsider, key, [{ to: member(0), amount: 1n }]))).name).toBe('RotatingPoolUnauthorized');
        await steps.pause(organiser, 'dispute');
        await steps.release(operator, key, [{ to: member(0), amount: 1n }]);
      });
    });
  });

  describe('dissolve', () => {
    it('refunds exactly what the pool holds, then refuses every operator and organiser call', async () => {
      const { steps, operator, organiser, pool } = chain();
      await begun();
      await collectAll(0n);
      await steps.pause(organiser, 'members voted to dissolve');
      const refunds = [0, 1, 2, 3].map((i) => ({ to: member(i), amount: COLLATERAL + C - 1n }));
      refunds.push({ to: organiser.address, amount: 4n });
      const receipt = await steps.dissolve(operator, refunds);
      const events = poolEventsOf(receipt.logs, pool);
      expect(events[0]).toEqual({ eventName: 'Dissolved', args: { total: 4n * (COLLATERAL + C) } });
      const dissolutionKey = await steps.read.readContract({ ...steps.target, functionName: 'DISSOLUTION_KEY' });
      expect(events.slice(1)).toEqual(refunds.map(({ to, amount }) => ({ eventName: 'Paid', args: { key: dissolutionKey, to, amount } })));
      expect(await steps.tokenBalance(pool)).toBe(0n);
      expect(await read('dissolved')).toBe(true);

      for (const call of [
        () => steps.join(operator, member(4)),
        () => steps.begin(operator, 1n),
        () => steps.collect(operator, 0n, member(0)),
        () => steps.settle(operator, 0n, [], 0n),
        () => steps.release(operator, keccak256('0x01'), []),
        () => steps.dissolve(operator, []),
        () => steps.resume(organiser),
        () => steps.pause(organiser, 'again'),
        () => steps.setOperator(organiser, organiser.address),
      ])
        expect((await revertOf(call())).name).toBe('RotatingPoolIsDissolved');
    });

    describe('should revert', () => {
      it('unless paused', async () => {
        await begun();
        expect((await revertOf(chain().steps.dissolve(chain().operator, []))).name).toBe('RotatingPoolNotPaused');
      });
      it('when the refunds add up to less or more than the pool holds', async () => {
        const { steps, operator, organiser } = chain();
        await begun();
        await steps.pause(organiser, 'dissolving');
        const held = 4n * COLLATERAL;
        for (const total of [held - 1n, held + 1n])
          expect(await revertOf(steps.dissolve(operator, [{ to: member(0), amount: total }]))).toEqual({
            name: 'RotatingPoolRefundsMismatch',
            args: [total, held],
          });
      });
      it('for an unknown recipient, or unless the operator calls', async () => {
        const { steps, operator, organiser, outsider } = chain();
        await begun();
        await steps.pause(organiser, 'dissolving');
        const all = [{ to: outsider.address, amount: 4n * COLLATERAL }];
        expect((await revertOf(steps.dissolve(operator, all))).name).toBe('RotatingPoolUnknownRecipient');
        expect((await revertOf(steps.dissolve(organiser, [{ to: member(0), amount: 4n * COLLATERAL }]))).name).toBe(
          'RotatingPoolUnauthorized',
        );
      });
    });

    it('works before the pool began (a pool that never filled)', async () => {
      const { steps, operator, organiser } = chain();
      await steps.join(operator, member(0));
      await steps.pause(organiser, 'never filled');
      await steps.dissolve(operator, [{ to: member(0), amount: COLLATERAL }]);
      expect(await steps.tokenBalance(chain().pool)).toBe(0n);
    });
  });
});
