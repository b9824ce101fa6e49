// Runs on a private node (usePrivateVault): it reverts snapshots between tests and moves time.
// CHANGE_STRATEGY and harvest: the owner (timelock) moves idle funds into an ERC-4626 strategy, the Safe harvests
// what the vault holds above the members' principal, and payouts pull any shortfall back out of the strategy.
import { parseEther, parseEventLogs, type Address, type TransactionReceipt } from 'viem';
import { communityVaultAbi } from '../abi/community-vault';
import { testStrategyAbi } from '../abi/test-strategy';
import { testTokenAbi } from '../abi/test-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import { DAY } from '../../test/chain/community-vault';
import { usePrivateVault } from '../../test/chain/private-vault';
import { revertOf } from '../../test/chain/revert';

const tokens = (n: number | string) => parseEther(String(n));
const NONE: Address = '0x0000000000000000000000000000000000000000';

describe('CommunityVault strategy', () => {
  const chain = usePrivateVault({ members: 3 });
  const alice = () => chain().members[0]!;
  const bob = () => chain().members[1]!;
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
    assetsIn: (strategy: Address) => chain().clients.public.readContract({ address: strategy, abi: testStrategyAbi, functionName: 'totalAssets' }),
    idle: () => chain().steps.tokenBalance(chain().vault),
  };

  const simulateYield = async (strategy: Address, amount: bigint) => {
    const { clients, deployer } = chain();
    const hash = await clients.wallet(deployer).writeContract({ address: strategy, abi: testStrategyAbi, functionName: 'simulateYield', args: [amount] });
    await clients.public.waitForTransactionReceipt({ hash });
  };

  /** Tokens sent to the vault by someone who is not a member: not principal, so harvestable. */
  const donate = async (amount: bigint) => {
    const { clients, deployer, devChain, vault } = chain();
    const hash = await clients.wallet(deployer).writeContract({ address: devChain.testToken, abi: testTokenAbi, functionName: 'mint', args: [vault, amount] });
    await clients.public.waitForTransactionReceipt({ hash });
  };

  const eventOf = <N extends 'StrategyChanged' | 'YieldHarvested'>(receipt: TransactionReceipt, eventName: N) =>
    parseEventLogs({ abi: communityVaultAbi, logs: receipt.logs, eventName })[0]!.args;

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
        expect(await revertOf(steps.setStrategy(guardian, first))).toEqual({ name: 'OwnableUnauthorizedAccount', args: [guardian.address] });
      });

      it('when a member sets it', async () => {
        expect(await revertOf(chain().steps.setStrategy(alice(), first))).toEqual({ name: 'OwnableUnauthorizedAccount', args: [alice().address] });
      });

      it('for a strategy of another asset, leaving the funds where they were', async () => {
        const { steps, owner } = chain();
        await steps.setStrategy(owner, first);
        expect(await revertOf(steps.setStrategy(owner, foreign))).toEqual({ name: 'CommunityVaultStrategyAssetMismatch', args: [foreign] });
        expect(await read.strategy()).toBe(first);
        expect(await read.assetsIn(first)).toBe(tokens(150));
      });

      it('for an address that is not an ERC-4626 vault', async () => {
        const { steps, owner, devChain } = chain();
        await expect(steps.setStrategy(owner, devChain.testToken)).rejects.toThrow();
        expect(await read.strategy()).toBe(NONE);
      });
    });
  });
});
