import type { Hash } from '../shared/hex';
import { organiserTransactionsOf, sharePoolCreatorTransactionsOf, type TreasuryState } from './treasury-state';

/**
 * The DAO's organiser transactions (rotating pools' start, pause, resume through the Safe) and share pools' creator
 * transactions (assign, distribute, stream) are not a proposal's:
 * the DAO's own process runs them. The next one to execute is the lowest nonce whose signatures meet the
 * threshold; the Safe itself tells whether its nonce is next (an earlier one waits otherwise).
 */
export type OrganiserStep = { readonly type: 'Idle' } | { readonly type: 'ExecuteSafeTransaction'; readonly safeTxHash: Hash };

export const nextOrganiserStep = (treasury: TreasuryState): OrganiserStep => {
  if (treasury.status !== 'Deployed') return { type: 'Idle' };
  const ready = [...organiserTransactionsOf(treasury), ...sharePoolCreatorTransactionsOf(treasury)]
    .filter((tx) => tx.status === 'AwaitingSignatures' && tx.signatures.size >= treasury.contracts.threshold)
    .sort((a, b) => (a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0))[0];
  return ready ? { type: 'ExecuteSafeTransaction', safeTxHash: ready.safeTxHash } : { type: 'Idle' };
};
