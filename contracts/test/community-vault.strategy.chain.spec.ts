// Runs on a private node (usePrivateVault): it reverts snapshots between tests and moves time.
// CHANGE_STRATEGY and harvest: the owner (timelock) moves idle funds into an ERC-4626 strategy, the Safe harvests
// what the vault holds above the members' principal, and payouts pull any shortfall back out of the strategy.
import fc from 'fast-check';
import { encodeAbiParameters, keccak256, parseEther, parseEventLogs, toHex, type Address, type TransactionReceipt } from 'viem';
import { communityVaultAbi } from '../abi/community-vault';
import { testStrategyAbi } from '../abi/test-strategy';
import { testTokenAbi } from '../abi/test-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import { DAY } from '../../test/chain/community-vault';
import { usePrivateVault } from '../../test/chain/private-vault';
import { revertIn, revertOf } from '../../test/chain/revert';

const tokens = (n: number | string) => parseEther(String(n));
const NONE: Address = '0x0000000000000000000000000000000000000000';

describe('CommunityVault strategy', () => {
  const chain = usePrivateVault({ members: 3 });
  const alice = () => chain().members[0];
  const bob = () => chain().members[1];
  // Strategies deployed once, before the first snapshot: `first` and `second` hold the vault's asset,
  // `foreign` another token.
  let first: Address;
  let second: Address;
  let foreign: Address;

  beforeAll(async () => {
    const { clients, deployer, devChain } = chain();
    const client = { wallet: clients.wallet(deployer), public: clients.public };
    const strategy = loadAylluArtifact('src/test/TestStrategy.sol', 'TestStrategy');
    const token = loadAylluArtifact('src/test/TestToken.sol', 'TestToken');
    first = devChain.testStrategy;
    second = await deployContract(client, { name: 'second TestStrategy', ...strategy, args: [devChain.testToken] });
    const otherToken = await deployContract(client, { name: 'other TestToken', ...token, args: ['Other', 'OTH'] });
    foreign = await deployContract(client, { name: 'foreign TestStrategy', ...strategy, args: [otherToken] });
  });

  // ------------------------------------------------------------------ reads and chain actions

  const read = {
    vault: <T>(functionName: 'totalAssets' | 'totalShares' | 'strategy') =>
      chain().clients.public.readContract({ address: chain().vault, abi: communityVaultAbi, functionName }) as Promise<T>,
    totalAssets: () => read.vault<bigint>('totalAssets'),
    totalShares: () => read.vault<bigint>('totalShares'),
    strategy: () => read.vault<Address>('strategy'),
    /** The strategy's shares held by the vault. */
    sharesIn: (strategy: Address) =>
      chain().clients.public.readContract({ address: strategy, abi: testStrategyAbi, functionName: 'balanceOf', args: [chain().vault] }),
    /** Everything the strategy holds (the vault is its only depositor unless a test adds one). */
    assetsIn: (strategy: Address) =>
      chain().clients.public.readContract({ address: strategy, abi: testStrategyAbi, functionName: 'totalAssets' }),
    idle: () => chain().steps.tokenBalance(chain().vault),
  };

  const simulateYield = async (strategy: Address, amount: bigint) => {
    const { clients, deployer } = chain();
    const hash = await clients
      .wallet(deployer)
      .writeContract({ address: strategy, abi: testStrategyAbi, functionName: 'simulateYield', args: [amount] });
    await clients.public.waitForTransactionReceipt({ hash });
  };

  /** Tokens sent to the vault by someone who is not a member: not principal, so harvestable. */
  const donate = async (amount: bigint) => {
    const { clients, deployer, devChain, vault } = chain();
    const hash = await clients
      .wallet(deployer)
      .writeContract({ address: devChain.testToken, abi: testTokenAbi, functionName: 'mint', args: [vault, amount] });
    await clients.public.waitForTransactionReceipt({ hash });
  };

  const eventOf = <N extends 'StrategyChanged' | 'YieldHarvested'>(receipt: TransactionReceipt, eventName: N) =>
    parseEventLogs({ abi: communityVaultAbi, logs: receipt.logs, eventName })[0].args;

  /** The principal is covered: Σ balances = total shares ≤ assets held (idle + the strategy's shares' value). */
  const expectPrincipalCovered = async () => {
    const members = chain().members.map((m) => m.address);
    const balances = await Promise.all(members.map((m) => chain().steps.balanceOf(m)));
    const totalShares = await read.totalShares();
    expect(balances.reduce((a, b) => a + b, 0n)).toBe(totalShares);
    expect(await read.totalAssets()).toBeGreaterThanOrEqual(totalShares);
  };

  beforeEach(async () => {
    const { steps } = chain();
    await steps.fundAndApprove(alice(), tokens(100));
    await steps.deposit(alice(), tokens(100));
    await steps.fundAndApprove(bob(), tokens(50));
    await steps.deposit(bob(), tokens(50));
  });

  /** Someone else's deposit into `strategy`, then yield: the strategy's share price is no longer a round number. */
  const priceAboveOne = async (strategy: Address) => {
    const { clients, deployer, devChain } = chain();
    const wallet = clients.wallet(deployer);
    const sent = [
      await wallet.writeContract({
        address: devChain.testToken,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [deployer.address, tokens(3)],
      }),
      await wallet.writeContract({ address: devChain.testToken, abi: testTokenAbi, functionName: 'approve', args: [strategy, tokens(3)] }),
      await wallet.writeContract({ address: strategy, abi: testStrategyAbi, functionName: 'deposit', args: [tokens(3), deployer.address] }),
    ];
    for (const hash of sent) await clients.public.waitForTransactionReceipt({ hash });
    await simulateYield(strategy, tokens(1) + 7n);
  };

  /** A strategy loss: the strategy's token balance is lowered directly (TestToken is OpenZeppelin's ERC20, balances at slot 0). */
  const loseFromStrategy = async (strategy: Address, amount: bigint) => {
    const { clients, devChain } = chain();
    const held = await chain().steps.tokenBalance(strategy);
    const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [strategy, 0n]));
    await clients.test.setStorageAt({ address: devChain.testToken, index: slot, value: toHex(held - amount, { size: 32 }) });
    expect(await chain().steps.tokenBalance(strategy)).toBe(held - amount);
  };

  // ------------------------------------------------------------------ setStrategy

  describe('setStrategy', () => {
    it('moves every idle asset into the strategy and emits StrategyChanged', async () => {
      const { steps, owner } = chain();
      const receipt = await steps.setStrategy(owner, first);
      expect(eventOf(receipt, 'StrategyChanged')).toEqual({ previousStrategy: NONE, newStrategy: first, assetsInvested: tokens(150) });
      expect(await read.strategy()).toBe(first);
      expect(await read.idle()).toBe(0n);
      expect(await read.assetsIn(first)).toBe(tokens(150));
      expect(await read.totalAssets()).toBe(tokens(150));
      await expectPrincipalCovered();
    });

    it('switches strategies: the funds and the unharvested yield follow, the old strategy is emptied', async () => {
      const { steps, owner } = chain();
      await steps.setStrategy(owner, first);
      await simulateYield(first, tokens(15));
      const held = await read.totalAssets();
      const receipt = await steps.setStrategy(owner, second);
      expect(eventOf(receipt, 'StrategyChanged')).toEqual({ previousStrategy: first, newStrategy: second, assetsInvested: held });
      expect(await read.sharesIn(first)).toBe(0n);
      expect(await read.assetsIn(second)).toBe(held);
      expect(await read.idle()).toBe(0n);
      expect(await read.totalAssets()).toBe(held);
      expect(held - tokens(150)).toBeGreaterThan(tokens(15) - tokens('0.001'));
      await expectPrincipalCovered();
    });

    it('to none brings every asset back into the vault', async () => {
      const { steps, owner } = chain();
      await steps.setStrategy(owner, first);
      const receipt = await steps.setStrategy(owner, NONE);
      expect(eventOf(receipt, 'StrategyChanged')).toEqual({ previousStrategy: first, newStrategy: NONE, assetsInvested: 0n });
      expect(await read.strategy()).toBe(NONE);
      expect(await read.sharesIn(first)).toBe(0n);
      expect(await read.idle()).toBe(tokens(150));
    });

    it('leaves later deposits idle until the next setStrategy', async () => {
      const { steps, owner } = chain();
      await steps.setStrategy(owner, first);
      await steps.fundAndApprove(alice(), tokens(5));
      await steps.deposit(alice(), tokens(5));
      expect(await read.idle()).toBe(tokens(5));
      expect(await read.totalAssets()).toBe(tokens(155));
    });

    describe('should revert', () => {
      it('when the Safe (guardian) sets it', async () => {
        const { steps, guardian } = chain();
        expect(await revertOf(steps.setStrategy(guardian, first))).toEqual({
          name: 'OwnableUnauthorizedAccount',
          args: [guardian.address],
        });
      });

      it('when a member sets it', async () => {
        expect(await revertOf(chain().steps.setStrategy(alice(), first))).toEqual({
          name: 'OwnableUnauthorizedAccount',
          args: [alice().address],
        });
      });

      it('for a strategy of another asset, leaving the funds where they were', async () => {
        const { steps, owner } = chain();
        await steps.setStrategy(owner, first);
        expect(await revertOf(steps.setStrategy(owner, foreign))).toEqual({ name: 'CommunityVaultStrategyAssetMismatch', args: [foreign] });
        expect(await read.strategy()).toBe(first);
        expect(await read.assetsIn(first)).toBe(tokens(150));
      });

      it('when the move would lose more than rounding (assets donated to a strategy with no shares)', async () => {
        const { steps, owner } = chain();
        await simulateYield(second, tokens(12)); // one second-share would be worth 12 tokens: 150 buys 12 shares
        const error = await revertOf(steps.setStrategy(owner, second));
        expect(error.name).toBe('CommunityVaultStrategyMoveLoss');
        expect(error.args[0]).toBe(tokens(150));
        expect(tokens(150) - (error.args[1] as bigint)).toBeGreaterThan(tokens('0.1'));
        expect(await read.strategy()).toBe(NONE);
        expect(await read.idle()).toBe(tokens(150));
      });

      it('for an address that is not an ERC-4626 vault', async () => {
        const { steps, owner, devChain } = chain();
        await expect(steps.setStrategy(owner, devChain.testToken)).rejects.toThrow();
        expect(await read.strategy()).toBe(NONE);
      });
    });
  });

  // ------------------------------------------------------------------ harvest

  describe('harvest', () => {
    /** Harvests as `by`, returning what the Safe received, the event's amount and the yield seen before. */
    const harvestAs = async (by: 'guardian' | 'owner') => {
      const { steps, guardian } = chain();
      const yieldBefore = (await read.totalAssets()) - (await read.totalShares());
      const safeBefore = await steps.tokenBalance(guardian.address);
      const receipt = await steps.harvest(chain()[by]);
      const event = eventOf(receipt, 'YieldHarvested') as { treasury: `0x${string}`; amount: bigint };
      return { yieldBefore, received: (await steps.tokenBalance(guardian.address)) - safeBefore, event };
    };

    it("sends the strategy's realised yield to the Safe, emits YieldHarvested and leaves the principal", async () => {
      const { steps, owner, guardian } = chain();
      await steps.setStrategy(owner, first);
      await simulateYield(first, tokens(10));
      const { yieldBefore, received, event } = await harvestAs('guardian');
      expect(event).toEqual({ treasury: guardian.address, amount: received });
      // The strategy's virtual share keeps a sliver of the yield, and redeeming rounds down: never above the
      // yield the vault saw, at most 2 wei below it.
      expect(received).toBeLessThanOrEqual(yieldBefore);
      expect(yieldBefore - received).toBeLessThanOrEqual(2n);
      expect(received).toBeGreaterThan(tokens('9.99'));
      expect(await steps.balanceOf(alice().address)).toBe(tokens(100));
      expect(await steps.balanceOf(bob().address)).toBe(tokens(50));
      await expectPrincipalCovered();
    });

    it('sends idle yield (tokens sent to the vault) first, to the wei', async () => {
      const { steps, owner } = chain();
      await donate(tokens(3));
      const { yieldBefore, received, event } = await harvestAs('owner');
      expect([yieldBefore, received, event.amount]).toEqual([tokens(3), tokens(3), tokens(3)]);
      expect(await read.idle()).toBe(tokens(150));
      await steps.setStrategy(owner, first);
      await donate(tokens(2));
      await simulateYield(first, tokens(4));
      const both = await harvestAs('guardian');
      expect(both.received).toBeGreaterThan(tokens('5.99'));
      expect(await read.idle()).toBe(0n);
      await expectPrincipalCovered();
    });

    it('pays out of the strategy after a harvest: every member leaves with their whole balance', async () => {
      const { steps, owner } = chain();
      await steps.setStrategy(owner, first);
      await simulateYield(first, tokens(10));
      await steps.harvest(owner);
      await steps.removeMember(owner, alice().address);
      await steps.removeMember(owner, bob().address);
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(100));
      expect(await steps.tokenBalance(bob().address)).toBe(tokens(50));
      expect(await read.totalShares()).toBe(0n);
    });

    describe('should revert', () => {
      it('for a stranger', async () => {
        const { steps, outsider } = chain();
        await donate(tokens(1));
        expect(await revertOf(steps.harvest(outsider))).toEqual({ name: 'CommunityVaultUnauthorized', args: [outsider.address] });
      });

      it('for a member', async () => {
        await donate(tokens(1));
        expect(await revertOf(chain().steps.harvest(alice()))).toEqual({ name: 'CommunityVaultUnauthorized', args: [alice().address] });
      });

      it('without yield, idle or invested', async () => {
        const { steps, owner, guardian } = chain();
        expect(await revertOf(steps.harvest(guardian))).toEqual({ name: 'CommunityVaultNoYield', args: [] });
        await steps.setStrategy(owner, first);
        expect(await revertOf(steps.harvest(guardian))).toEqual({ name: 'CommunityVaultNoYield', args: [] });
      });

      it('a second time with no new yield', async () => {
        const { steps, owner, guardian } = chain();
        await steps.setStrategy(owner, first);
        await simulateYield(first, tokens(1));
        await steps.harvest(guardian);
        expect((await revertOf(steps.harvest(guardian))).name).toBe('CommunityVaultNoYield');
      });
    });
  });

  // ------------------------------------------------------------------ payouts

  describe('paying members out of the strategy when idle funds are short', () => {
    beforeEach(async () => {
      const { steps, owner } = chain();
      await steps.setStrategy(owner, first);
      await steps.fundAndApprove(alice(), tokens(4));
      await steps.deposit(alice(), tokens(4)); // idle: 4, invested: 150
    });

    it('a withdrawal takes the idle funds first and the rest from the strategy', async () => {
      const { steps } = chain();
      await steps.withdraw(alice(), tokens(10));
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(10));
      expect(await read.idle()).toBe(0n);
      expect(await read.assetsIn(first)).toBe(tokens(144));
      await expectPrincipalCovered();
    });

    it('an emergency exit', async () => {
      const { steps } = chain();
      await steps.requestEmergencyExit(alice());
      await steps.advanceTime(7 * DAY);
      await steps.completeEmergencyExit(alice());
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(104));
      expect(await read.assetsIn(first)).toBe(tokens(50));
      await expectPrincipalCovered();
    });

    it('a removal', async () => {
      const { steps, owner } = chain();
      await steps.removeMember(owner, bob().address);
      await steps.removeMember(owner, alice().address);
      expect(await steps.tokenBalance(bob().address)).toBe(tokens(50));
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(104));
      expect(await read.totalAssets()).toBe(0n);
    });

    it('keeps unharvested yield harvestable after every member has left', async () => {
      const { steps, owner, guardian } = chain();
      await simulateYield(first, tokens(6));
      await steps.removeMember(owner, alice().address);
      await steps.removeMember(owner, bob().address);
      const before = await steps.tokenBalance(guardian.address);
      await steps.harvest(guardian);
      expect((await steps.tokenBalance(guardian.address)) - before).toBeGreaterThan(tokens('5.99'));
    });
  });

  // ------------------------------------------------------------------ shortfalls

  describe('when the vault holds less than the principal', () => {
    /** Every member leaves; returns what each was paid. None of it may revert. */
    const everyoneLeaves = async () => {
      const { steps, owner } = chain();
      for (const m of [bob(), alice()]) await steps.removeMember(owner, m.address);
      return [await steps.tokenBalance(alice().address), await steps.tokenBalance(bob().address)];
    };

    it('from rounding at a share price that is not round: shares the missing wei instead of locking the last member in', async () => {
      const { steps, owner } = chain();
      await priceAboveOne(second);
      await steps.setStrategy(owner, second);
      // Depositing 150 tokens bought strategy shares worth 1 wei less (ERC-4626 rounds for the strategy).
      expect(await read.totalAssets()).toBe(tokens(150) - 1n);
      expect(await steps.balanceOf(alice().address)).toBe(tokens(100) - 1n);
      await steps.withdraw(alice(), tokens(10));
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(10) - 1n);
      const [a, b] = await everyoneLeaves();
      // Every payout is at most 1 wei short of the balance, and everything the vault held was paid out.
      expect(tokens(100) - (a + tokens(10) - 1n)).toBeLessThanOrEqual(1n);
      expect(tokens(50) - b).toBeLessThanOrEqual(1n);
      expect(await read.totalAssets()).toBe(0n);
    });

    it('from rounding, and yield covers it before anything is harvested', async () => {
      const { steps, owner, guardian } = chain();
      await priceAboveOne(second);
      await steps.setStrategy(owner, second);
      await simulateYield(second, tokens(1));
      await expectPrincipalCovered();
      await steps.harvest(guardian);
      await expectPrincipalCovered();
      expect(await everyoneLeaves()).toEqual([tokens(100), tokens(50)]);
    });

    it('from a strategy loss: members share it pro rata, a newcomer neither pays for it nor dilutes it', async () => {
      const { steps, owner, guardian } = chain();
      await steps.setStrategy(owner, first);
      await loseFromStrategy(first, tokens(30)); // 120 left for 150 of principal: 80%
      expect(await steps.balanceOf(alice().address)).toBe(tokens(80));
      expect(await steps.balanceOf(bob().address)).toBe(tokens(40));
      expect(await revertOf(steps.harvest(guardian))).toEqual({ name: 'CommunityVaultNoYield', args: [] });
      const carol = chain().members[2];
      await steps.fundAndApprove(carol, tokens(8));
      await steps.deposit(carol, tokens(8)); // 10 shares at 0.8 each
      expect(await read.totalShares()).toBe(tokens(160));
      expect(await steps.balanceOf(carol.address)).toBe(tokens(8));
      await steps.withdraw(bob(), tokens(5));
      expect(await steps.tokenBalance(bob().address)).toBe(tokens(4));
      await steps.removeMember(owner, carol.address);
      expect(await steps.tokenBalance(carol.address)).toBe(tokens(8));
      expect(await everyoneLeaves()).toEqual([tokens(80), tokens(40)]);
    });

    describe('should revert', () => {
      it('a deposit once the strategy lost everything', async () => {
        const { steps, owner } = chain();
        await steps.setStrategy(owner, first);
        await loseFromStrategy(first, tokens(150));
        await steps.fundAndApprove(alice(), tokens(1));
        expect(await revertOf(steps.deposit(alice(), tokens(1)))).toEqual({ name: 'CommunityVaultAssetsLost', args: [] });
      });
    });
  });

  // ------------------------------------------------------------------ invariants

  // What the contract means by its books: `totalAssets()` = idle + what the strategy would pay for the vault's
  // shares now (previewRedeem). While it covers the principal (Σ shares), Σ balanceOf = Σ shares =
  // totalAssets − unharvested yield, and the yield is what harvest may take. Below it, every balance is its
  // shares' pro-rata part of totalAssets, so Σ balanceOf ≤ totalAssets. Random sequences over strategy moves,
  // yield, harvests, deposits, approved withdrawals and removals; no strategy loss, so any shortfall is rounding.
  it('keeps the books under random sequences with strategy moves, yield and harvests', async () => {
    const { clients, steps, owner, guardian, members, vault } = chain();
    const strategies = [NONE, first, second];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('deposit' as const), m: fc.nat(2), amount: fc.bigInt({ min: tokens(1), max: tokens(300) }) }),
      fc.record({ kind: fc.constant('withdraw' as const), m: fc.nat(2), bps: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ kind: fc.constant('remove' as const), m: fc.nat(2) }),
      fc.record({ kind: fc.constant('setStrategy' as const), s: fc.nat(2) }),
      fc.record({
        kind: fc.constant('yield' as const),
        s: fc.integer({ min: 1, max: 2 }),
        amount: fc.bigInt({ min: 1n, max: tokens(20) }),
      }),
      fc.record({ kind: fc.constant('harvest' as const) }),
      fc.constant({ kind: 'priceAboveOne' as const }),
    );
    /** The highest share price among the strategies, in whole tokens-wei per share-wei, rounded up. */
    const priceCeiling = async () => {
      let highest = 1n;
      for (const s of [first, second]) {
        const [assets, supply] = await Promise.all(
          (['totalAssets', 'totalSupply'] as const).map((functionName) =>
            clients.public.readContract({ address: s, abi: testStrategyAbi, functionName }),
          ),
        );
        const price = (assets + 1n + supply) / (supply + 1n); // OpenZeppelin's virtual share and asset, rounded up
        if (price > highest) highest = price;
      }
      return highest;
    };
    let base = await clients.test.snapshot();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        await clients.test.revert({ id: base });
        base = await clients.test.snapshot();
        const deposited = [tokens(100), tokens(50), 0n];
        let slack = 0n;
        const paid = [0n, 0n, 0n];
        const shareOf = (i: number) =>
          clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'sharesOf', args: [members[i].address] });
        for (const o of ops) {
          const who = 'm' in o ? members[o.m] : undefined;
          const before = who ? await steps.tokenBalance(who.address) : 0n;
          if (o.kind === 'deposit') {
            await steps.fundAndApprove(who!, o.amount);
            await steps.deposit(who!, o.amount);
            deposited[o.m] += o.amount;
          } else if (o.kind === 'withdraw') {
            const amount = ((await shareOf(o.m)) * BigInt(o.bps)) / 10_000n;
            if (amount === 0n) continue;
            await steps.approveWithdrawal(owner, who!.address, amount);
            await steps.withdraw(who!, amount);
          } else if (o.kind === 'remove') {
            if ((await shareOf(o.m)) === 0n) continue;
            await steps.removeMember(owner, who!.address);
          } else if (o.kind === 'setStrategy') {
            // Refused only for a share price far coarser than the amounts (see the example above), never for rounding.
            await steps.setStrategy(owner, strategies[o.s]).catch((e: unknown) => {
              expect(revertIn(e).name).toBe('CommunityVaultStrategyMoveLoss');
            });
          } else if (o.kind === 'yield') {
            // Yield accrues to a strategy's depositors: simulated only on the one the vault is in.
            if ((await read.strategy()) !== strategies[o.s]) continue;
            await simulateYield(strategies[o.s], o.amount);
          } else if (o.kind === 'priceAboveOne') await priceAboveOne(second);
          else if ((await read.totalAssets()) > (await read.totalShares())) {
            // Yield smaller than one strategy share, with nothing idle, cannot be paid out (the share rounds to
            // zero): the vault refuses it as no yield and keeps it. Anything else must be paid.
            const yieldNow = (await read.totalAssets()) - (await read.totalShares());
            const strategyNow = await read.strategy();
            const unpayable =
              (await read.idle()) === 0n &&
              strategyNow !== NONE &&
              (await clients.public.readContract({
                address: strategyNow,
                abi: testStrategyAbi,
                functionName: 'convertToShares',
                args: [yieldNow],
              })) === 0n;
            if (unpayable)
              await steps.harvest(guardian).then(
                () => expect('harvest of less than one strategy share').toBe('refused'),
                (e: unknown) => expect(revertIn(e).name).toBe('CommunityVaultNoYield'),
              );
            else await steps.harvest(guardian);
          }
          if (who && 'm' in o) paid[o.m] += (await steps.tokenBalance(who.address)) - before;

          const [held, totalShares, idle, strategy] = await Promise.all([
            read.totalAssets(),
            read.totalShares(),
            read.idle(),
            read.strategy(),
          ]);
          const invested =
            strategy === NONE
              ? 0n
              : await clients.public.readContract({
                  address: strategy,
                  abi: testStrategyAbi,
                  functionName: 'previewRedeem',
                  args: [await read.sharesIn(strategy)],
                });
          expect(held).toBe(idle + invested);
          const shares = await Promise.all([0, 1, 2].map(shareOf));
          const balances = await Promise.all(members.map((m) => steps.balanceOf(m.address)));
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(totalShares);
          if (held >= totalShares) expect(balances).toEqual(shares);
          else expect(balances).toEqual(shares.map((x) => (x * held) / totalShares));
          // Solvent: what members may take never exceeds what the vault holds.
          expect(balances.reduce((a, b) => a + b, 0n)).toBeLessThanOrEqual(held);
          // Rounding only: an ERC-4626 deposit or exact withdrawal costs less than one strategy share's price, and
          // the valuation's floor one wei more; a step makes at most one such move. Prices only rise here (yield, and
          // a third party's deposits rounding in the holders' favour), so today's price bounds every earlier step's.
          // (Σ shares − held is no measure of it: below the principal a deposit mints shares at the lower price, so
          // that gap grows with the vault while no one loses more.)
          slack += 1n + (await priceCeiling());
          for (const i of [0, 1, 2]) expect(paid[i] + balances[i]).toBeGreaterThanOrEqual(deposited[i] - slack);
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
