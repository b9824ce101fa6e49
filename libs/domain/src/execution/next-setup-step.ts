import type { Hash } from '../shared/hex';
import { setupTransactionsOf, type TreasuryState } from './treasury-state';

/**
 * The DAO-level process after deployment: a DAO whose Safe was attached needs its treasurers to enable the
 * module relay (the setup transaction) before the timelock can act as the Safe. From the treasury's recorded
 * state, the one thing to do next; the worker performs it and asks again, as for proposals.
 * A setup transaction that failed, was replaced or was abandoned is followed by a fresh one at the next nonce.
 */
export type SetupStep =
  | { readonly type: 'Done' }
  | { readonly type: 'Wait'; readonly reason: string }
  | { readonly type: 'ProposeModuleEnable' }
  | { readonly type: 'AwaitSignatures'; readonly safeTxHash: Hash; readonly missing: number }
  | { readonly type: 'ExecuteSafeTransaction'; readonly safeTxHash: Hash };

export const nextSetupStep = (treasury: TreasuryState): SetupStep => {
  if (treasury.status !== 'Deployed') return { type: 'Wait', reason: "the DAO's contracts are not deployed yet" };
  if (treasury.moduleEnabled) return { type: 'Done' };
  const live = setupTransactionsOf(treasury).find((tx) => tx.status === 'AwaitingSignatures' || tx.status === 'Executed');
  if (!live) return { type: 'ProposeModuleEnable' };
  // Its success records the module in the same append: an executed one without it failed or is being recorded.
  if (live.status === 'Executed') return { type: 'Wait', reason: 'the setup transaction executed; recording its effect' };
  const { threshold } = treasury.contracts;
  if (live.signatures.size >= threshold) return { type: 'ExecuteSafeTransaction', safeTxHash: live.safeTxHash };
  return { type: 'AwaitSignatures', safeTxHash: live.safeTxHash, missing: threshold - live.signatures.size };
};
