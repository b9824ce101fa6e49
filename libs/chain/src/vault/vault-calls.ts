import { encodeFunctionData, erc20Abi, type Address } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import type { SafeCall } from '../safe/safe-transaction';

// Calls to the CommunityVault as plain {to, value, data}: a member sends the member calls from their wallet;
// owner calls go into a timelock batch; guardian calls into a Safe transaction.
const call = (vault: Address, data: SafeCall['data']): SafeCall => ({ to: vault, value: 0n, data });

/** The member's ERC-20 approval the vault needs before `deposit`. */
export const approveDepositCall = (asset: Address, vault: Address, amount: bigint): SafeCall => ({
  to: asset,
  value: 0n,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [vault, amount] }),
});
export const depositCall = (vault: Address, amount: bigint) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'deposit', args: [amount] }));
export const withdrawCall = (vault: Address, amount: bigint) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'withdraw', args: [amount] }));
export const requestEmergencyExitCall = (vault: Address) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'requestEmergencyExit' }));
export const completeEmergencyExitCall = (vault: Address) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'completeEmergencyExit' }));

/** Owner (timelock) or guardian (Safe). */
export const admitMemberCall = (vault: Address, member: Address) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'admitMember', args: [member] }));
/** Owner (timelock): a passed REMOVE_MEMBER proposal. */
export const removeMemberCall = (vault: Address, member: Address) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'removeMember', args: [member] }));
/** Owner (timelock): a passed WITHDRAW_FUNDS proposal raises the member's allowance above the instant limit. */
export const approveWithdrawalCall = (vault: Address, member: Address, amount: bigint) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'approveWithdrawal', args: [member, amount] }));
/** Owner (timelock): CHANGE_STRATEGY. */
export const setStrategyCall = (vault: Address, strategy: Address) =>
  call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'setStrategy', args: [strategy] }));
/** Owner (timelock): realised strategy yield goes to the Safe, which streams it. */
export const harvestCall = (vault: Address) => call(vault, encodeFunctionData({ abi: communityVaultAbi, functionName: 'harvest' }));
