// Runs on a private node (usePrivateVault): it moves time and reverts a snapshot before each run.
// Random sequences of deposits, withdrawals, approvals, emergency exits and removals, checked after every step:
// - the members' units add up to the pool's total units, and each is shares / unit scale;
// - the members' balances add up to the assets the vault holds;
// - nobody ever receives more than they are owed (a model of deposits minus payouts).
import fc from 'fast-check';
import { parseEther, type Hex } from 'viem';
import { superfluidPoolAbi } from '@ayllu/chain';
import { communityVaultAbi } from '../abi/community-vault';
import { VAULT_LIMITS } from '@ayllu/domain';
import { DAY, UNIT_SCALE } from '../../test/chain/community-vault';
import { usePrivateVault } from '../../test/chain/private-vault';
import { revertOf } from '../../test/chain/revert';

const MEMBERS = 4;
type Op =
  | { kind: 'deposit'; member: number; amount: bigint }
  | { kind: 'withdraw'; member: number; bps: number }
  | { kind: 'approve'; member: number; bps: number }
  | { kind: 'requestExit'; member: number }
  | { kind: 'completeExit'; member: number }
  | { kind: 'remove'; member: number }
  | { kind: 'wait'; seconds: number };

const member = fc.integer({ min: 0, max: MEMBERS - 1 });
// Whole tokens plus a random fraction, so units (whole tokens) and shares (wei) part ways.
const amount = fc
  .tuple(fc.integer({ min: 1, max: 500 }), fc.bigInt({ min: 0n, max: UNIT_SCALE - 1n }))
  .map(([t, wei]) => parseEther(String(t)) + wei);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deposit' as const), member, amount }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), member, bps: fc.integer({ min: 1, max: 12_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('approve' as const), member, bps: fc.integer({ min: 0, max: 10_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('requestExit' as const), member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('completeExit' as const), member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), member }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 60, max: 8 * DAY }) }) },
);

describe('CommunityVault invariants under random sequences', () => {
  const chain = usePrivateVault({ members: MEMBERS });

  it('keeps units, balances and payouts consistent', async () => {
    const { clients, vault, pool, steps, owner, members } = chain();
    const readVault = (functionName: 'instantWithdrawalAvailable' | 'approvedWithdrawalOf', who: Hex) =>
      clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName, args: [who] });
    let base = await clients.test.snapshot();

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        await clients.test.revert({ id: base });
        base = await clients.test.snapshot();
        const owed = members.map(() => 0n);
        const deposited = members.map(() => 0n);
        const received = members.map(() => 0n);

        for (const o of ops) {
          if (o.kind === 'wait') {
            await steps.advanceTime(o.seconds);
            continue;
          }
          const m = members[o.member];
          const startBalance = await steps.tokenBalance(m.address);
          switch (o.kind) {
            case 'deposit':
              await steps.fundAndApprove(m, o.amount);
              await steps.deposit(m, o.amount);
              owed[o.member] += o.amount;
              deposited[o.member] += o.amount;
              break;
            case 'withdraw': {
              const want = (owed[o.member] * BigInt(o.bps)) / 10_000n;
              const allowed =
                want > 0n &&
                want <= owed[o.member] &&
                (want <= (await readVault('instantWithdrawalAvailable', m.address)) ||
                  want <= (await readVault('approvedWithdrawalOf', m.address)));
              if (allowed) {
                await steps.withdraw(m, want);
                owed[o.member] -= want;
              } else {
                expect(['CommunityVaultZeroAmount', 'CommunityVaultInsufficientBalance', 'CommunityVaultWithdrawalOverLimit']).toContain(
                  (await revertOf(steps.withdraw(m, want))).name,
                );
              }
              break;
            }
            case 'approve':
              await steps.approveWithdrawal(owner, m.address, (owed[o.member] * BigInt(o.bps)) / 10_000n);
              break;
            case 'requestExit':
              if (owed[o.member] > 0n) await steps.requestEmergencyExit(m);
              else expect((await revertOf(steps.requestEmergencyExit(m))).name).toBe('CommunityVaultNotMember');
              break;
            case 'completeExit': {
              const at = await clients.public.readContract({
                address: vault,
                abi: communityVaultAbi,
                functionName: 'emergencyExitAvailableAt',
                args: [m.address],
              });
              const now = (await clients.public.getBlock()).timestamp;
              // The next block is at least a second later: open from `at`, lapsed from `at + window`.
              if (at > 0n && now + 1n >= at && now + 1n < at + BigInt(VAULT_LIMITS.emergencyExitWindowSeconds)) {
                await steps.completeEmergencyExit(m);
                owed[o.member] = 0n;
              } else {
                expect(['CommunityVaultExitNotRequested', 'CommunityVaultExitNotReady', 'CommunityVaultExitLapsed']).toContain(
                  (await revertOf(steps.completeEmergencyExit(m))).name,
                );
              }
              break;
            }
            case 'remove':
              if (owed[o.member] > 0n) {
                await steps.removeMember(owner, m.address);
                owed[o.member] = 0n;
              } else {
                expect((await revertOf(steps.removeMember(owner, m.address))).name).toBe('CommunityVaultNotMember');
              }
              break;
          }
          // A deposit mints and deposits the same amount, so any change of the wallet's balance is a payout.
          received[o.member] += (await steps.tokenBalance(m.address)) - startBalance;

          // Invariants after every step.
          let unitsSum = 0n;
          let balanceSum = 0n;
          for (const [i, each] of members.entries()) {
            const [balance, units] = await Promise.all([steps.balanceOf(each.address), steps.unitsOf(each.address)]);
            expect(balance).toBe(owed[i]);
            expect(units).toBe(balance / UNIT_SCALE);
            expect(received[i] + balance).toBe(deposited[i]);
            expect(received[i]).toBeLessThanOrEqual(deposited[i]);
            unitsSum += units;
            balanceSum += balance;
          }
          expect(await clients.public.readContract({ address: pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' })).toBe(
            unitsSum,
          );
          expect(await steps.tokenBalance(vault)).toBe(balanceSum);
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
