import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { adminHeaders, api, ok, setAdminCredential, type Schemas } from '../api/client';
import { useDao, useMembers, useProposals } from '../api/queries';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { Field } from '../ui/field';
import { shortAddress, when } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { signText } from '../wallet/actions';
import { NoWalletError } from '../wallet/wallet-errors';
import { useAdminCredential } from './use-admin';

function SignInWithEthereum({ daoId }: { daoId: string }) {
  const { address } = useConnection();
  const signIn = async () => {
    if (!address) throw new NoWalletError();
    const { message } = await ok(api.POST('/v1/daos/{id}/admin-sessions/nonce', { params: { path: { id: daoId } }, body: { address } }));
    const signature = await signText(message);
    const session = await ok(api.POST('/v1/daos/{id}/admin-sessions', { params: { path: { id: daoId } }, body: { message, signature } }));
    setAdminCredential({ kind: 'siwe', token: session.token, daoId, address: session.address });
    return `Signed in as ${shortAddress(session.address)} until ${when(session.expiresAt)}.`;
  };
  return (
    <section className="card" aria-labelledby="siwe-title">
      <h2 id="siwe-title">Sign in with Ethereum</h2>
      <p>Admins whose wallet is listed on this DAO sign a one-time message (it costs nothing and sends no transaction).</p>
      <ActionButton label="Sign in with my wallet" run={signIn} />
      <p className="small">
        Or use an admin key on the <Link href={paths.admin()}>Admin</Link> page.
      </p>
    </section>
  );
}

function JoinRequests({ daoId }: { daoId: string }) {
  const dao = useDao(daoId);
  const members = useMembers(daoId);
  const client = useQueryClient();
  const pending = members.data?.items.filter((m) => m.status === 'PENDING') ?? [];
  return (
    <section className="card" aria-labelledby="joins-title">
      <h2 id="joins-title">Join requests</h2>
      <ProblemNotice error={members.error} />
      {pending.length === 0 && <p className="muted">No one is waiting.</p>}
      <ul className="plain">
        {pending.map((m) => (
          <li key={m.address}>
            <code>{m.address}</code>{' '}
            {m.admitted ? (
              <span className="badge">approved: becomes active after depositing the minimum</span>
            ) : dao.data?.access === 'hybrid' ? (
              <ActionButton
                label="Approve"
                run={async () => {
                  await ok(
                    api.POST('/v1/daos/{id}/members/{address}/approval', {
                      params: { path: { id: daoId, address: m.address } },
                      headers: adminHeaders(),
                    }),
                  );
                  await client.invalidateQueries({ queryKey: ['members', daoId] });
                  return 'Approved.';
                }}
              />
            ) : (
              <span className="small muted">
                {dao.data?.access === 'open' ? 'Open DAO: they are in once they deposit the minimum' : 'Closed DAO: members vote them in'}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Veto({ daoId }: { daoId: string }) {
  const proposals = useProposals(daoId);
  const [reason, setReason] = useState('');
  const open = proposals.data?.filter((p) => ['Active', 'Succeeded', 'Queued', 'Scheduled'].includes(p.state)) ?? [];
  return (
    <section className="card" aria-labelledby="veto-title">
      <h2 id="veto-title">Veto a proposal</h2>
      <p>A veto stops a proposal before it runs. Say why: members see the reason.</p>
      <Field label="Reason">{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      {open.length === 0 && <p className="muted">No proposal can be vetoed now.</p>}
      <ul className="plain">
        {open.map((p) => (
          <li key={p.id}>
            <Link href={paths.proposal(daoId, p.id)}>{p.title}</Link> ({p.state}){' '}
            <ActionButton
              label="Veto"
              className="danger"
              run={async () => {
                await ok(
                  api.POST('/v1/daos/{id}/proposals/{pid}/veto', {
                    params: { path: { id: daoId, pid: p.id } },
                    headers: adminHeaders(),
                    body: { reason },
                  }),
                );
                return 'Vetoed.';
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Deliveries({ daoId, webhook }: { daoId: string; webhook: Schemas['WebhookView'] }) {
  const deliveries = useQuery({
    queryKey: ['deliveries', daoId, webhook.id],
    queryFn: () =>
      ok(
        api.GET('/v1/daos/{id}/webhooks/{wid}/deliveries', {
          params: { path: { id: daoId, wid: webhook.id }, query: { limit: '20' } },
          headers: adminHeaders(),
        }),
      ),
    refetchInterval: 5000,
  });
  const [since, setSince] = useState('0');
  return (
    <details>
      <summary>Delivery log</summary>
      <ProblemNotice error={deliveries.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Notification</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data?.items.map((d) => (
              <tr key={d.id}>
                <td>{d.type}</td>
                <td>{d.status}</td>
                <td>{d.attempts.length}</td>
                <td>{d.lastStatusCode ?? d.attempts.at(-1)?.error ?? '—'}</td>
                <td>
                  <ActionButton
                    label="Send again"
                    className="secondary small-button"
                    run={async () => {
                      await ok(
                        api.POST('/v1/daos/{id}/webhooks/{wid}/deliveries/{did}/redelivery', {
                          params: { path: { id: daoId, wid: webhook.id, did: d.id } },
                          headers: adminHeaders(),
                        }),
                      );
                      return 'Queued again.';
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Field label="Replay every notification since (log position or ISO time)">
        {(p) => <input {...p} value={since} onChange={(e) => setSince(e.target.value)} />}
      </Field>
      <ActionButton
        label="Replay"
        className="secondary"
        run={async () => {
          const r = await ok(
            api.POST('/v1/daos/{id}/webhooks/{wid}/replay', {
              params: { path: { id: daoId, wid: webhook.id } },
              headers: adminHeaders(),
              body: { since },
            }),
          );
          return `Queued ${r.queued} notifications again.`;
        }}
      />
    </details>
  );
}

function Webhooks({ daoId }: { daoId: string }) {
  const client = useQueryClient();
  const hooks = useQuery({
    queryKey: ['webhooks', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/webhooks', { params: { path: { id: daoId } }, headers: adminHeaders() })),
  });
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<'standard' | 'discord'>('standard');
  const list = (hooks.data ?? []) as Schemas['WebhookView'][];
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <ProblemNotice error={hooks.error} />
      <ul className="plain">
        {list.map((w) => (
          <li key={w.id}>
            <code>{w.url}</code> — {w.format}, {w.status}
            <Deliveries daoId={daoId} webhook={w} />
          </li>
        ))}
      </ul>
      <Field label="New webhook URL">{(p) => <input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}</Field>
      <Field label="Format">
        {(p) => (
          <select {...p} value={format} onChange={(e) => setFormat(e.target.value as 'standard' | 'discord')}>
            <option value="standard">Standard Webhooks (signed JSON)</option>
            <option value="discord">Discord channel</option>
          </select>
        )}
      </Field>
      <ActionButton
        label="Add webhook"
        run={async () => {
          const created = await ok(
            api.POST('/v1/daos/{id}/webhooks', {
              params: { path: { id: daoId } },
              headers: adminHeaders(),
              body: { url, events: '*', format },
            }),
          );
          await client.invalidateQueries({ queryKey: ['webhooks', daoId] });
          setUrl('');
          return `Added. Its signing secret (shown once): ${created.secret}`;
        }}
      />
    </section>
  );
}

export function DaoAdminPage({ daoId }: { daoId: string }) {
  const credential = useAdminCredential();
  const signedIn = credential && (credential.kind === 'key' || credential.daoId === daoId);
  return (
    <>
      <DaoHeader daoId={daoId} title="DAO admin" />
      {signedIn ? (
        <>
          <p data-testid="admin-identity">
            Signed in {credential.kind === 'siwe' ? `with Ethereum as ${shortAddress(credential.address)}` : 'with an admin key'}.{' '}
            <button type="button" className="link-button" onClick={() => setAdminCredential(null)}>
              Sign out
            </button>
          </p>
          <JoinRequests daoId={daoId} />
          <Veto daoId={daoId} />
          <Webhooks daoId={daoId} />
        </>
      ) : (
        <SignInWithEthereum daoId={daoId} />
      )}
    </>
  );
}
