import { useQuery } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok, type Schemas } from '../api/client';
import { useMember } from '../api/queries';
import { Link, paths } from '../router';
import { ProblemNotice } from '../ui/problem-notice';

function DaoRow({ dao, me }: { dao: Schemas['DaoView']; me: string | undefined }) {
  const member = useMember(dao.id, me);
  const status = member.data?.status;
  return (
    <li className="card dao-row">
      <h2>
        <Link href={paths.pool(dao.id)}>{dao.name}</Link>
      </h2>
      <p className="muted">{dao.description || 'A community pool'}</p>
      <p className="small">
        {dao.memberCount} members · {dao.access} access · {dao.votingType} voting
        {status && <span className={`badge badge-${status.toLowerCase()}`}>You: {status.toLowerCase()}</span>}
      </p>
      <p className="small">
        <Link href={paths.proposals(dao.id)}>Proposals</Link> · <Link href={paths.treasury(dao.id)}>Treasury</Link>
      </p>
    </li>
  );
}

export function HomePage() {
  const { address } = useConnection();
  const daos = useQuery({ queryKey: ['daos'], queryFn: () => ok(api.GET('/v1/daos', {})), refetchInterval: 10_000 });
  return (
    <>
      <h1>My DAOs and pools</h1>
      {!address && <p className="notice">Connect your wallet to see which DAOs you belong to.</p>}
      <ProblemNotice error={daos.error} />
      {daos.data && daos.data.items.length === 0 && (
        <p>
          There are no DAOs yet. An admin creates them on the <Link href={paths.admin()}>Admin</Link> page.
        </p>
      )}
      <ul className="cards">
        {daos.data?.items.map((dao) => (
          <DaoRow key={dao.id} dao={dao} me={address} />
        ))}
      </ul>
    </>
  );
}
