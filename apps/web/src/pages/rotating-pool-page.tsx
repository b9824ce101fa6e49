import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useConnection } from 'wagmi';
import { api, ok } from '../api/client';
import { useContracts } from '../api/queries';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { percent, sameAddress, shortAddress } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { useAdminCredential } from './use-admin';
import {
  BidCard,
  DissolutionCard,
  ExitCard,
  JoinCard,
  OrderVoteCard,
  OrganiserCard,
  PayCard,
  RevealCard,
  type PoolContext,
} from './rotating-pool-actions';
import {
  amount,
  CONTRIBUTION_WORDS,
  day,
  PENALTY_WORDS,
  recipientWords,
  roundName,
  rulesInWords,
  STATUS_WORDS,
  termsOf,
  TIMING_WORDS,
  who,
  type PoolMember,
  type PoolTerms,
  type PoolView,
} from './rotating-pool-words';

const usePool = (daoId: string, poolId: string) =>
  useQuery({
    queryKey: ['rotating-pool', daoId, poolId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/rotating-pools/{poolId}', { params: { path: { id: daoId, poolId } } })),
    refetchInterval: 3000,
  });

/** The connected wallet's view of the pool; null when it is not a member (404). */
const usePoolMember = (daoId: string, poolId: string, address: string | undefined) =>
  useQuery({
    queryKey: ['rotating-pool-member', daoId, poolId, address],
    enabled: !!address,
    queryFn: async () => {
      const answer = await api.GET('/v1/daos/{id}/rotating-pools/{poolId}/members/{address}', {
        params: { path: { id: daoId, poolId, address: address! } },
      });
      return answer.response.status === 404 ? null : ok(Promise.resolve(answer));
    },
    refetchInterval: 3000,
  });

/** What happens next, in one sentence a member can act on. */
function NextRound({ pool, terms, mine, me }: { pool: PoolView; terms: PoolTerms; mine: PoolMember | null; me: string | undefined }) {
  const next = pool.dashboard.nextPayout;
  if (pool.status === 'FORMING') {
    const joined = pool.members.length;
    const full = joined >= terms.memberCount;
    const waiting = {
      'join-order': 'It starts once it is full.',
      bidding: 'It starts once it is full.',
      lottery: full
        ? 'It is full: it starts once every member has revealed their secret and the order is drawn.'
        : 'Once it is full, every member reveals their secret and the order is drawn.',
      consensus: full
        ? 'It is full: it starts once more than half of the members vote for the same order.'
        : 'Once it is full, it starts on the order more than half of the members vote for.',
      manual: 'The organisers start it and set the order.',
    }[pool.rotationMethod];
    return (
      <p className="big" data-testid="next-round">
        {joined} of {terms.memberCount} members have joined. {waiting} The first round is due on {day(terms.startDate)} (or at the start, if
        later).
      </p>
    );
  }
  if (!next)
    return (
      <p className="big" data-testid="next-round">
        {STATUS_WORDS[pool.status] ?? pool.status}.
      </p>
    );
  const mineDue = mine?.nextDue;
  const paid = mine?.contributions.find((c) => c.round === next.round && c.status !== 'PENDING');
  const receiver =
    next.kind === 'open'
      ? 'The member with the best bid receives the pot.'
      : sameAddress(next.recipient, me)
        ? 'You receive the pot this round.'
        : `${who(next.recipient, me)} receives the pot.`;
  return (
    <p className="big" data-testid="next-round">
      {roundName(next.round)} is due on {day(next.dueAt)};{' '}
      {mineDue
        ? `you pay ${amount(mineDue.amount)} tokens.`
        : paid
          ? `you have paid it (${CONTRIBUTION_WORDS[paid.status] ?? paid.status.toLowerCase()}).`
          : `each member pays ${amount(terms.contributionAmount)} tokens.`}{' '}
      {receiver}
    </p>
  );
}

function MyStanding({ mine, pool }: { mine: PoolMember; pool: PoolView }) {
  const payout =
    pool.status === 'FORMING'
      ? 'Your round is decided when the pool starts.'
      : mine.receivedRound !== null
        ? `You received the pot in ${roundName(mine.receivedRound).toLowerCase()}.`
        : mine.projectedPayout === null
          ? 'No payout is planned for you (the pool has ended or you left).'
          : mine.projectedPayout.by === 'bid'
            ? 'You receive the pot in the round your bid wins (or the last one left).'
            : mine.projectedPayout.round !== null
              ? `You receive the pot in ${roundName(mine.projectedPayout.round).toLowerCase()}, due ${day(mine.projectedPayout.dueAt)}.`
              : 'Your round is decided when the pool starts.';
  return (
    <section className="card" aria-labelledby="standing-title">
      <h2 id="standing-title">You in this pool</h2>
      <p data-testid="my-payout">{payout}</p>
      <dl className="facts">
        <dt>Standing</dt>
        <dd data-testid="my-standing">
          {mine.departed === 'exit' ? 'You left the pool' : (PENALTY_WORDS[mine.penaltyStatus] ?? mine.penaltyStatus)}
        </dd>
        <dt>Paid in so far</dt>
        <dd data-testid="my-contributed">{amount(mine.contributed)} tokens</dd>
        <dt>Your collateral in the pool</dt>
        <dd data-testid="my-collateral">{amount(mine.collateral)} tokens</dd>
        {BigInt(mine.heldBack) > 0n && (
          <>
            <dt>Held back from your payout</dt>
            <dd>{amount(mine.heldBack)} tokens, released as you pay the remaining rounds</dd>
          </>
        )}
      </dl>
      {mine.contributions.length > 0 && (
        <>
          <h3>Your payments</h3>
          <ul data-testid="my-payments">
            {mine.contributions.map((c) => (
              <li key={c.round}>
                {roundName(c.round)}: {CONTRIBUTION_WORDS[c.status] ?? c.status.toLowerCase()}
                {c.status !== 'PENDING' && BigInt(c.amount) > 0n && ` — ${amount(c.amount)} tokens`}
                {BigInt(c.penalty) > 0n && ` + ${amount(c.penalty)} late fee`}
                {c.timing && ` (${TIMING_WORDS[c.timing] ?? c.timing})`}
                {c.paidAt && `, ${day(c.paidAt)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {pool.status === 'DISSOLVED' && <p className="muted">The pool was dissolved; its refunds are listed below.</p>}
    </section>
  );
}

function Schedule({ pool, me }: { pool: PoolView; me: string | undefined }) {
  if (pool.schedule.length === 0) return null;
  const stateWords: Record<string, string> = { settled: 'paid out', open: 'open now', upcoming: 'upcoming', cancelled: 'cancelled' };
  return (
    <section className="card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Schedule</h2>
      <div className="table-wrap">
        <table data-testid="schedule">
          <caption className="muted small">Who receives the pot each round; your rounds are highlighted.</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Due</th>
              <th scope="col">Receives</th>
              <th scope="col">State</th>
              <th scope="col">Paid out</th>
            </tr>
          </thead>
          <tbody>
            {pool.schedule.map((r) => (
              <tr key={r.round} className={sameAddress(r.recipient, me) ? 'mine' : undefined}>
                <th scope="row">{r.round + 1}</th>
                <td>{day(r.dueAt)}</td>
                <td>{recipientWords(r, me)}</td>
                <td>{stateWords[r.state] ?? r.state}</td>
                <td>
                  {r.paid ? `${amount(r.paid)} tokens` : '—'}
                  {r.discountBps ? ` (bid ${percent(r.discountBps)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Members({ pool, me }: { pool: PoolView; me: string | undefined }) {
  const pending = pool.pendingJoins as unknown as { member: string; requestedAt: string }[];
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <ul data-testid="pool-members">
        {pool.members.map((m) => (
          <li key={m.address}>
            <span title={m.address}>{sameAddress(m.address, me) ? `You (${shortAddress(m.address)})` : shortAddress(m.address)}</span>
            {m.departed ? ` — ${m.departed === 'exit' ? 'left' : 'expelled'}` : ''}
            {m.receivedRound !== null && ` — received in ${roundName(m.receivedRound).toLowerCase()}`}
            {m.strikes > 0 && ` — ${m.strikes} late round${m.strikes === 1 ? '' : 's'}`}
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.member} className="muted">
            {sameAddress(p.member, me) ? 'You' : shortAddress(p.member)} — asked to join; the pool is taking the collateral
          </li>
        ))}
      </ul>
      {pool.members.length === 0 && pending.length === 0 && <p className="muted">Nobody has joined yet.</p>}
    </section>
  );
}

export function RotatingPoolPage({ daoId, poolId }: { daoId: string; poolId: string }) {
  const { address } = useConnection();
  const pool = usePool(daoId, poolId);
  const member = usePoolMember(daoId, poolId, address);
  const contracts = useContracts(daoId);
  const admin = useAdminCredential();
  const client = useQueryClient();
  const p = pool.data;
  const terms = p ? termsOf(p) : null;
  const mine = member.data ?? null;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['rotating-pool', daoId, poolId] });
    await client.invalidateQueries({ queryKey: ['rotating-pool-member', daoId, poolId] });
  };
  const ctx: PoolContext | null =
    p && terms && address && contracts.data
      ? { daoId, poolId, pool: p, terms, me: address as Address, mine, chainId: contracts.data.chainId, refresh }
      : null;
  const pending = p && address && (p.pendingJoins as unknown as { member: string }[]).some((j) => sameAddress(j.member, address));
  const current = mine !== null && mine.departed === null;
  const isAdmin = admin && (admin.kind === 'key' || admin.daoId === daoId);
  return (
    <>
      <DaoHeader daoId={daoId} title="Rotating savings pool" />
      <ProblemNotice error={pool.error} />
      {p && terms && (
        <>
          <section className="card" aria-labelledby="now-title">
            <h2 id="now-title">
              What happens next{' '}
              <span className="badge" data-testid="pool-status">
                {STATUS_WORDS[p.status] ?? p.status}
              </span>
            </h2>
            <NextRound pool={p} terms={terms} mine={mine} me={address} />
            {p.status === 'EMERGENCY' && (
              <p className="notice notice-warn">The organisers paused the pool: nothing is collected or paid out until they resume it.</p>
            )}
            <dl className="facts">
              <dt>Round</dt>
              <dd>{p.currentRound !== null ? `${p.currentRound + 1} of ${p.rounds}` : p.rounds ? `${p.rounds} rounds` : 'not started'}</dd>
              <dt>Paid through the pool</dt>
              <dd>{amount(p.totalVolume)} tokens</dd>
              <dt>The pool holds</dt>
              <dd>{amount(p.held)} tokens</dd>
              {p.dashboard.onTimePaymentRateBps !== null && (
                <>
                  <dt>Paid on time</dt>
                  <dd>
                    {percent(p.dashboard.onTimePaymentRateBps)} ({p.dashboard.paymentsOnTime} of {p.dashboard.paymentsDecided} payments)
                  </dd>
                </>
              )}
            </dl>
          </section>

          {!address && <p className="notice">Connect your wallet to join, pay, vote or bid.</p>}
          {address && !contracts.data && <p className="muted">Reading the DAO’s network…</p>}
          {address && member.error && <ProblemNotice error={member.error} />}

          {ctx && mine && <MyStanding mine={mine} pool={p} />}
          {ctx && pending && !mine && (
            <p className="notice" role="status" data-testid="join-pending">
              Your request to join is in: the pool is taking your collateral from your wallet. You are listed as a member once it has.
            </p>
          )}
          {ctx && p.status === 'FORMING' && !mine && !pending && !p.contractAddress && (
            <p className="muted">The pool’s contract is being deployed; joining opens in a moment.</p>
          )}
          {ctx && p.status === 'FORMING' && !mine && !pending && p.contractAddress && p.members.length < terms.memberCount && (
            <JoinCard ctx={ctx} />
          )}
          {ctx && p.status === 'FORMING' && !mine && !pending && p.members.length >= terms.memberCount && (
            <p className="muted">The pool is full.</p>
          )}
          {ctx && current && p.status === 'FORMING' && p.rotationMethod === 'lottery' && <RevealCard ctx={ctx} />}
          {ctx && current && p.status === 'FORMING' && p.rotationMethod === 'consensus' && <OrderVoteCard ctx={ctx} />}
          {ctx && current && p.status === 'ACTIVE' && <PayCard ctx={ctx} />}
          {ctx && current && p.status === 'ACTIVE' && p.rotationMethod === 'bidding' && <BidCard ctx={ctx} />}
          {ctx && current && p.status === 'EMERGENCY' && <DissolutionCard ctx={ctx} />}
          {ctx && current && p.status === 'ACTIVE' && <ExitCard ctx={ctx} />}

          <Schedule pool={p} me={address} />
          <Members pool={p} me={address} />

          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">The rules</h2>
            <ul>
              {rulesInWords(p, terms).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className="small muted wrap">
              Pool {p.poolId}
              {p.contractAddress && `; its contract ${p.contractAddress} holds the money`}.
            </p>
          </section>

          {isAdmin && <OrganiserCard daoId={daoId} poolId={poolId} pool={p} />}
        </>
      )}
      {pool.isPending && <p className="muted">Loading the pool…</p>}
      {pool.error !== null && <ActionButton label="Try again" className="secondary" run={async () => void (await pool.refetch())} />}
    </>
  );
}
