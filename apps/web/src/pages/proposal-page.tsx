import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok, type Schemas } from '../api/client';
import { signIntent, useBallots, useContracts, useEligibility, usePayouts, useProposal, useSafeTransactions } from '../api/queries';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { describeProposal, PROPOSAL_TYPE_NAMES } from '../ui/describe-proposal';
import { Field } from '../ui/field';
import { percent, perMonth, sameAddress, shortAddress, when } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { NoWalletError } from '../wallet/wallet-errors';

type Step = { label: string; state: 'done' | 'now' | 'later' | 'failed'; detail: string };

const timelineSteps = (p: Schemas['ProposalDetailView'], safeTxs: Schemas['SafeTransactionView'][], streaming: boolean): Step[] => {
  const at = (type: string) => p.timeline.find((e) => e.type === type);
  const ended = ['Defeated', 'Canceled', 'Expired'].includes(p.state) || !!at('ProposalVetoed');
  const passed = !!at('ProposalSucceeded');
  const tx = safeTxs.find((t) => t.proposalId === p.id && t.purpose === 'schedule');
  const scheduled = at('ProposalScheduled');
  const executed = at('ProposalExecuted');
  const failed = at('ProposalExecutionFailed');
  // The timelock's eta: chain time (unix seconds) from which anyone may run the operation.
  const eta = (scheduled?.data as { eta?: string } | undefined)?.eta;
  const readyAt = eta && /^\d+$/.test(eta) ? new Date(Number(eta) * 1000).toISOString() : eta;
  const executedTx = (executed?.data as { txHash?: string } | undefined)?.txHash;
  const steps: Step[] = [
    {
      label: 'Vote',
      state: p.state === 'Active' ? 'now' : passed ? 'done' : 'failed',
      detail:
        p.state === 'Active'
          ? `Open until ${when(p.votingEndsAt)}`
          : passed
            ? `Passed ${when(at('ProposalSucceeded')?.occurredAt)}`
            : `${p.state} — nothing will run`,
    },
    {
      label: 'Treasurers sign the Safe transaction',
      state: !passed || ended ? 'later' : tx?.status === 'executed' || scheduled ? 'done' : 'now',
      detail: tx
        ? `${tx.signedBy.length} of ${tx.threshold} signatures${tx.signaturesMissing > 0 ? `; waiting for ${tx.signaturesMissing} more` : ''}`
        : passed
          ? 'The platform is preparing the Safe transaction'
          : 'After the vote passes',
    },
    {
      label: 'Timelock',
      state: executed || failed ? 'done' : scheduled ? 'now' : 'later',
      detail: scheduled
        ? `Scheduled; can run from ${readyAt ? `${when(readyAt)} (chain time)` : 'the end of the delay'}`
        : 'Waits the DAO’s delay once signed',
    },
    {
      label: 'Execution',
      state: executed ? 'done' : failed ? 'failed' : 'later',
      detail: executed
        ? `Ran on chain ${when(executed.occurredAt)}${executedTx ? ` (transaction ${executedTx})` : ''}`
        : failed
          ? 'Failed on chain'
          : 'Anyone may run it after the delay',
    },
  ];
  if (p.type === 'DISTRIBUTE_YIELDS')
    steps.push({
      label: 'Stream',
      state: executed && streaming ? 'done' : 'later',
      detail: executed && streaming ? 'Yield is streaming to members now' : 'Starts when it runs',
    });
  return steps;
};

function Vote({ daoId, proposal, chainId }: { daoId: string; proposal: Schemas['ProposalDetailView']; chainId: number }) {
  const { address } = useConnection();
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const vote = (support: 'for' | 'against' | 'abstain') => async () => {
    if (!address) throw new NoWalletError();
    const body = await signIntent(daoId, chainId, 'vote', { voter: address, proposalId: proposal.id, support, reason });
    await ok(api.POST('/v1/daos/{id}/proposals/{pid}/votes', { params: { path: { id: daoId, pid: proposal.id } }, body: body as never }));
    await client.invalidateQueries({ queryKey: ['ballots', daoId, proposal.id] });
    await client.invalidateQueries({ queryKey: ['proposal', daoId, proposal.id] });
    return `Your vote “${support}” is recorded.`;
  };
  return (
    <section className="card" aria-labelledby="vote-title">
      <h2 id="vote-title">Your vote</h2>
      <Field label="Reason (optional, public)">{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="row">
        <ActionButton label="Vote for" run={vote('for')} />
        <ActionButton label="Vote against" className="secondary" run={vote('against')} />
        <ActionButton label="Abstain" className="secondary" run={vote('abstain')} />
      </div>
    </section>
  );
}

function Tally({ p }: { p: Schemas['ProposalDetailView'] }) {
  const total = BigInt(p.rules.totalEligibleWeight || '0');
  const bar = (value: string) => (total > 0n ? Number((BigInt(value) * 10_000n) / total) / 100 : 0);
  return (
    <dl className="tally" data-testid="tally">
      {(['for', 'against', 'abstain'] as const).map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <span className="bar" style={{ width: `${bar(p.tally[k])}%` }} aria-hidden="true" /> {p.tally[k]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ProposalPage({ daoId, proposalId }: { daoId: string; proposalId: string }) {
  const proposal = useProposal(daoId, proposalId);
  const ballots = useBallots(daoId, proposalId);
  const contracts = useContracts(daoId);
  const safeTxs = useSafeTransactions(daoId);
  const payouts = usePayouts(daoId);
  const { address } = useConnection();
  const p = proposal.data;
  const mine = ballots.data?.filter((b) => sameAddress(b.voter, address)) ?? [];
  const eligible = useEligibility(daoId, proposalId, address).data;
  const streaming = BigInt(payouts.data?.totalFlowRate ?? '0') > 0n;
  return (
    <>
      <DaoHeader daoId={daoId} title={p?.title ?? 'Proposal'} />
      <ProblemNotice error={proposal.error} />
      {p && (
        <>
          <p>
            <span className={`badge state-${p.state.toLowerCase()}`} data-testid="proposal-state">
              {p.state}
            </span>{' '}
            {PROPOSAL_TYPE_NAMES[p.type] ?? p.type} proposed by {shortAddress(p.proposer)}
          </p>
          {p.description && <p>{p.description}</p>}
          <section className="card" aria-labelledby="effect-title">
            <h2 id="effect-title">What it does</h2>
            <p data-testid="proposal-effect">{describeProposal(p.type, p.payload as Record<string, unknown>)}</p>
          </section>
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Where it is</h2>
            <ol className="steps">
              {timelineSteps(p, safeTxs.data?.items ?? [], streaming).map((s) => (
                <li key={s.label} className={`step step-${s.state}`} aria-current={s.state === 'now' ? 'step' : undefined}>
                  <strong>{s.label}</strong> <span className="small">{s.detail}</span>
                </li>
              ))}
            </ol>
            {safeTxs.data?.items.some((t) => t.proposalId === p.id) && (
              <p className="small">
                <Link href={paths.treasury(daoId)}>See the treasury queue</Link>
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="tally-title">
            <h2 id="tally-title">Votes so far</h2>
            <Tally p={p} />
            <p className="small">
              {p.ballotCount} of {p.rules.eligibleVoterCount} eligible voters have voted.
            </p>
          </section>
          {p.state === 'Active' && contracts.data && address && eligible && mine.length === 0 && (
            <Vote daoId={daoId} proposal={p} chainId={contracts.data.chainId} />
          )}
          {p.state === 'Active' && address && eligible === false && (
            <p className="notice">You cannot vote on this proposal: only members when it was made can vote on it.</p>
          )}
          {mine.length > 0 && (
            <section className="card" aria-labelledby="ballot-title">
              <h2 id="ballot-title">Your ballot</h2>
              <ul data-testid="my-ballot">
                {mine.map((b) => (
                  <li key={b.position}>
                    {b.choice} (weight {b.weight}) at {when(b.castAt)}
                    {b.replaced && ' — replaced by a later vote'}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">Rules fixed when it was made</h2>
            <dl className="facts">
              <dt>Voting</dt>
              <dd>{p.rules.votingType === 'democratic' ? 'One member, one vote' : 'Weighted by deposits'}</dd>
              <dt>Quorum</dt>
              <dd>{percent(p.rules.quorumBps)} of eligible weight must vote</dd>
              <dt>To pass</dt>
              <dd>More than {percent(p.rules.thresholdBps)} of for + against</dd>
              <dt>Eligible voters</dt>
              <dd>{p.rules.eligibleVoterCount}</dd>
              <dt>Vote changes</dt>
              <dd>{p.rules.allowVoteChange ? 'Allowed until the deadline' : 'Not allowed'}</dd>
              <dt>Closes early</dt>
              <dd>{p.rules.earlyClose ? 'Yes, once the outcome cannot change' : 'No'}</dd>
            </dl>
          </section>
          {p.type === 'DISTRIBUTE_YIELDS' && streaming && (
            <p className="notice notice-ok">
              The pool streams {perMonth(payouts.data!.totalFlowRate)} tokens a month. <Link href={paths.pool(daoId)}>See yours</Link>.
            </p>
          )}
        </>
      )}
    </>
  );
}
