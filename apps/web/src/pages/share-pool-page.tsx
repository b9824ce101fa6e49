import { useConnection } from 'wagmi';
import type { Address } from 'viem';
import { useContracts } from '../api/queries';
import { DaoHeader } from '../ui/dao-header';
import { percent, perMonth, sameAddress, shortAddress, tokens, when } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { StreamTicker } from '../ui/stream-ticker';
import { AskToJoin, BuyShares, ClaimPayout, Contribute, RedeemCode, Staking, TransferShares } from './share-pool-actions';
import {
  codeCounts,
  contributors,
  stakingPositions,
  sharesText,
  statementCsvUrl,
  termsOf,
  useSharePool,
  useStatement,
  WAY_IN,
  type Holder,
  type SharePool,
} from './share-pool-model';

type Loaded = SharePool & { fetchedAt: number };

function MyHolding({ pool, mine, me }: { pool: Loaded; mine: Holder | undefined; me: string }) {
  const position = stakingPositions(pool).find((s) => sameAddress(s.member, me));
  const contribution = contributors(pool).find((c) => sameAddress(c.address, me));
  const payout = mine?.payout ?? null;
  const flowRate = BigInt(payout?.flowRate ?? '0');
  return (
    <section className="card" aria-labelledby="holding-title">
      <h2 id="holding-title">My holding</h2>
      <p className="big" data-testid="my-shares">
        {mine ? sharesText(mine.shares) : 'You hold no shares in this pool.'}
      </p>
      <dl className="facts">
        {position && (
          <>
            <dt>Staked</dt>
            <dd>{tokens(position.amount, 2)} tokens</dd>
          </>
        )}
        {contribution && (
          <>
            <dt>My contribution</dt>
            <dd data-testid="my-contribution">{tokens(contribution.amount, 2)} tokens</dd>
          </>
        )}
        {mine && (
          <>
            <dt>Payout stream</dt>
            <dd data-testid="my-flow">
              {flowRate > 0n ? `${perMonth(flowRate)} tokens a month, every second` : 'Nothing is streaming to you right now'}
            </dd>
            <dt>Received so far</dt>
            <dd>
              {payout ? (
                <>
                  <StreamTicker received={BigInt(payout.received)} flowRate={flowRate} since={pool.fetchedAt} testId="share-received" />{' '}
                  tokens
                </>
              ) : (
                <span className="muted">not read from the chain yet</span>
              )}
            </dd>
            <dt>Waiting to be claimed</dt>
            <dd>
              {!payout
                ? '—'
                : payout.connected
                  ? 'Nothing: you are connected, payouts land in your wallet directly'
                  : `${tokens(payout.claimable, 6)} tokens`}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function AboutPool({ pool }: { pool: Loaded }) {
  const terms = termsOf(pool);
  const codes = codeCounts(pool);
  const cf = pool.crowdfunding;
  const price = BigInt(terms.pricePerShare ?? '0');
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">The pool</h2>
      {terms.description && <p>{terms.description}</p>}
      <dl className="facts">
        <dt>Way in</dt>
        <dd data-testid="way-in">{WAY_IN[pool.wayToAccess]}</dd>
        {pool.wayToAccess === 'buy' && (
          <>
            <dt>Price</dt>
            <dd>{tokens(price, 4)} tokens a share</dd>
          </>
        )}
        <dt>Not yet anyone’s</dt>
        <dd data-testid="available">
          {sharesText(pool.available)}
          {pool.reserved > 0 && `, of which ${pool.reserved.toLocaleString('en-US')} are promised to actions under way or codes`}
        </dd>
        <dt>Holders</dt>
        <dd>{pool.holderCount}</dd>
        {terms.estimatedApr && (
          <>
            <dt>Estimated return</dt>
            <dd>{terms.estimatedApr}% a year (the creator’s estimate)</dd>
          </>
        )}
        {terms.expiration && (
          <>
            <dt>Takes newcomers until</dt>
            <dd>{when(terms.expiration)}</dd>
          </>
        )}
        {!!terms.maxParticipants && (
          <>
            <dt>Most holders</dt>
            <dd>{terms.maxParticipants}</dd>
          </>
        )}
        <dt>Transfers between holders</dt>
        <dd>{terms.transfersAllowed ? 'Allowed' : 'Not allowed'}</dd>
        {(terms.accessConditions ?? []).map((c, i) => (
          <div key={i} style={{ display: 'contents' }}>
            <dt>Who may come in</dt>
            <dd>
              {c.kind === 'allowlist'
                ? `Only the ${c.addresses.length} addresses on its list`
                : `Holders of at least ${tokens(c.amount, 2)} of token ${shortAddress(c.token)}`}
            </dd>
          </div>
        ))}
        {pool.wayToAccess === 'codes' && (
          <>
            <dt>Codes</dt>
            <dd>
              {codes.outstanding} unused, {codes.redeemed} redeemed
            </dd>
          </>
        )}
        <dt>Paid to the creator</dt>
        <dd>{tokens(pool.proceeds, 2)} tokens</dd>
        <dt>Contract</dt>
        <dd className="small">{pool.contract ?? 'being deployed'}</dd>
      </dl>
      {cf && (
        <>
          <h3 id="crowdfunding-title" style={{ marginTop: '1rem' }}>
            Crowdfunding
          </h3>
          <p data-testid="crowdfunding-progress">
            {tokens(cf.raised, 2)} of {tokens(cf.target, 2)} tokens raised ({percent(Math.min(cf.progressBps, 1_000_000))}) from{' '}
            {contributors(pool).length} contributor{contributors(pool).length === 1 ? '' : 's'};{' '}
            {cf.outcome === 'reached'
              ? 'the target was reached and the shares were shared out.'
              : cf.outcome === 'refunded'
                ? 'the target was missed and everyone was refunded in full.'
                : `open until ${when(cf.deadline)}.`}
          </p>
          <progress aria-labelledby="crowdfunding-title" max={10_000} value={Math.min(cf.progressBps, 10_000)} style={{ width: '100%' }} />
        </>
      )}
    </section>
  );
}

function Rounds({ pool }: { pool: Loaded }) {
  return (
    <section className="card" aria-labelledby="rounds-title">
      <h2 id="rounds-title">Distributions</h2>
      {pool.distributions.length === 0 ? (
        <p>Nothing has been distributed yet. The DAO’s treasurers pay holders in proportion to their shares, at once or as a stream.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="distributions">
            <caption className="muted small">The part for shares nobody holds stays with the pool’s contract.</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Kind</th>
                <th scope="col">Amount</th>
                <th scope="col">To holders</th>
                <th scope="col">Kept by the pool</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {pool.distributions.map((d) => {
                const stream = d.kind === 'stream';
                const amount = (wei: string) => (stream ? `${perMonth(wei)} a month` : tokens(wei, 2));
                return (
                  <tr key={`${d.round}-${d.index}`}>
                    <td>{d.round + 1}</td>
                    <td>{stream ? 'Stream' : 'Payment'}</td>
                    <td>{amount(d.amount)}</td>
                    <td>{amount(d.paid)}</td>
                    <td>{amount(d.kept)}</td>
                    <td>
                      {when(d.at)}
                      {stream && (d.stoppedAt ? ` until ${when(d.stoppedAt)}` : ' (running)')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Statement({ daoId, poolId, me }: { daoId: string; poolId: string; me: string }) {
  const statement = useStatement(daoId, poolId, me);
  const s = statement.data;
  return (
    <section className="card" aria-labelledby="statement-title">
      <h2 id="statement-title">My statement</h2>
      <ProblemNotice error={statement.error} />
      {s && (
        <>
          <p data-testid="statement-total">
            In total you received <strong>{s.totalDecimal}</strong> tokens from {s.lines.length} distribution line
            {s.lines.length === 1 ? '' : 's'} (as of {when(s.asOf)}).
          </p>
          {s.lines.length > 0 && (
            <div className="table-wrap">
              <table data-testid="statement-lines">
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Your shares</th>
                    <th scope="col">Received (tokens)</th>
                    <th scope="col">Period</th>
                  </tr>
                </thead>
                <tbody>
                  {s.lines.map((l) => (
                    <tr key={`${l.round}-${l.index}-${l.at}`}>
                      <td>{l.round + 1}</td>
                      <td>{l.kind === 'stream' ? 'Stream' : 'Payment'}</td>
                      <td>{l.shares.toLocaleString('en-US')}</td>
                      <td>{l.amountDecimal}</td>
                      <td>
                        {when(l.at)}
                        {l.until ? ` to ${when(l.until)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {s.disagreements.length > 0 && (
            <p className="notice notice-warn">
              In {s.disagreements.length} distribution{s.disagreements.length === 1 ? '' : 's'} the chain counted a different holding for
              you than the record (a move still being confirmed); you were paid by the chain’s count.
            </p>
          )}
        </>
      )}
      <p>
        <a href={statementCsvUrl(daoId, poolId, me)} download>
          Download my statement (CSV, for a spreadsheet)
        </a>
      </p>
    </section>
  );
}

export function SharePoolPage({ daoId, poolId }: { daoId: string; poolId: string }) {
  const { address } = useConnection();
  const pool = useSharePool(daoId, poolId);
  const contracts = useContracts(daoId);
  const p = pool.data;
  const mine = p?.holders.find((h) => sameAddress(h.address, address) && h.shares > 0);
  const terms = p ? termsOf(p) : undefined;
  const expired = !!terms?.expiration && Date.parse(terms.expiration) <= Date.now();
  const crowdfundingOpen = !!p?.crowdfunding && p.crowdfunding.outcome === null && Date.parse(p.crowdfunding.deadline) > Date.now();
  const canAct = !!p && !!address && !!contracts.data && !!p.contract && !p.deleted;
  const props = canAct ? { daoId, pool: p, contracts: contracts.data!, me: address as Address } : null;
  const newcomer = !mine;
  return (
    <>
      <DaoHeader daoId={daoId} title={p ? `${p.name} (${p.ticker})` : 'Share pool'} />
      <ProblemNotice error={pool.error} />
      {p && (
        <>
          {p.deleted && (
            <p className="notice notice-warn" role="status">
              This pool was closed by the DAO: it takes no one new and its shares no longer move.
            </p>
          )}
          {p.paused && (
            <p className="notice notice-warn" role="status" data-testid="paused">
              The DAO has paused this pool: buying, codes, contributions, staking and transfers wait until it resumes. You can still unstake
              and claim your payout.
            </p>
          )}
          {p.pendingActions > 0 && (
            <p className="notice" role="status" data-testid="pending">
              {p.pendingActions} action{p.pendingActions === 1 ? ' is' : 's are'} being confirmed on the chain; the figures update when
              {p.pendingActions === 1 ? ' it is' : ' they are'} done.
            </p>
          )}
          {!address ? (
            <p className="notice">Connect your wallet to see your holding and to take part.</p>
          ) : (
            <MyHolding pool={p} mine={mine} me={address} />
          )}
          {address && !p.contract && !p.deleted && (
            <p className="notice" role="status">
              The pool’s contract is being deployed; you can take part once it is (usually within a minute).
            </p>
          )}
          {address && p.visibility === 'private' && (
            <p className="muted small">This pool is private: only the DAO’s active members may take part.</p>
          )}
          {props && expired && newcomer && p.wayToAccess !== 'codes' && (
            <p className="notice" role="status">
              This pool stopped taking newcomers on {when(terms?.expiration)}.
            </p>
          )}
          {props && !p.paused && p.wayToAccess === 'buy' && !(expired && newcomer) && <BuyShares {...props} />}
          {props && !p.paused && p.wayToAccess === 'crowdfunding' && crowdfundingOpen && !(expired && newcomer) && (
            <Contribute {...props} />
          )}
          {props && !p.paused && p.wayToAccess === 'codes' && !(expired && newcomer) && <RedeemCode {...props} />}
          {props && p.wayToAccess === 'request' && newcomer && !expired && <AskToJoin {...props} />}
          {props && p.wayToAccess === 'staking' && <Staking {...props} closed={p.paused || (expired && newcomer)} />}
          {props && mine && !p.paused && terms?.transfersAllowed && <TransferShares {...props} mine={mine} />}
          {props && mine && <ClaimPayout {...props} mine={mine} />}
          <AboutPool pool={p} />
          <Rounds pool={p} />
          {address && <Statement daoId={daoId} poolId={poolId} me={address} />}
          <section className="card" aria-labelledby="holders-title">
            <h2 id="holders-title">Holders</h2>
            <ul data-testid="holders">
              {p.holders.map((h) => (
                <li key={h.address} className={sameAddress(h.address, address) ? 'mine' : undefined}>
                  {sameAddress(h.address, terms?.creator) ? 'The DAO’s Safe' : shortAddress(h.address)}
                  {sameAddress(h.address, address) ? ' (you)' : ''}: {sharesText(h.shares)}
                </li>
              ))}
              <li>Not yet anyone’s: {sharesText(p.available)}</li>
            </ul>
          </section>
        </>
      )}
    </>
  );
}
