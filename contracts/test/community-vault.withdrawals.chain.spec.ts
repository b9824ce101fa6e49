// Runs on a private node (usePrivateVault): it moves chain time, which would break files sharing the run's node.
import { VAULT_LIMITS } from '@ayllu/domain';
import { parseEther } from 'viem';
import { communityVaultAbi } from '../abi/community-vault';
import { DAY, vaultEventsOf } from '../../test/chain/community-vault';
import { usePrivateVault } from '../../test/chain/private-vault';
import { revertOf } from '../../test/chain/revert';

const tokens = (n: number | string) => parseEther(String(n));
const EXIT_WINDOW = VAULT_LIMITS.emergencyExitWindowSeconds;

describe('CommunityVault withdrawals', () => {
  const chain = usePrivateVault({ members: 2 });
  const alice = () => chain().members[0];

  beforeEach(async () => {
    const { steps } = chain();
    await steps.fundAndApprove(alice(), tokens(100));
    await steps.deposit(alice(), tokens(100));
  });

  describe('withdraw', () => {
    it('pays an instant withdrawal within the small-withdrawal limit and lowers the units', async () => {
      const { steps, vault } = chain();
      const receipt = await steps.withdraw(alice(), tokens(10));
      expect(vaultEventsOf(receipt.logs, vault)).toEqual([
        { eventName: 'Withdrawn', args: { member: alice().address, assets: tokens(10), shares: tokens(10), usedApproval: false } },
        { eventName: 'PoolUnitsUpdated', args: { member: alice().address, units: 90n } },
      ]);
      expect(await steps.balanceOf(alice().address)).toBe(tokens(90));
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(10));
      expect(await steps.unitsOf(alice().address)).toBe(90n);
    });

    it('counts withdrawals over a rolling window, so ten 10% withdrawals in a row cannot drain a balance', async () => {
      const { steps } = chain();
      await steps.withdraw(alice(), tokens(10));
      expect(await steps.withdrawableNow(alice().address)).toBe(0n);
      const error = await revertOf(steps.withdraw(alice(), tokens(9)));
      expect(error.name).toBe('CommunityVaultWithdrawalOverLimit');
      expect(error.args).toEqual([alice().address, tokens(9), 0n, 0n]);
    });

    it('counts many small withdrawals against the same limit', async () => {
      const { steps } = chain();
      for (let i = 0; i < 9; i++) await steps.withdraw(alice(), tokens(1));
      // 9 of the 10% are used; what is left is under 1% of the 91 tokens still held.
      expect((await revertOf(steps.withdraw(alice(), tokens(1)))).name).toBe('CommunityVaultWithdrawalOverLimit');
      expect(await steps.withdrawableNow(alice().address)).toBeLessThan(tokens(1));
    });

    it('frees the limit again once the window has rolled past the earlier withdrawals', async () => {
      const { steps } = chain();
      await steps.withdraw(alice(), tokens(10));
      await steps.advanceTime(DAY / 2);
      expect((await revertOf(steps.withdraw(alice(), tokens(1)))).name).toBe('CommunityVaultWithdrawalOverLimit');
      await steps.advanceTime(DAY / 2);
      await steps.withdraw(alice(), tokens(9));
      expect(await steps.balanceOf(alice().address)).toBe(tokens(81));
    });

    it('pays above the limit up to the amount the owner approved, once', async () => {
      const { steps, owner, vault } = chain();
      const approved = await steps.approveWithdrawal(owner, alice().address, tokens(60));
      expect(vaultEventsOf(approved.logs, vault)).toEqual([
        { eventName: 'WithdrawalApproved', args: { member: alice().address, amount: tokens(60) } },
      ]);
      expect(await steps.withdrawableNow(alice().address)).toBe(tokens(60));
      const withdrawn = await steps.withdraw(alice(), tokens(60));
      expect(vaultEventsOf(withdrawn.logs, vault)).toEqual([
        { eventName: 'Withdrawn', args: { member: alice().address, assets: tokens(60), shares: tokens(60), usedApproval: true } },
        { eventName: 'PoolUnitsUpdated', args: { member: alice().address, units: 40n } },
      ]);
      expect(await steps.balanceOf(alice().address)).toBe(tokens(40));
      expect((await revertOf(steps.withdraw(alice(), tokens(30)))).name).toBe('CommunityVaultWithdrawalOverLimit');
    });

    describe('should revert', () => {
      it('for a zero amount', async () => {
        expect((await revertOf(chain().steps.withdraw(alice(), 0n))).name).toBe('CommunityVaultZeroAmount');
      });

      it('above the balance', async () => {
        const error = await revertOf(chain().steps.withdraw(alice(), tokens(101)));
        expect(error).toEqual({ name: 'CommunityVaultInsufficientBalance', args: [alice().address, tokens(101), tokens(100)] });
      });

      it('above the limit without approval', async () => {
        const error = await revertOf(chain().steps.withdraw(alice(), tokens(11)));
        expect(error).toEqual({ name: 'CommunityVaultWithdrawalOverLimit', args: [alice().address, tokens(11), tokens(10), 0n] });
      });

      it('while paused', async () => {
        const { steps, guardian } = chain();
        await steps.pause(guardian);
        expect((await revertOf(steps.withdraw(alice(), tokens(1)))).name).toBe('EnforcedPause');
      });

      it('when anyone but the owner approves a withdrawal', async () => {
        const { steps, guardian } = chain();
        const error = await revertOf(steps.approveWithdrawal(guardian, alice().address, tokens(50)));
        expect(error).toEqual({ name: 'OwnableUnauthorizedAccount', args: [guardian.address] });
      });
    });
  });

  describe('emergency exit', () => {
    it('pays the whole balance after the wait and zeroes the units, even while paused', async () => {
      const { steps, guardian, clients, vault } = chain();
      const requested = await steps.requestEmergencyExit(alice());
      const { timestamp } = await clients.public.getBlock({ blockNumber: requested.blockNumber });
      expect(vaultEventsOf(requested.logs, vault)).toEqual([
        { eventName: 'EmergencyExitRequested', args: { member: alice().address, availableAt: timestamp + BigInt(7 * DAY) } },
      ]);
      await steps.pause(guardian);
      await steps.advanceTime(7 * DAY);
      const completed = await steps.completeEmergencyExit(alice());
      expect(vaultEventsOf(completed.logs, vault)).toEqual([
        { eventName: 'EmergencyExitCompleted', args: { member: alice().address, assetsPaid: tokens(100) } },
        { eventName: 'PoolUnitsUpdated', args: { member: alice().address, units: 0n } },
      ]);
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(100));
      expect(await steps.balanceOf(alice().address)).toBe(0n);
      expect(await steps.unitsOf(alice().address)).toBe(0n);
      expect(
        await clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'isMember', args: [alice().address] }),
      ).toBe(false);
    });

    describe('should revert', () => {
      it('before the wait is over', async () => {
        const { steps } = chain();
        await steps.requestEmergencyExit(alice());
        await steps.advanceTime(7 * DAY - 10);
        expect((await revertOf(steps.completeEmergencyExit(alice()))).name).toBe('CommunityVaultExitNotReady');
      });

      it('once the exit window has passed unused, until it is requested again', async () => {
        const { steps, clients, vault, guardian } = chain();
        const requested = await steps.requestEmergencyExit(alice());
        const { timestamp } = await clients.public.getBlock({ blockNumber: requested.blockNumber });
        const expiresAt = timestamp + BigInt(7 * DAY + EXIT_WINDOW);
        expect(
          await clients.public.readContract({
            address: vault,
            abi: communityVaultAbi,
            functionName: 'emergencyExitExpiresAt',
            args: [alice().address],
          }),
        ).toBe(expiresAt);
        await steps.pause(guardian);
        await steps.advanceTime(7 * DAY + EXIT_WINDOW);
        expect(await revertOf(steps.completeEmergencyExit(alice()))).toEqual({
          name: 'CommunityVaultExitLapsed',
          args: [alice().address, expiresAt],
        });
        expect(await steps.balanceOf(alice().address)).toBe(tokens(100));
        // A new request starts a new wait, and completes within its window.
        await steps.requestEmergencyExit(alice());
        await steps.advanceTime(7 * DAY - 10);
        expect((await revertOf(steps.completeEmergencyExit(alice()))).name).toBe('CommunityVaultExitNotReady');
        await steps.advanceTime(EXIT_WINDOW - 10);
        await steps.completeEmergencyExit(alice());
        expect(await steps.tokenBalance(alice().address)).toBe(tokens(100));
      });

      it('without a request', async () => {
        const error = await revertOf(chain().steps.completeEmergencyExit(alice()));
        expect(error).toEqual({ name: 'CommunityVaultExitNotRequested', args: [alice().address] });
      });

      it('when a non-member requests it', async () => {
        const { steps, outsider } = chain();
        const error = await revertOf(steps.requestEmergencyExit(outsider));
        expect(error).toEqual({ name: 'CommunityVaultNotMember', args: [outsider.address] });
      });
    });
  });

  describe('removeMember', () => {
    it('pays the member out and zeroes their units', async () => {
      const { steps, owner, vault } = chain();
      const receipt = await steps.removeMember(owner, alice().address);
      expect(vaultEventsOf(receipt.logs, vault)).toEqual([
        { eventName: 'MemberRemoved', args: { member: alice().address, assetsPaid: tokens(100) } },
        { eventName: 'PoolUnitsUpdated', args: { member: alice().address, units: 0n } },
      ]);
      expect(await steps.tokenBalance(alice().address)).toBe(tokens(100));
      expect(await steps.balanceOf(alice().address)).toBe(0n);
      expect(await steps.unitsOf(alice().address)).toBe(0n);
    });

    describe('should revert', () => {
      it('when anyone but the owner removes', async () => {
        const { steps, guardian } = chain();
        expect((await revertOf(steps.removeMember(guardian, alice().address))).name).toBe('OwnableUnauthorizedAccount');
      });

      it('for an address that is not a member', async () => {
        const { steps, owner, outsider } = chain();
        const error = await revertOf(steps.removeMember(owner, outsider.address));
        expect(error).toEqual({ name: 'CommunityVaultNotMember', args: [outsider.address] });
      });
    });
  });
});
