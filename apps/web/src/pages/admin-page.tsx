import { useState, type FormEvent } from 'react';
import { adminHeaders, api, ok, setAdminCredential } from '../api/client';
import { Link, paths } from '../router';
import { Field, lines } from '../ui/field';
import { parseAmount } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { useAdminCredential } from './use-admin';

function AdminKeySignIn() {
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) setAdminCredential({ kind: 'key', token: key.trim() });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="admin-key-title">
      <h2 id="admin-key-title">Sign in with the admin key</h2>
      <p>
        The platform admin key creates DAOs (`npm start` prints it and keeps it in <code>.data/admin-key</code>). A DAO admin whose wallet
        is listed on a DAO signs in with Ethereum on that DAO’s Admin page instead.
      </p>
      <Field label="Admin key" hint="Kept in this browser tab only; closing the tab signs you out.">
        {(p) => <input {...p} type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} required />}
      </Field>
      <button type="submit" className="primary">
        Sign in
      </button>
    </form>
  );
}

const DEFAULTS = {
  name: '',
  description: '',
  access: 'open' as 'open' | 'closed' | 'hybrid',
  votingType: 'democratic' as 'democratic' | 'weighted',
  quorumPercent: '51',
  votingMinutes: '4320',
  earlyClose: true,
  allowVoteChange: false,
  minimumDeposit: '0',
  feePercent: '10',
  feeCollector: '',
  timelockHours: '48',
  founders: '',
  treasurers: '',
  threshold: '2',
  adminWallets: '',
};

function CreateDaoForm() {
  const [form, setForm] = useState(DEFAULTS);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof DEFAULTS>(key: K, value: (typeof DEFAULTS)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const treasurers = lines(form.treasurers);
      const minimumDeposit = form.minimumDeposit.trim() === '0' ? 0n : parseAmount(form.minimumDeposit);
      const dao = await ok(
        api.POST('/v1/daos', {
          headers: adminHeaders(),
          body: {
            name: form.name,
            description: form.description,
            access: form.access,
            votingType: form.votingType,
            quorumBps: Math.round(Number(form.quorumPercent) * 100),
            votingPeriodSeconds: Math.round(Number(form.votingMinutes) * 60),
            earlyClose: form.earlyClose,
            allowVoteChange: form.allowVoteChange,
            minimumDeposit: (minimumDeposit ?? -1n).toString(),
            maxMembers: 1000,
            maxActiveProposals: 10,
            smallWithdrawalLimitBps: 1000,
            emergencyExitWaitSeconds: 7 * 86_400,
            platformFeeBps: Math.round(Number(form.feePercent) * 100),
            yieldMode: 'compound',
            timelockDelaySeconds: Math.round(Number(form.timelockHours) * 3600),
            executionWindowSeconds: 7 * 86_400,
            founders: lines(form.founders),
            treasurers,
            ...(treasurers.length > 0 && { treasurerThreshold: Number(form.threshold) }),
            ...(form.feeCollector.trim() && { feeCollector: form.feeCollector.trim() }),
          },
        }),
      );
      for (const address of lines(form.adminWallets))
        await ok(api.POST('/v1/daos/{id}/admin-wallets', { params: { path: { id: dao.id } }, headers: adminHeaders(), body: { address } }));
      setCreated({ id: dao.id, name: dao.name });
      setForm(DEFAULTS);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="create-dao-title" noValidate>
      <h2 id="create-dao-title">Create a DAO</h2>
      <fieldset>
        <legend>1. About it</legend>
        <Field label="Name">{(p) => <input {...p} value={form.name} onChange={(e) => set('name', e.target.value)} required />}</Field>
        <Field label="Description">
          {(p) => <textarea {...p} value={form.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>2. Who is in</legend>
        <Field
          label="Access"
          hint="Open: deposit the minimum and you are in. Hybrid: an admin approves each request. Closed: members vote people in."
        >
          {(p) => (
            <select {...p} value={form.access} onChange={(e) => set('access', e.target.value as typeof form.access)}>
              <option value="open">Open</option>
              <option value="hybrid">Hybrid (admin approves)</option>
              <option value="closed">Closed (members vote)</option>
            </select>
          )}
        </Field>
        <Field label="Founding members" hint="Wallet addresses, one a line. They are members from the start.">
          {(p) => <textarea {...p} value={form.founders} onChange={(e) => set('founders', e.target.value)} rows={3} />}
        </Field>
        <Field label="Minimum deposit (tokens)">
          {(p) => <input {...p} inputMode="decimal" value={form.minimumDeposit} onChange={(e) => set('minimumDeposit', e.target.value)} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>3. How it decides</legend>
        <Field label="Voting">
          {(p) => (
            <select {...p} value={form.votingType} onChange={(e) => set('votingType', e.target.value as typeof form.votingType)}>
              <option value="democratic">One member, one vote</option>
              <option value="weighted">Weighted by deposits</option>
            </select>
          )}
        </Field>
        <Field label="Quorum (%)" hint="Share of the votes that must take part.">
          {(p) => <input {...p} inputMode="decimal" value={form.quorumPercent} onChange={(e) => set('quorumPercent', e.target.value)} />}
        </Field>
        <Field label="Voting period (minutes)">
          {(p) => <input {...p} inputMode="numeric" value={form.votingMinutes} onChange={(e) => set('votingMinutes', e.target.value)} />}
        </Field>
        <div className="field checkbox">
          <input id="early-close" type="checkbox" checked={form.earlyClose} onChange={(e) => set('earlyClose', e.target.checked)} />
          <label htmlFor="early-close">Close a vote as soon as its outcome cannot change</label>
        </div>
        <div className="field checkbox">
          <input
            id="allow-vote-change"
            type="checkbox"
            checked={form.allowVoteChange}
            onChange={(e) => set('allowVoteChange', e.target.checked)}
          />
          <label htmlFor="allow-vote-change">Let members change their vote until voting ends (every ballot stays in the history)</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>4. Treasury</legend>
        <Field label="Treasurers" hint="The Safe’s owners, one address a line. They sign what passed votes ask of the treasury.">
          {(p) => <textarea {...p} value={form.treasurers} onChange={(e) => set('treasurers', e.target.value)} rows={3} />}
        </Field>
        <Field label="Signatures needed">
          {(p) => <input {...p} inputMode="numeric" value={form.threshold} onChange={(e) => set('threshold', e.target.value)} />}
        </Field>
        <Field label="Timelock delay (hours)" hint="How long a signed transaction waits before it can run: time for members to react.">
          {(p) => <input {...p} inputMode="decimal" value={form.timelockHours} onChange={(e) => set('timelockHours', e.target.value)} />}
        </Field>
        <Field label="Platform fee on yield (%)">
          {(p) => <input {...p} inputMode="decimal" value={form.feePercent} onChange={(e) => set('feePercent', e.target.value)} />}
        </Field>
        <Field label="Fee collector (address, optional)">
          {(p) => <input {...p} value={form.feeCollector} onChange={(e) => set('feeCollector', e.target.value)} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>5. Admins</legend>
        <Field label="Admin wallets" hint="Addresses that may sign in with Ethereum to administer this DAO, one a line.">
          {(p) => <textarea {...p} value={form.adminWallets} onChange={(e) => set('adminWallets', e.target.value)} rows={2} />}
        </Field>
      </fieldset>
      <ProblemNotice error={error} onDismiss={() => setError(null)} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create the DAO'}
      </button>
      {created && (
        <p className="notice notice-ok" role="status">
          Created <Link href={paths.pool(created.id)}>{created.name}</Link>. Its Safe, timelock, vault and payout pool are being deployed
          now. <Link href={paths.daoAdmin(created.id)}>Open its admin page</Link>.
        </p>
      )}
    </form>
  );
}

export function AdminPage() {
  const credential = useAdminCredential();
  return (
    <>
      <h1>Admin</h1>
      {credential?.kind === 'key' ? (
        <>
          <p>
            Signed in with an admin key.{' '}
            <button type="button" className="link-button" onClick={() => setAdminCredential(null)}>
              Sign out
            </button>
          </p>
          <CreateDaoForm />
        </>
      ) : (
        <>
          {credential?.kind === 'siwe' && (
            <p className="notice">
              You are signed in with Ethereum as an admin of one DAO (<Link href={paths.daoAdmin(credential.daoId!)}>its admin page</Link>).
              Creating DAOs needs the platform admin key.
            </p>
          )}
          <AdminKeySignIn />
        </>
      )}
    </>
  );
}
