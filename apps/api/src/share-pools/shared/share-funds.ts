import { classifyChainError } from '@ayllu/chain';
import type { ExistingSharePool, ObservedBalance } from '@ayllu/domain';
import { erc20Abi, type Address, type PublicClient } from 'viem';
import { shareProblems } from './share-problems';

/**
 * The pool's contract pulls `amount` of `token` from the member with transferFrom, so the member's allowance to it
 * and balance must both cover it now. Checked before anything is recorded: a refusal leaves the nonce unused.
 */
export const requireShareFunds = async (
  chain: PublicClient,
  needed: { readonly token: Address; readonly owner: Address; readonly spender: Address; readonly amount: bigint },
): Promise<void> => {
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
    throw shareProblems.chainUnavailable(classifyChainError(error).kind);
  }
  if (allowance < amount) throw shareProblems.allowanceTooLow(spender, token, amount, allowance);
  if (balance < amount) throw shareProblems.balanceTooLow(token, amount, balance);
};

/**
 * The balances the pool's minimum-balance conditions ask about, read on chain for `holder` now and handed to the
 * domain as `observedBalances`. Without a chain nothing is observed, and such a condition refuses (the domain says
 * the balance was not observed).
 */
export const observeBalances = async (chain: PublicClient | null, pool: ExistingSharePool, holder: Address): Promise<ObservedBalance[]> => {
  const tokens = [...new Set(pool.configuration.accessConditions.flatMap((c) => (c.kind === 'minimumBalance' ? [c.token] : [])))];
  if (!chain || tokens.length === 0) return [];
  try {
    return await Promise.all(
      tokens.map(async (token) => ({
        token,
        balance: await chain.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] }),
      })),
    );
  } catch (error) {
    throw shareProblems.chainUnavailable(classifyChainError(error).kind);
  }
};
