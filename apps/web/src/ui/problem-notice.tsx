import { ApiProblem } from '../api/client';
import { walletMessage } from '../wallet/wallet-errors';
import { SHARE_POOL_HINTS } from './share-pool-hints';

/** Hints per stable problem code: what the person can do about it. */
const HINTS: Record<string, string> = {
  'SIGNATURE.EXPIRED': 'The signed request took too long to arrive. Press the button again to sign a fresh one.',
  'SIGNATURE.INVALID': 'The signature does not match your account. Make sure the wallet account shown at the top is the one you sign with.',
  'SIGNATURE.WRONG_CHAIN': 'Your wallet signed for another network. Switch your wallet to the DAO’s network and sign again.',
  'MEMBER.NOT_FOUND': 'This address is not a member of the DAO yet. Ask to join on the pool page first.',
  'MEMBER.ALREADY_REQUESTED': 'Your request to join is already waiting for a decision.',
  'PROPOSAL.NOT_ACTIVE': 'Voting on this proposal has ended.',
  'RATE_LIMIT.EXCEEDED': 'Too many requests from this address: wait a minute and try again.',
  'AUTH.REQUIRED': 'Sign in as an admin first (on the Admin page).',
  NETWORK: 'Check your internet connection; the page will keep trying.',
  ...SHARE_POOL_HINTS,
  'ROSCA.NOT_A_DAO_MEMBER': 'Only active members of this DAO join its savings circles: join the DAO on its Pool page first.',
  'ROSCA.ALLOWANCE_TOO_LOW': 'The pool may not take enough tokens from your wallet yet: press the button again and approve in your wallet.',
  'ROSCA.BALANCE_TOO_LOW': 'Your wallet holds too few of the DAO’s tokens: add some, then try again.',
  'ROSCA.NOT_DEPLOYED': 'The pool’s contract is still being deployed: try again in a few seconds.',
  'ROSCA.WRONG_ROUND': 'The pool moved to another round while you signed: the page now shows the open one; try again.',
  'ROSCA.FULL': 'The pool filled up before your request arrived.',
  'ROSCA.JOIN_PENDING': 'Your request to join is already in: the pool is taking your collateral.',
  'ROSCA.ALREADY_BID': 'You already bid this round; one bid per member and round.',
  'ROSCA.BANNED': 'You were expelled from one of this DAO’s savings circles and cannot join another.',
};

/** A refusal or failure, shown with what to do next. `role="alert"` makes screen readers announce it. */
export function ProblemNotice({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (error === null || error === undefined) return null;
  let title = 'Something went wrong';
  let detail = error instanceof Error ? error.message : String(error);
  let fields: { field?: string; message?: string }[] = [];
  let hint: string | undefined;
  const wallet = walletMessage(error);
  if (error instanceof ApiProblem) {
    title = error.title;
    detail = error.detail ?? '';
    fields = [...error.errors];
    hint =
      (error.code && HINTS[error.code]) ??
      (error.status === 401 || error.status === 403
        ? 'You are not allowed to do this with the credentials you have: sign in as an admin of this DAO.'
        : error.status >= 500
          ? 'The server could not finish this; nothing was changed. Try again in a moment.'
          : undefined);
  } else if (wallet) {
    title = wallet.title;
    detail = wallet.detail;
  }
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f, i) => (
            <li key={i}>
              {f.field && <strong>{f.field}</strong>} {f.message}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="hint">{hint}</p>}
      {error instanceof ApiProblem && error.code && <p className="muted small">Code {error.code}</p>}
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
