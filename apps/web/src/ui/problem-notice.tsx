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
