import { useQuery } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok } from '../api/client';
import { DaoHeader } from '../ui/dao-header';
import { sameAddress, shortAddress, tokens, when } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';

export function RotatingPoolPage({ daoId, poolId }: { daoId: string; poolId: string }) {
  const { address } = useConnection();
  const pool = useQuery({
    queryKey: ['rotating-pool', daoId, poolId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/rotating-pools/{poolId}', { params: { path: { id: daoId, poolId } } })),
    refetchInterval: 5000,
  });
  const p = pool.data;
  return (
    <>
      <DaoHeader daoId={daoId} title="Rotating savings pool" />
      <ProblemNotice error={pool.error} />
      {p && (
        <>
          <section className="card">
            <h2>How it stands</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{p.status.toLowerCase()}</dd>
              <dt>Who receives each round</dt>
              <dd>{p.rotationMethod}</dd>
              <dt>Members</dt>
              <dd>{p.activeMembers}</dd>
              <dt>Round</dt>
              <dd>
                {p.currentRound ?? '—'} of {p.rounds ?? '—'}
              </dd>
              <dt>Next payout</dt>
              <dd>{p.nextPayout ? JSON.stringify(p.nextPayout) : '—'}</dd>
              <dt>Paid through the pool</dt>
              <dd>{tokens(p.totalVolume, 2)} tokens</dd>
            </dl>
          </section>
          <section className="card">
            <h2>Schedule</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col">Due</th>
                    <th scope="col">Recipient</th>
                    <th scope="col">State</th>
                    <th scope="col">Paid</th>
                  </tr>
                </thead>
                <tbody>
                  {p.schedule.map((r) => (
                    <tr key={r.round} className={sameAddress(r.recipient, address) ? 'mine' : undefined}>
                      <td>{r.round}</td>
                      <td>{when(r.dueAt)}</td>
                      <td>{r.recipient ? shortAddress(r.recipient) : 'to be decided'}</td>
                      <td>{r.state}</td>
                      <td>{r.paid ? tokens(r.paid, 2) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
