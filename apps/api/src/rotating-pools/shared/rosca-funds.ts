import { classifyChainError } from '@ayllu/chain';
import { erc20Abi, type Address, type PublicClient } from 'viem';
import { roscaProblems } from './rosca-problems';

export interface FundsNeeded {
  readonly token: Address;
  readonly owner: Address;
  /** The pool's contract: it pulls the amount with transferFrom. */
  readonly spender: Address;
  readonly amount: bigint;
}

/**
 * Refuses a request the worker could not carry out: the pool's contract pulls `amount` from the member with
 * transferFrom, so the member's allowance to it and balance must both cover it now. Checked before anything is
 * recorded, so a refusal leaves the nonce unused and the member signs again after approving.
 */
export const requireFunds = async (chain: PublicClient, needed: FundsNeeded): Promise<void> => {
  const { token, owner, spender, amount } = needed;
  if (amount === 0n) return;
  let allowance: bigint;
  let balance: bigint;
  try {
    [allowance, balance] = await Promise.all([
      chain.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, spender] }),
      chain.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
    ]);
  } catch (error) {
    // A token that does not answer as an ERC-20 is as unusable now as a chain that does not answer.
    throw roscaProblems.chainUnavailable(classifyChainError(error).kind);
  }
  if (allowance < amount) throw roscaProblems.allowanceTooLow(spender, token, amount, allowance);
  if (balance < amount) throw roscaProblems.balanceTooLow(token, amount, balance);
};
