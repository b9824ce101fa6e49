import { useQuery } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok } from '../api/client';
import { DaoHeader } from '../ui/dao-header';
import { sameAddress, shortAddress, tokens } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';

export function SharePoolPage({ daoId, poolId }: { daoId: string; poolId: string }) {
  const { address } = useConnection();
  const pool = useQuery({
    queryKey: ['share-pool', daoId, poolId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/share-pools/{poolId}', { params: { path: { id: daoId, poolId } } })),
    refetchInterval: 5000,
  });
  const p = pool.data;
  const mine = p?.holders.find((h) => sameAddress(h.address, address));
  return (
    <>
      <DaoHeader daoId={daoId} title={p ? `${p.name} (${p.ticker})` : 'Share pool'} />
      <ProblemNotice error={pool.error} />
      {p && (
        <>
          <section className="card">
            <h2>Your shares</h2>
            <p className="big">{mine ? `${mine.shares / 100}% of the pool (${mine.shares} of 10,000 shares)` : 'You hold no shares.'}</p>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{p.status.toLowerCase()}</dd>
              <dt>Way in</dt>
              <dd>{p.wayToAccess}</dd>
              <dt>Available</dt>
              <dd>{p.available / 100}%</dd>
              <dt>Proceeds</dt>
              <dd>{tokens(p.proceeds, 2)} tokens</dd>
            </dl>
          </section>
          <section className="card">
            <h2>Holders</h2>
            <ul>
              {p.holders.map((h) => (
                <li key={h.address}>
                  {shortAddress(h.address)}: {h.shares / 100}%
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
