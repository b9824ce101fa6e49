// Runs on a private node (usePrivateVault): it reverts snapshots between tests.
import { getAddress, parseEther, toHex, zeroAddress, type Account, type Address } from 'viem';
import { superfluidPoolAbi } from '@ayllu/chain';
import { communityVaultAbi } from '../abi/community-vault';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import {
  AccessMode,
  defaultParameters,
  deployCommunityVault,
  DAY,
  erc7201Slot,
  UNIT_SCALE,
  vaultEventsOf,
  vaultStorageSlots,
  type VaultParameters,
} from '../../test/chain/community-vault';
import { usePrivateVault } from '../../test/chain/private-vault';
import { revertOf } from '../../test/chain/revert';

const tokens = (n: number | string) => parseEther(String(n));
// Storage slot of `_memberCount` in CommunityVault's ERC-7201 namespace; the test that uses it first reads it back
// through `memberCount()`, so a layout change fails loudly.
const MEMBER_COUNT_SLOT = vaultStorageSlots.memberCount;
// A storage word as eth_getStorageAt returns it.
const word = (value: bigint | Address) => toHex(BigInt(value), { size: 32 });

describe('CommunityVault membership and governance', () => {
  const chain = usePrivateVault({ members: 2 });
  const alice = () => chain().members[0];
  const read = <T>(functionName: 'memberCount' | 'totalShares' | 'paused' | 'guardian' | 'strategy', args: [] = []) =>
    chain().clients.public.readContract({ address: chain().vault, abi: communityVaultAbi, functionName, args }) as Promise<T>;

  describe('initialize', () => {
    it('creates a GDA pool administered by the vault', async () => {
      const { clients, pool, vault } = chain();
      expect(await clients.public.readContract({ address: pool, abi: superfluidPoolAbi, functionName: 'admin' })).toBe(vault);
    });

    it('emits the upgrade, ownership, parameters, guardian and initialization events', async () => {
      const { clients, vault, owner, guardian, devChain } = chain();
      // The snapshot each test starts from holds the vault's deployment and nothing after it.
      const logs = await clients.public.getLogs({ address: vault, fromBlock: 0n });
      expect(vaultEventsOf(logs, vault)).toEqual([
        { eventName: 'Upgraded', args: { implementation: devChain.communityVaultImplementation } },
        { eventName: 'OwnershipTransferred', args: { previousOwner: zeroAddress, newOwner: owner.address } },
        { eventName: 'ParametersUpdated', args: { parameters: defaultParameters } },
        { eventName: 'GuardianChanged', args: { previousGuardian: zeroAddress, newGuardian: guardian.address } },
        { eventName: 'Initialized', args: { version: 1n } },
      ]);
    });

    it('should revert when called a second time', async () => {
      const { clients, vault, owner, guardian, devChain } = chain();
      const again = clients.wallet(owner).writeContract({
        address: vault,
        abi: communityVaultAbi,
        functionName: 'initialize',
        args: [
          {
            asset: devChain.testToken,
            payoutToken: devChain.testSuperToken,
            gdaForwarder: devChain.superfluid.gdaV1Forwarder,
            owner: owner.address,
            guardian: guardian.address,
            parameters: defaultParameters,
            unitScale: UNIT_SCALE,
          },
        ],
      });
      expect((await revertOf(again)).name).toBe('InvalidInitialization');
    });

    it('should revert with a zero unit scale', async () => {
      const { deployer, owner, guardian } = chain();
      const error = await revertOf(deployCommunityVault(chain(), { deployer, owner, guardian }, { unitScale: 0n }), communityVaultAbi);
      expect(error).toEqual({ name: 'CommunityVaultParameterOutOfBounds', args: ['unitScale'] });
    });
  });

  describe('storage', () => {
    it('keeps its state in the ERC-7201 namespace ayllu.storage.CommunityVault', async () => {
      const { steps, clients, vault, guardian, devChain } = chain();
      await steps.fundAndApprove(alice(), tokens(3));
      await steps.deposit(alice(), tokens(3));
      const at = (slot: bigint) => clients.public.getStorageAt({ address: vault, slot: toHex(slot, { size: 32 }) });
      expect(await at(vaultStorageSlots.asset)).toBe(word(devChain.testToken));
      expect(await at(vaultStorageSlots.guardian)).toBe(word(guardian.address));
      expect(await at(vaultStorageSlots.unitScale)).toBe(word(UNIT_SCALE));
      expect(await at(vaultStorageSlots.memberCount)).toBe(word(1n));
    });

    it('computes namespaces the way its OpenZeppelin parents do', async () => {
      const { clients, vault, owner } = chain();
      const slot = toHex(erc7201Slot('openzeppelin.storage.Ownable'), { size: 32 });
      expect(await clients.public.getStorageAt({ address: vault, slot })).toBe(word(owner.address));
    });

    it('leaves the sequential slots empty', async () => {
      const { steps, clients, vault } = chain();
      await steps.fundAndApprove(alice(), tokens(3));
      await steps.deposit(alice(), tokens(3));
      const slots = await Promise.all(
        Array.from({ length: 32 }, (_, i) => clients.public.getStorageAt({ address: vault, slot: toHex(i, { size: 32 }) })),
      );
      expect(slots).toEqual(Array(32).fill(word(0n)));
    });
  });

  describe('deposit', () => {
    it('gives shares 1:1 and units of shares / unit scale, rounded down', async () => {
      const { steps, clients, pool } = chain();
      await steps.fundAndApprove(alice(), tokens('2.5'));
      const receipt = await steps.deposit(alice(), tokens('2.5'));
      expect(vaultEventsOf(receipt.logs, chain().vault)).toEqual([
        { eventName: 'Deposited', args: { member: alice().address, assets: tokens('2.5'), shares: tokens('2.5') } },
        { eventName: 'PoolUnitsUpdated', args: { member: alice().address, units: 2n } },
      ]);
      expect(await steps.balanceOf(alice().address)).toBe(tokens('2.5'));
      expect(await steps.unitsOf(alice().address)).toBe(2n);
      expect(await clients.public.readContract({ address: pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' })).toBe(2n);
      expect(await read<bigint>('memberCount')).toBe(1n);
    });

    describe('should revert', () => {
      it('for a zero amount', async () => {
        expect((await revertOf(chain().steps.deposit(alice(), 0n))).name).toBe('CommunityVaultZeroAmount');
      });

      it('below the minimum deposit', async () => {
        const error = await revertOf(chain().steps.deposit(alice(), tokens('0.5')));
        expect(error).toEqual({ name: 'CommunityVaultBelowMinimumDeposit', args: [tokens('0.5'), tokens(1)] });
      });

      it('while paused', async () => {
        const { steps, guardian } = chain();
        await steps.fundAndApprove(alice(), tokens(1));
        await steps.pause(guardian);
        expect((await revertOf(steps.deposit(alice(), tokens(1)))).name).toBe('EnforcedPause');
      });

      it('when the vault already has MAX_MEMBERS (100,000) members', async () => {
        const { steps, clients, vault } = chain();
        await clients.test.setStorageAt({
          address: vault,
          index: toHex(MEMBER_COUNT_SLOT, { size: 32 }),
          value: toHex(100_000n, { size: 32 }),
        });
        expect(await read<bigint>('memberCount')).toBe(100_000n);
        await steps.fundAndApprove(alice(), tokens(1));
        expect(await revertOf(steps.deposit(alice(), tokens(1)))).toEqual({ name: 'CommunityVaultMembersFull', args: [100_000n] });
      });
    });

    describe.each([
      ['closed', AccessMode.Closed],
      ['hybrid', AccessMode.Hybrid],
    ])('in a %s vault', (_, accessMode) => {
      beforeEach(async () => {
        const { steps, owner } = chain();
        await steps.setParameters(owner, { ...defaultParameters, accessMode });
        await steps.fundAndApprove(alice(), tokens(5));
      });

      it('accepts a deposit from an address the Safe admitted', async () => {
        const { steps, guardian, vault } = chain();
        const admitted = await steps.admitMember(guardian, alice().address);
        expect(vaultEventsOf(admitted.logs, vault)).toEqual([{ eventName: 'MemberAdmitted', args: { member: alice().address } }]);
        await steps.deposit(alice(), tokens(5));
        expect(await steps.balanceOf(alice().address)).toBe(tokens(5));
      });

      it('should revert a deposit from an address nobody admitted', async () => {
        expect(await revertOf(chain().steps.deposit(alice(), tokens(5)))).toEqual({
          name: 'CommunityVaultNotAdmitted',
          args: [alice().address],
        });
      });

      it('should revert an admission by anyone but the owner or the Safe', async () => {
        const { steps, outsider } = chain();
        expect(await revertOf(steps.admitMember(outsider, alice().address))).toEqual({
          name: 'CommunityVaultUnauthorized',
          args: [outsider.address],
        });
      });
    });
  });

  describe('setParameters', () => {
    it('applies new parameters and emits ParametersUpdated', async () => {
      const { steps, owner, clients, vault } = chain();
      const next: VaultParameters = {
        accessMode: AccessMode.Hybrid,
        minimumDeposit: tokens(5),
        smallWithdrawalLimitBps: 500,
        withdrawalWindow: 2 * DAY,
        emergencyExitWait: 3 * DAY,
      };
      const receipt = await steps.setParameters(owner, next);
      expect(vaultEventsOf(receipt.logs, vault)).toEqual([{ eventName: 'ParametersUpdated', args: { parameters: next } }]);
      expect(await clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'parameters' })).toEqual(next);
    });

    describe('should revert', () => {
      it.each([
        ['smallWithdrawalLimitBps', { smallWithdrawalLimitBps: 10_001 }],
        ['withdrawalWindow', { withdrawalWindow: 60 }],
        ['withdrawalWindow', { withdrawalWindow: 366 * DAY }],
        ['emergencyExitWait', { emergencyExitWait: 31 * DAY }],
      ])('out of bounds (%s)', async (name, change) => {
        const { steps, owner } = chain();
        expect(await revertOf(steps.setParameters(owner, { ...defaultParameters, ...change }))).toEqual({
          name: 'CommunityVaultParameterOutOfBounds',
          args: [name],
        });
      });

      it('when anyone but the owner sets them', async () => {
        const { steps, guardian } = chain();
        expect((await revertOf(steps.setParameters(guardian, defaultParameters))).name).toBe('OwnableUnauthorizedAccount');
      });
    });
  });

  describe('pause', () => {
    it('may be paused and unpaused by the Safe (guardian)', async () => {
      const { steps, guardian, vault } = chain();
      const paused = await steps.pause(guardian);
      expect(vaultEventsOf(paused.logs, vault)).toEqual([{ eventName: 'Paused', args: { account: guardian.address } }]);
      expect(await read<boolean>('paused')).toBe(true);
      const unpaused = await steps.unpause(guardian);
      expect(vaultEventsOf(unpaused.logs, vault)).toEqual([{ eventName: 'Unpaused', args: { account: guardian.address } }]);
      expect(await read<boolean>('paused')).toBe(false);
    });

    it('should revert for anyone else', async () => {
      const { steps, outsider } = chain();
      expect(await revertOf(steps.pause(outsider))).toEqual({ name: 'CommunityVaultUnauthorized', args: [outsider.address] });
    });
  });

  describe('setGuardian', () => {
    it('hands the guardian role over', async () => {
      const { clients, owner, guardian, vault, outsider } = chain();
      const hash = await clients
        .wallet(owner)
        .writeContract({ address: vault, abi: communityVaultAbi, functionName: 'setGuardian', args: [outsider.address] });
      const receipt = await clients.public.waitForTransactionReceipt({ hash });
      expect(vaultEventsOf(receipt.logs, vault)).toEqual([
        { eventName: 'GuardianChanged', args: { previousGuardian: guardian.address, newGuardian: outsider.address } },
      ]);
      expect(await read<string>('guardian')).toBe(outsider.address);
    });

    it('should revert for the zero address', async () => {
      const { clients, owner, vault } = chain();
      const call = clients.wallet(owner).writeContract({
        address: vault,
        abi: communityVaultAbi,
        functionName: 'setGuardian',
        args: ['0x0000000000000000000000000000000000000000'],
      });
      expect((await revertOf(call)).name).toBe('CommunityVaultZeroAddress');
    });
  });

  describe('upgradeToAndCall', () => {
    const upgrade = async (by: Account) => {
      const { clients, vault, deployer } = chain();
      const { abi, bytecode } = loadAylluArtifact('src/CommunityVault.sol', 'CommunityVault');
      const next = await deployContract(
        { wallet: clients.wallet(deployer), public: clients.public },
        { name: 'CommunityVault v2', abi, bytecode },
      );
      const hash = await clients
        .wallet(by)
        .writeContract({ address: vault, abi: communityVaultAbi, functionName: 'upgradeToAndCall', args: [next, '0x'] });
      const receipt = await clients.public.waitForTransactionReceipt({ hash });
      return { next, receipt };
    };

    it('lets the owner (timelock) upgrade and keeps the balances', async () => {
      const { steps, owner, clients, vault } = chain();
      await steps.fundAndApprove(alice(), tokens(3));
      await steps.deposit(alice(), tokens(3));
      const { next, receipt } = await upgrade(owner);
      expect(vaultEventsOf(receipt.logs, vault)).toEqual([{ eventName: 'Upgraded', args: { implementation: next } }]);
      const slot = await clients.public.getStorageAt({
        address: vault,
        slot: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
      });
      expect(getAddress(`0x${slot!.slice(26)}`)).toBe(next);
      expect(await steps.balanceOf(alice().address)).toBe(tokens(3));
    });

    it('should revert for anyone else', async () => {
      expect((await revertOf(upgrade(chain().guardian))).name).toBe('OwnableUnauthorizedAccount');
    });
  });

  it('harvest should revert for anyone but the owner or the Safe', async () => {
    const { steps, outsider } = chain();
    expect((await revertOf(steps.harvest(outsider))).name).toBe('CommunityVaultUnauthorized');
  });
});
