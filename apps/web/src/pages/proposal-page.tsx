import { useState, type ReactNode } from 'react';
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
import { TxLink } from '../ui/chain-links';
import { useDaoTokens } from '../api/token';
import { ProblemNotice } from '../ui/problem-notice';
import { NoWalletError } from '../wallet/wallet-errors';

type Step = { label: string; state: 'done' | 'now' | 'later' | 'failed'; detail: ReactNode };
type Ballot = Schemas['BallotView'];

const timelineSteps = (
  p: Schemas['ProposalDetailView'],
  safeTxs: Schemas['SafeTransactionView'][],
  streaming: boolean,
  chainId: number | undefined,
): Step[] => {
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
      detail: tx ? (
        <>
          {tx.signedBy.length} of {tx.threshold} signatures
          {tx.signaturesMissing > 0 &&
            `; waiting for ${tx.signaturesMissing} more, from ${tx.signaturesMissing === tx.awaiting.length ? '' : 'any of '}${tx.awaiting.map(shortAddress).join(', ')}`}
          {tx.executionTxHash && (
            <>
              ; sent to the timelock in <TxLink chainId={chainId} hash={tx.executionTxHash} />
            </>
          )}
        </>
      ) : passed ? (
        'The platform is preparing the Safe transaction'
      ) : (
        'After the vote passes'
      ),
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
      detail: executed ? (
        <>
          Ran on chain {when(executed.occurredAt)}
          {executedTx && (
            <>
              {' '}
              in <TxLink chainId={chainId} hash={executedTx} />
            </>
          )}
        </>
      ) : failed ? (
        `Failed on chain: ${(failed.data as { reason?: string } | undefined)?.reason ?? 'no reason given'}`
      ) : (
        'The platform runs it once the delay is over'
      ),
    },
  ];
  const mode = (p.payload as { mode?: string }).mode;
  if (p.type === 'DISTRIBUTE_YIELDS' && mode === 'stream')
    steps.push({
      label: 'Stream',
      state: executed && streaming ? 'done' : executed ? 'now' : 'later',
      detail:
        executed && streaming ? 'Yield is streaming to members now' : executed ? 'Starting: the pool is being read' : 'Starts when it runs',
    });
  if (p.type === 'DISTRIBUTE_YIELDS' && mode === 'stop')
    steps.push({
      label: 'Stream stops',
      state: executed && !streaming ? 'done' : 'later',
      detail: executed && !streaming ? 'No yield streams to members now' : 'Stops when it runs',
    });
  return steps;
};

function Vote({
  daoId,
  proposal,
  chainId,
  current,
}: {
  daoId: string;
  proposal: Schemas['ProposalDetailView'];
  chainId: number;
  current: Ballot | undefined;
}) {
  const { address } = useConnection();
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const vote = (support: 'for' | 'against' | 'abstain') => async () => {
    if (!address) throw new NoWalletError();
    const body = await signIntent(daoId, chainId, 'vote', { voter: address, proposalId: proposal.id, support, reason });
    await ok(api.POST('/v1/daos/{id}/proposals/{pid}/votes', { params: { path: { id: daoId, pid: proposal.id } }, body: body as never }));
    await client.invalidateQueries({ queryKey: ['ballots', daoId, proposal.id] });
    await client.invalidateQueries({ queryKey: ['proposal', daoId, proposal.id] });
    return current ? `Your vote is now “${support}”; your earlier ballot stays in the history.` : `Your vote “${support}” is recorded.`;
  };
  return (
    <section className="card" aria-labelledby="vote-title">
      <h2 id="vote-title">{current ? 'Change your vote' : 'Your vote'}</h2>
      {current && (
        <p>You voted “{current.choice}”. This DAO lets members change their vote until voting ends; only your latest ballot counts.</p>
      )}
      <Field label="Reason (optional, public)">{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="row">
        <ActionButton label="Vote for" run={vote('for')} disabled={current?.choice === 'for'} />
        <ActionButton label="Vote against" className="secondary" run={vote('against')} disabled={current?.choice === 'against'} />
        <ActionButton label="Abstain" className="secondary" run={vote('abstain')} disabled={current?.choice === 'abstain'} />
      </div>
    </section>
  );
}

/** Every ballot the member cast on this proposal, oldest first, in words: which one replaced which, and which counts. */
function BallotHistory({ ballots, open }: { ballots: Ballot[]; open: boolean }) {
  return (
    <ol className="history" data-testid="my-ballot">
      {ballots.map((b, i) => {
        const next = ballots[i + 1];
        return (
          <li key={b.position}>
            {i === 0 || b.replaces === null ? (
              <>
                You voted <strong>{b.choice}</strong> on {when(b.castAt)}
              </>
            ) : (
              <>
                You changed your vote from {b.replaces} to <strong>{b.choice}</strong> on {when(b.castAt)}
              </>
            )}{' '}
            <span className="small muted">(weight {b.weight})</span>.{' '}
            {b.replaced ? (
              <span className="small">Replaced{next ? ` on ${when(next.castAt)} by your vote ${next.choice}` : ' by a later vote'}.</span>
            ) : (
              <span className="small counts">{open ? 'This is the ballot that counts now.' : 'This is the ballot that counted.'}</span>
            )}
          </li>
        );
      })}
    </ol>
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
  const mine = [...(ballots.data?.filter((b) => sameAddress(b.voter, address)) ?? [])].sort((a, b) =>
    BigInt(a.position) < BigInt(b.position) ? -1 : 1,
  );
  const current = mine.find((b) => !b.replaced) ?? mine.at(-1);
  const { asset, payout } = useDaoTokens(daoId);
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
            <p data-testid="proposal-effect">{describeProposal(p.type, p.payload as Record<string, unknown>, { asset, payout })}</p>
          </section>
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Where it is</h2>
            <ol className="steps">
              {timelineSteps(p, safeTxs.data?.items ?? [], streaming, contracts.data?.chainId).map((s) => (
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
          {p.state === 'Active' && contracts.data && address && eligible && (mine.length === 0 || p.rules.allowVoteChange) && (
            <Vote daoId={daoId} proposal={p} chainId={contracts.data.chainId} current={current} />
          )}
          {p.state === 'Active' && address && eligible === false && (
            <p className="notice">You cannot vote on this proposal: only members when it was made can vote on it.</p>
          )}
          {mine.length > 0 && (
            <section className="card" aria-labelledby="ballot-title">
              <h2 id="ballot-title">{mine.length > 1 ? 'Your ballots' : 'Your ballot'}</h2>
              <BallotHistory ballots={mine} open={p.state === 'Active'} />
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
              The pool streams {perMonth(payouts.data!.totalFlowRate, payout?.decimals)} {payout?.symbol || 'tokens'} a month.{' '}
              <Link href={paths.pool(daoId)}>See yours</Link>.
            </p>
          )}
        </>
      )}
    </>
  );
}
