// Runs on a private node (usePrivateSharePool): it reverts a snapshot before each test.
// The share pool's setup and its direct ways in: buy, grant, the creator's assignment and transfers, with every
// operator/creator/pause/cap guard; GDA units follow shares on both sides of every change.
import { getAddress, zeroAddress } from 'viem';
import { deploySharePool, sharePoolSalt } from '@ayllu/chain';
import { sharePoolAbi } from '../abi/share-pool';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { revertOf } from '../../test/chain/revert';
import { key, shareEventsOf, tokens, usePrivateSharePool } from '../../test/chain/share-pool';

describe('SharePool', () => {
  const chain = usePrivateSharePool({ members: 4 });
  const member = (i: number) => chain().members[i];

  describe('deployment', () => {
    it('gives the creator its allocation and the pool the rest, as shares and as GDA units totalling 10,000', async () => {
      const { pool, creator } = chain();
      const { steps } = pool;
      expect(await steps.sharesOf(creator.address)).toBe(3_000n);
      expect(await steps.available()).toBe(7_000n);
      expect(await steps.holders()).toEqual([getAddress(creator.address)]);
      expect(await steps.unitsOf(creator.address)).toBe(3_000n);
      expect(await steps.unitsOf(pool.address)).toBe(7_000n);
      expect(await steps.totalUnits()).toBe(10_000n);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'totalShares' })).toBe(10_000n);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'gdaPool' })).toBe(pool.gdaPool);
      expect(await steps.read.readContract({ ...steps.target, functionName: 'config' })).toEqual(pool.config);
    });

    it('lands where predicted by the pool id, and refuses a second deployment with the same salt', async () => {
      const { clients, operator, defaultConfig } = chain();
      await expect(
        deploySharePool({
          wallet: clients.wallet(operator),
          client: clients.public,
          config: defaultConfig,
          salt: sharePoolSalt('default'),
        }),
      ).rejects.toThrow(/already deployed/);
    });

    describe('should revert', () => {
      it.each([
        ['creatorShares above 10,000', { creatorShares: 10_001n }, 'SharePoolInvalidConfig', ['creatorShares']],
        ['a price without a purchase token', { purchaseToken: zeroAddress }, 'SharePoolInvalidConfig', ['purchaseToken']],
        [
          'a crowdfunding deadline in the past',
          { crowdfundingTarget: 1n, crowdfundingDeadline: 1n },
          'SharePoolInvalidConfig',
          ['crowdfundingDeadline'],
        ],
        ['a deadline without a target', { crowdfundingDeadline: 1n }, 'SharePoolInvalidConfig', ['crowdfundingDeadline']],
        ['a staking rate without a token', { stakingToken: zeroAddress }, 'SharePoolInvalidConfig', ['staking']],
        ['no operator', { operator: zeroAddress }, 'SharePoolZeroAddress', []],
      ] as const)('with %s', async (_, overrides, name, args) => {
        const { clients, operator, defaultConfig } = chain();
        const config = { ...defaultConfig, ...overrides };
        // The factory swallows the constructor's error: simulate the constructor itself to read it.
        const { bytecode } = loadAylluArtifact('src/SharePool.sol', 'SharePool');
        expect(
          await revertOf(clients.wallet(operator).deployContract({ abi: sharePoolAbi, bytecode, args: [config] }), sharePoolAbi),
        ).toEqual({
          name,
          args,
        });
        await expect(
          deploySharePool({ wallet: clients.wallet(operator), client: clients.public, config, salt: sharePoolSalt('bad') }),
        ).rejects.toThrow();
      });
    });
  });

  describe('buy', () => {
    it('pulls shares × price from the buyer to the creator and moves the shares and units', async () => {
      const { pool, operator, creator } = chain();
      const { steps } = pool;
      const buyer = member(0).address;
      const [buyerBefore, creatorBefore] = [await steps.purchaseBalance(buyer), await steps.purchaseBalance(creator.address)];
      const receipt = await steps.buy(operator, buyer, 2_000n, key('buy-1'));
      expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
        { eventName: 'SharesBought', args: { buyer: getAddress(buyer), shares: 2_000n, cost: tokens(200), key: key('buy-1') } },
      ]);
      expect(buyerBefore - (await steps.purchaseBalance(buyer))).toBe(tokens(200));
      expect((await steps.purchaseBalance(creator.address)) - creatorBefore).toBe(tokens(200));
      expect(await steps.purchaseBalance(pool.address)).toBe(0n);
      expect([await steps.sharesOf(buyer), await steps.available()]).toEqual([2_000n, 5_000n]);
      expect([await steps.unitsOf(buyer), await steps.unitsOf(pool.address), await steps.totalUnits()]).toEqual([2_000n, 5_000n, 10_000n]);
    });

    describe('should revert', () => {
      it('from anyone but the operator', async () => {
        const { pool, outsider } = chain();
        expect(await revertOf(pool.steps.buy(outsider, member(0).address, 1n, key('b')))).toEqual({
          name: 'SharePoolUnauthorized',
          args: [getAddress(outsider.address)],
        });
      });

      it('a repeated key', async () => {
        const { pool, operator } = chain();
        await pool.steps.buy(operator, member(0).address, 1n, key('b'));
        expect(await revertOf(pool.steps.buy(operator, member(1).address, 1n, key('b')))).toEqual({
          name: 'SharePoolKeyUsed',
          args: [key('b')],
        });
      });

      it('more than available', async () => {
        const { pool, operator } = chain();
        expect(await revertOf(pool.steps.buy(operator, member(0).address, 7_001n, key('b')))).toEqual({
          name: 'SharePoolInsufficientAvailable',
          args: [7_001n, 7_000n],
        });
      });

      it('zero shares', async () => {
        const { pool, operator } = chain();
        expect(await revertOf(pool.steps.buy(operator, member(0).address, 0n, key('b')))).toEqual({
          name: 'SharePoolZeroAmount',
          args: [],
        });
      });

      it('in a pool without a price', async () => {
        const { deployPool, operator } = chain();
        const free = await deployPool({ pricePerShare: 0n });
        expect(await revertOf(free.steps.buy(operator, member(0).address, 1n, key('b')))).toEqual({
          name: 'SharePoolNotForSale',
          args: [],
        });
      });

      it('while paused', async () => {
        const { pool, operator, creator } = chain();
        await pool.steps.setPaused(creator, true);
        expect(await revertOf(pool.steps.buy(operator, member(0).address, 1n, key('b')))).toEqual({ name: 'SharePoolIsPaused', args: [] });
      });

      it('a new holder beyond maxParticipants (the creator counts)', async () => {
        const { deployPool, operator } = chain();
        const capped = await deployPool({ maxParticipants: 2n });
        await capped.steps.buy(operator, member(0).address, 1n, key('b1'));
        await capped.steps.buy(operator, member(0).address, 1n, key('b2'));
        expect(await revertOf(capped.steps.buy(operator, member(1).address, 1n, key('b3')))).toEqual({ name: 'SharePoolFull', args: [2n] });
      });

      it('when the purchase token refuses the buyer, leaving nothing changed', async () => {
        const { pool, operator } = chain();
        await pool.steps.setBlocked(member(0).address, true);
        await expect(pool.steps.buy(operator, member(0).address, 10n, key('b'))).rejects.toThrow();
        expect(await pool.steps.available()).toBe(7_000n);
        expect(await pool.steps.read.readContract({ ...pool.steps.target, functionName: 'keyUsed', args: [key('b')] })).toBe(false);
      });
    });
  });

  describe('grant and assign', () => {
    it('grants available shares under a key, and the creator assigns without one', async () => {
      const { pool, operator, creator } = chain();
      const granted = await pool.steps.grant(operator, member(0).address, 1_500n, key('g'));
      expect(shareEventsOf(granted.logs, pool.address)).toEqual([
        { eventName: 'SharesGranted', args: { to: getAddress(member(0).address), shares: 1_500n, key: key('g') } },
      ]);
      const assigned = await pool.steps.assign(creator, member(1).address, 500n);
      expect(shareEventsOf(assigned.logs, pool.address)).toEqual([
        { eventName: 'SharesAssigned', args: { to: getAddress(member(1).address), shares: 500n } },
      ]);
      expect([
        await pool.steps.sharesOf(member(0).address),
        await pool.steps.sharesOf(member(1).address),
        await pool.steps.available(),
      ]).toEqual([1_500n, 500n, 5_000n]);
      expect(await pool.steps.unitsOf(pool.address)).toBe(5_000n);
    });

    describe('should revert', () => {
      it('a repeated grant key', async () => {
        const { pool, operator } = chain();
        await pool.steps.grant(operator, member(0).address, 1n, key('g'));
        expect(await revertOf(pool.steps.grant(operator, member(0).address, 1n, key('g')))).toEqual({
          name: 'SharePoolKeyUsed',
          args: [key('g')],
        });
      });

      it('a grant above available', async () => {
        const { pool, operator } = chain();
        expect(await revertOf(pool.steps.grant(operator, member(0).address, 7_001n, key('g')))).toEqual({
          name: 'SharePoolInsufficientAvailable',
          args: [7_001n, 7_000n],
        });
      });

      it('a grant to the zero address or the pool itself', async () => {
        const { pool, operator } = chain();
        for (const to of [zeroAddress, pool.address])
          expect(await revertOf(pool.steps.grant(operator, to, 1n, key(`g-${to}`)))).toEqual({
            name: 'SharePoolInvalidRecipient',
            args: [getAddress(to)],
          });
      });

      it('an assignment by anyone but the creator, the operator included', async () => {
        const { pool, operator } = chain();
        expect(await revertOf(pool.steps.assign(operator, member(0).address, 1n))).toEqual({
          name: 'SharePoolUnauthorized',
          args: [getAddress(operator.address)],
        });
      });
    });
  });

  describe('transfer', () => {
    it('moves a holder’s shares and units, dropping an emptied holder', async () => {
      const { pool, operator } = chain();
      await pool.steps.grant(operator, member(0).address, 800n, key('g'));
      const receipt = await pool.steps.transfer(operator, member(0).address, member(1).address, 800n, key('t'));
      expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
        {
          eventName: 'SharesTransferred',
          args: { from: getAddress(member(0).address), to: getAddress(member(1).address), shares: 800n, key: key('t') },
        },
      ]);
      expect([await pool.steps.unitsOf(member(0).address), await pool.steps.unitsOf(member(1).address)]).toEqual([0n, 800n]);
      expect(await pool.steps.holders()).not.toContain(getAddress(member(0).address));
    });

    describe('should revert', () => {
      it('in a pool that does not allow transfers', async () => {
        const { deployPool, operator } = chain();
        const locked = await deployPool({ transfersAllowed: false });
        await locked.steps.grant(operator, member(0).address, 10n, key('g'));
        expect(await revertOf(locked.steps.transfer(operator, member(0).address, member(1).address, 1n, key('t')))).toEqual({
          name: 'SharePoolTransfersNotAllowed',
          args: [],
        });
      });

      it('more than the holder has, from the pool itself, or to the sender', async () => {
        const { pool, operator } = chain();
        const [a, b] = [member(0).address, member(1).address];
        await pool.steps.grant(operator, a, 10n, key('g'));
        expect(await revertOf(pool.steps.transfer(operator, a, b, 11n, key('t1')))).toEqual({
          name: 'SharePoolInsufficientShares',
          args: [getAddress(a), 11n, 10n],
        });
        expect(await revertOf(pool.steps.transfer(operator, pool.address, b, 1n, key('t2')))).toEqual({
          name: 'SharePoolInsufficientShares',
          args: [getAddress(pool.address), 1n, 0n],
        });
        expect(await revertOf(pool.steps.transfer(operator, a, a, 1n, key('t3')))).toEqual({
          name: 'SharePoolInvalidRecipient',
          args: [getAddress(a)],
        });
      });

      it('from anyone but the operator', async () => {
        const { pool, operator } = chain();
        await pool.steps.grant(operator, member(0).address, 10n, key('g'));
        expect(await revertOf(pool.steps.transfer(member(0), member(0).address, member(1).address, 1n, key('t')))).toEqual({
          name: 'SharePoolUnauthorized',
          args: [getAddress(member(0).address)],
        });
      });
    });
  });

  describe('creator controls', () => {
    it('replaces the operator: the old one is refused, the new one acts', async () => {
      const { pool, operator, creator, outsider } = chain();
      const receipt = await pool.steps.setOperator(creator, outsider.address);
      expect(shareEventsOf(receipt.logs, pool.address)).toEqual([
        {
          eventName: 'OperatorChanged',
          args: { previousOperator: getAddress(operator.address), newOperator: getAddress(outsider.address) },
        },
      ]);
      expect((await revertOf(pool.steps.grant(operator, member(0).address, 1n, key('g1')))).name).toBe('SharePoolUnauthorized');
      await pool.steps.grant(outsider, member(0).address, 1n, key('g2'));
    });

    it('pauses and resumes, with events; the operator cannot do either', async () => {
      const { pool, operator, creator } = chain();
      expect(shareEventsOf((await pool.steps.setPaused(creator, true)).logs, pool.address)).toEqual([
        { eventName: 'PausedChanged', args: { paused: true } },
      ]);
      expect((await revertOf(pool.steps.grant(operator, member(0).address, 1n, key('g')))).name).toBe('SharePoolIsPaused');
      expect((await revertOf(pool.steps.setPaused(operator, false))).name).toBe('SharePoolUnauthorized');
      expect((await revertOf(pool.steps.setOperator(operator, operator.address))).name).toBe('SharePoolUnauthorized');
      await pool.steps.setPaused(creator, false);
      await pool.steps.grant(operator, member(0).address, 1n, key('g'));
    });
  });
});
