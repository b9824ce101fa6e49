import { useProposals } from '../api/queries';
import { Link, paths } from '../router';
import { DaoHeader } from '../ui/dao-header';
import { PROPOSAL_TYPE_NAMES } from '../ui/describe-proposal';
import { when } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';

export function ProposalsPage({ daoId }: { daoId: string }) {
  const proposals = useProposals(daoId);
  const list = [...(proposals.data ?? [])].reverse();
  return (
    <>
      <DaoHeader daoId={daoId} title="Proposals" />
      <p>
        <Link href={paths.newProposal(daoId)} className="button primary">
          Make a proposal
        </Link>
      </p>
      <ProblemNotice error={proposals.error} />
      {proposals.data && list.length === 0 && <p>No proposals yet.</p>}
      <ul className="cards">
        {list.map((p) => (
          <li key={p.id} className="card">
            <h2>
              <Link href={paths.proposal(daoId, p.id)}>{p.title}</Link>
            </h2>
            <p className="small">
              <span className={`badge state-${p.state.toLowerCase()}`}>{p.state}</span> {PROPOSAL_TYPE_NAMES[p.type] ?? p.type} · for{' '}
              {p.tally.for}, against {p.tally.against}, abstain {p.tally.abstain} · {p.ballotCount} of {p.rules.eligibleVoterCount} voted
              {p.state === 'Active' && ` · voting ends ${when(p.votingEndsAt)}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
