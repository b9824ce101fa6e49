import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { Link, paths } from '../router';

/** The DAO's rotating savings pools and share pools, when it has any. */
export function RotatingAndSharePools({ daoId }: { daoId: string }) {
  const rotating = useQuery({
    queryKey: ['rotating-pools', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/rotating-pools', { params: { path: { id: daoId } } })),
  });
  const shares = useQuery({
    queryKey: ['share-pools', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/share-pools', { params: { path: { id: daoId } } })),
  });
  const r = rotating.data?.items ?? [];
  const s = shares.data?.items ?? [];
  if (r.length === 0 && s.length === 0) return null;
  return (
    <section className="card" aria-labelledby="other-pools-title">
      <h2 id="other-pools-title">Savings circles and share pools</h2>
      <ul>
        {r.map((p) => (
          <li key={p.poolId}>
            <Link href={paths.rotatingPool(daoId, p.poolId)}>Rotating pool {p.poolId}</Link> — {p.status.toLowerCase()}, {p.activeMembers}{' '}
            members, {p.rotationMethod}
          </li>
        ))}
        {s.map((p) => (
          <li key={p.poolId}>
            <Link href={paths.sharePool(daoId, p.poolId)}>
              {p.name} ({p.ticker})
            </Link>{' '}
            — {p.status.toLowerCase()}, {p.holderCount} holders, {p.available / 100}% of shares available
          </li>
        ))}
      </ul>
    </section>
  );
}
