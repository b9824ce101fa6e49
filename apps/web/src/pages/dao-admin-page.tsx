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

type Delivery = Schemas['DeliveryView'];

const ANSWER = (a: Schemas['DeliveryAttemptView']) =>
  `${a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? 'no answer')} after ${a.latencyMs} ms: ${a.outcome}`;

/** A delivery's state in words: delivered when, retried when, or given up. */
const deliveryState = (d: Delivery) =>
  d.status === 'delivered'
    ? `Delivered ${when(d.deliveredAt)}`
    : d.status === 'dead'
      ? `Given up after ${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`
      : d.nextAttemptAt
        ? `Pending; next try ${when(d.nextAttemptAt)}`
        : 'Pending';

function Deliveries({ daoId, webhook }: { daoId: string; webhook: Schemas['WebhookView'] }) {
  const [status, setStatus] = useState<'' | 'pending' | 'delivered' | 'dead'>('');
  const [pages, setPages] = useState(1);
  const client = useQueryClient();
  const deliveries = useQuery({
    queryKey: ['deliveries', daoId, webhook.id, status, pages],
    queryFn: async () => {
      const items: Delivery[] = [];
      let cursor: string | undefined;
      let more = false;
      for (let page = 0; page < pages; page++) {
        const answer = await ok(
          api.GET('/v1/daos/{id}/webhooks/{wid}/deliveries', {
            params: { path: { id: daoId, wid: webhook.id }, query: { limit: '20', ...(status && { status }), ...(cursor && { cursor }) } },
            headers: adminHeaders(),
          }),
        );
        items.push(...answer.items);
        cursor = answer.nextCursor ?? undefined;
        more = !!cursor;
        if (!cursor) break;
      }
      return { items, more };
    },
    refetchInterval: 5000,
  });
  const [since, setSince] = useState('0');
  const items = deliveries.data?.items ?? [];
  return (
    <details className="deliveries">
      <summary>Delivery log</summary>
      <ProblemNotice error={deliveries.error} />
      <Field label="Show">
        {(p) => (
          <select
            {...p}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as typeof status);
              setPages(1);
            }}
          >
            <option value="">Every notification</option>
            <option value="dead">Given up (dead letters)</option>
            <option value="pending">Still being tried</option>
            <option value="delivered">Delivered</option>
          </select>
        )}
      </Field>
      {deliveries.data && items.length === 0 && <p className="muted">No notifications {status ? 'of this kind ' : ''}yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="delivery-log">
            <caption className="visually-hidden">Notifications sent to {webhook.url}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                <th scope="col">Created</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.type}
                    <div className="small muted">log position {d.logPosition}</div>
                  </td>
                  <td>{when(d.createdAt)}</td>
                  <td>{deliveryState(d)}</td>
                  <td>
                    {d.attempts.length === 0 ? (
                      'none yet'
                    ) : (
                      <details>
                        <summary>
                          {d.attempts.length}, last: {d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.attempts.at(-1)?.error ?? '—')}
                        </summary>
                        <ol className="small">
                          {d.attempts.map((a) => (
                            <li key={a.attempt}>
                              {when(a.startedAt)}: {ANSWER(a)}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </td>
                  <td>
                    <ActionButton
                      label={
                        <>
                          Send again<span className="visually-hidden"> {d.type}</span>
                        </>
                      }
                      className="secondary small-button"
                      run={async () => {
                        await ok(
                          api.POST('/v1/daos/{id}/webhooks/{wid}/deliveries/{did}/redelivery', {
                            params: { path: { id: daoId, wid: webhook.id, did: d.id } },
                            headers: adminHeaders(),
                          }),
                        );
                        await client.invalidateQueries({ queryKey: ['deliveries', daoId, webhook.id] });
                        return 'Queued again.';
                      }}
                    />
                    <button type="button" className="link-button small" onClick={() => setSince(d.logPosition)}>
                      Replay from here
                      <span className="visually-hidden">
                        {' '}
                        ({d.type}, position {d.logPosition})
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.data?.more && (
        <button type="button" className="secondary small-button" onClick={() => setPages((n) => n + 1)}>
          Show older
        </button>
      )}
      <Field
        label="Replay every notification since (log position or ISO time)"
        hint="Sends again, with the same ids, every notification this webhook selects from that point of the DAO's log on: receivers that missed some catch up, and those that did not can drop duplicates by id."
      >
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
          await client.invalidateQueries({ queryKey: ['deliveries', daoId, webhook.id] });
          return `Queued ${r.queued} notification${r.queued === 1 ? '' : 's'} again.`;
        }}
      />
    </details>
  );
}

function Webhooks({ daoId }: { daoId: string }) {
  const client = useQueryClient();
  const hooks = useQuery({
    queryKey: ['webhooks', daoId],
    queryFn: () =>
      ok(api.GET('/v1/daos/{id}/webhooks', { params: { path: { id: daoId }, query: { limit: '1000' } }, headers: adminHeaders() })),
  });
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<'standard' | 'discord'>('standard');
  const list = (hooks.data?.items ?? []) as Schemas['WebhookView'][];
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
