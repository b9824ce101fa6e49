import { useState, type ReactNode } from 'react';
import { ProblemNotice } from './problem-notice';

/**
 * A button that runs an async action: disabled and saying so while it runs, the failure shown under it (wallet
 * refusal, wrong network, the API's problem), the success line after it.
 */
export function ActionButton({
  label,
  busyLabel,
  run,
  done,
  className = 'primary',
  disabled,
}: {
  label: ReactNode;
  busyLabel?: string;
  run: () => Promise<string | void>;
  done?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    setSuccess(null);
    try {
      const message = await run();
      setSuccess(message ?? done ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="action">
      <button type="button" className={className} disabled={busy || disabled} aria-busy={busy} onClick={() => void click()}>
        {busy ? (busyLabel ?? 'Working… check your wallet') : label}
      </button>
      <ProblemNotice error={error} onDismiss={() => setError(null)} />
      {success && (
        <p className="notice notice-ok" role="status">
          {success}
        </p>
      )}
    </div>
  );
}
