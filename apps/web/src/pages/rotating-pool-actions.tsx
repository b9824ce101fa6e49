import { useEffect, useRef, useState } from 'react';
import { concatHex, erc20Abi, keccak256, toHex, type Abi, type Address, type Hex } from 'viem';
import { readContract } from 'wagmi/actions';
import { rotatingPoolAbi } from '../../../../contracts/abi/rotating-pool';
import { adminHeaders, api, ok } from '../api/client';
import { signIntent } from '../api/queries';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { Field } from '../ui/field';
import { percent, sameAddress } from '../ui/format';
import { connectedAddress, ensureChain, sendAndWait } from '../wallet/actions';
import { wagmiConfig } from '../wallet/config';
import { amount, collateralOf, day, roundName, who, type PoolMember, type PoolTerms, type PoolView } from './rotating-pool-words';

/** What every action card needs: the pool, its terms, the connected member and how to read the pool again. */
export interface PoolContext {
  readonly daoId: string;
  readonly poolId: string;
  readonly pool: PoolView;
  readonly terms: PoolTerms;
  readonly me: Address;
  /** The connected wallet's view of the pool; null when it is not a member. */
  readonly mine: PoolMember | null;
  readonly chainId: number;
  readonly refresh: () => Promise<void>;
}

const path = (ctx: PoolContext) => ({ params: { path: { id: ctx.daoId, poolId: ctx.poolId } } });

/** The DAO's token, as the pool's contract holds it. */
const tokenOf = (pool: Address, chainId: number) =>
  readContract(wagmiConfig, { address: pool, abi: rotatingPoolAbi, functionName: 'token', chainId: chainId as never }) as Promise<Address>;

/**
 * Makes sure the pool's contract may take `needed` tokens from the wallet: checks the balance (a clear message when it is
 * short; skipped for an allowance meant for later rounds), and when the allowance is below it asks the wallet to approve
 * exactly `needed`. Returns whether it approved.
 */
export const allowPool = async (ctx: PoolContext, needed: bigint, options: { needsBalanceNow?: boolean } = {}): Promise<boolean> => {
  if (needed === 0n) return false;
  const contract = ctx.pool.contractAddress as Address | null;
  if (!contract) throw new Error('The pool’s contract is still being deployed; try again in a moment.');
  await ensureChain(ctx.chainId);
  const owner = connectedAddress();
  const token = await tokenOf(contract, ctx.chainId);
  const read = (functionName: 'balanceOf' | 'allowance', args: readonly Address[]) =>
    readContract(wagmiConfig, {
      address: token,
      abi: erc20Abi,
      functionName,
      args,
      chainId: ctx.chainId as never,
    } as never) as Promise<bigint>;
  const [balance, allowance] = await Promise.all([read('balanceOf', [owner]), read('allowance', [owner, contract])]);
  if ((options.needsBalanceNow ?? true) && balance < needed)
    throw new Error(
      `Your wallet holds ${amount(balance)} tokens of the DAO’s token (${token}); this needs ${amount(needed)}. Add tokens to your wallet, then try again.`,
    );
  if (allowance >= needed) return false;
  await sendAndWait(ctx.chainId, { address: token, abi: erc20Abi as Abi, functionName: 'approve', args: [contract, needed] });
  return true;
};

const secretKey = (poolId: string, member: string) => `ayllu.rosca-secret.${poolId}.${member.toLowerCase()}`;
const newSecret = (): Hex => toHex(crypto.getRandomValues(new Uint8Array(32)));
/** The lottery commitment: keccak256(secret ‖ member), as the pool checks it. */
const commitmentOf = (secret: Hex, member: Address) => keccak256(concatHex([secret, member]));

export function JoinCard({ ctx }: { ctx: PoolContext }) {
  const { pool, terms, poolId, me } = ctx;
  const lottery = pool.rotationMethod === 'lottery';
  const collateral = collateralOf(terms);
  const [secret, setSecret] = useState<Hex | null>(() => (window.localStorage.getItem(secretKey(poolId, me)) as Hex | null) ?? null);
  const join = async () => {
    let commitment: Hex | undefined;
    if (lottery) {
      const s = secret ?? newSecret();
      window.localStorage.setItem(secretKey(poolId, me), s);
      setSecret(s);
      commitment = commitmentOf(s, me);
    }
    const approved = await allowPool(ctx, collateral);
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-join', { member: me, pool: poolId, ...(commitment && { commitment }) });
    await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/join-requests', { ...path(ctx), body: body as never }));
    await ctx.refresh();
    return (
      `Asked to join${approved ? ' (the pool may now take your collateral)' : ''}. ` +
      (collateral > 0n ? `The pool takes ${amount(collateral)} tokens of collateral from your wallet, then lists you as a member.` : '')
    );
  };
  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Join this savings circle</h2>
      <p>
        {collateral > 0n
          ? `Your wallet asks twice: first to let the pool take ${amount(collateral)} tokens of collateral (approve), then to sign your request.`
          : 'Your wallet asks you to sign your request.'}{' '}
        Then you pay {amount(terms.contributionAmount)} tokens each round.
      </p>
      {lottery && (
        <p className="hint">
          This pool draws its order by lottery: joining makes a secret number in this browser and sends only its fingerprint. Once the pool
          is full you reveal the secret here. Keep this browser (or a copy of the secret shown after joining) until then.
        </p>
      )}
      <ActionButton label={collateral > 0n ? 'Approve and ask to join' : 'Ask to join'} run={join} />
      {lottery && secret && (
        <p className="small">
          Your secret: <code data-testid="lottery-secret">{secret}</code>
        </p>
      )}
    </section>
  );
}

export function RevealCard({ ctx }: { ctx: PoolContext }) {
  const { poolId, me, pool } = ctx;
  const [secret, setSecret] = useState(() => window.localStorage.getItem(secretKey(poolId, me)) ?? '');
  const commitments = ((pool.lottery as { commitments?: { member: string; commitment: string | null; secret: string | null }[] } | null)
    ?.commitments ?? []) as { member: string; commitment: string | null; secret: string | null }[];
  const mine = commitments.find((c) => sameAddress(c.member, me));
  if (!mine || mine.secret) return null;
  const revealed = commitments.filter((c) => c.secret).length;
  if (commitments.length < ctx.terms.memberCount)
    return (
      <section className="card" aria-labelledby="reveal-title">
        <h2 id="reveal-title">Your lottery secret</h2>
        <p>
          Once the pool is full you reveal it here and the order is drawn. It is kept in this browser; keep a copy too:{' '}
          {secret ? <code data-testid="lottery-secret">{secret}</code> : 'this browser does not have it (you joined elsewhere).'}
        </p>
      </section>
    );
  const reveal = async () => {
    const s = secret.trim() as Hex;
    if (!/^0x[0-9a-fA-F]{64}$/.test(s))
      throw new Error('The secret is 0x followed by 64 hexadecimal characters, as it was shown when you joined.');
    if (mine.commitment && commitmentOf(s, me).toLowerCase() !== mine.commitment.toLowerCase())
      throw new Error('This is not the secret you joined with: its fingerprint does not match. Check the copy you kept.');
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-reveal', { member: me, pool: poolId, secret: s });
    await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/reveals', { ...path(ctx), body: body as never }));
    await ctx.refresh();
    return 'Revealed. The order is drawn once every member has revealed.';
  };
  return (
    <section className="card" aria-labelledby="reveal-title">
      <h2 id="reveal-title">Reveal your lottery secret</h2>
      <p>
        The pool is full. {revealed} of {commitments.length} members have revealed; the order is drawn from everyone’s secrets once all
        have.
      </p>
      <Field label="Your secret" hint="Filled in from this browser when you joined here.">
        {(p) => <input {...p} value={secret} onChange={(e) => setSecret(e.target.value)} spellCheck={false} autoComplete="off" />}
      </Field>
      <ActionButton label="Sign and reveal" run={reveal} />
    </section>
  );
}

/** A list the person reorders with buttons (keyboard and screen reader friendly); focus follows the moved entry. */
export function OrderEditor({ order, onChange, me }: { order: Address[]; onChange: (next: Address[]) => void; me: string | undefined }) {
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (refocus.current) document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  });
  const move = (i: number, by: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    refocus.current = `order-${order[i]}-${by < 0 ? 'up' : 'down'}`;
    if ((by < 0 && i + by === 0) || (by > 0 && i + by === order.length - 1))
      refocus.current = `order-${order[i]}-${by < 0 ? 'down' : 'up'}`;
    onChange(next);
  };
  return (
    <ol className="order-editor" data-testid="order-editor">
      {order.map((a, i) => (
        <li key={a}>
          <span>
            {roundName(i)}: {who(a, me)} <span className="muted small">{a}</span>
          </span>
          <span className="row">
            <button
              type="button"
              id={`order-${a}-up`}
              className="secondary small-button"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${who(a, me)} earlier`}
            >
              ↑
            </button>
            <button
              type="button"
              id={`order-${a}-down`}
              className="secondary small-button"
              disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${who(a, me)} later`}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

type Consensus = { votes: { member: string; order: string[] }[] };

export function OrderVoteCard({ ctx }: { ctx: PoolContext }) {
  const { pool, me } = ctx;
  const members = pool.members.filter((m) => m.departed === null).map((m) => m.address as Address);
  const votes = (pool.consensus as unknown as Consensus | null)?.votes ?? [];
  const full = (o: readonly string[]) => o.length === members.length && members.every((m) => o.some((x) => sameAddress(x, m)));
  const tally = new Map<string, { order: string[]; voters: string[] }>();
  for (const v of votes) {
    if (!full(v.order)) continue;
    const key = v.order.join(',');
    const entry = tally.get(key) ?? { order: v.order, voters: [] };
    entry.voters.push(v.member);
    tally.set(key, entry);
  }
  const ranked = [...tally.values()].sort((a, b) => b.voters.length - a.voters.length);
  const myVote = votes.find((v) => sameAddress(v.member, me));
  const membersKey = members.join(',');
  const [order, setOrder] = useState<Address[]>(members);
  // Start from the order with the most votes (so agreeing is one click), else the join order; again when members change.
  useEffect(() => {
    setOrder((ranked[0]?.order as Address[] | undefined) ?? members);
  }, [membersKey, ranked.length === 0]);
  const needed = Math.floor(members.length / 2) + 1;
  const vote = async () => {
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-order-vote', { member: me, pool: ctx.poolId, order });
    const res = await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/order-votes', { ...path(ctx), body: body as never }));
    await ctx.refresh();
    if (res.recorded.some((e) => e.type === 'RotatingPoolStarted'))
      return 'Your vote made the majority: the pool has started in this order.';
    return res.recorded.length === 0 ? 'You had already voted for this order.' : 'Your vote for this order is recorded.';
  };
  const full_ = members.length === ctx.terms.memberCount;
  return (
    <section className="card" aria-labelledby="order-title">
      <h2 id="order-title">Vote on who receives when</h2>
      <p>
        The members choose the order. {full_ ? 'The pool is full: it' : 'Once the pool is full it'} starts on the order {needed} of the{' '}
        {members.length} members vote for (more than half). Only orders listing every current member count.
      </p>
      {ranked.length > 0 ? (
        <ul data-testid="order-votes">
          {ranked.map((r) => (
            <li key={r.order.join(',')}>
              {r.order.map((a) => who(a, me)).join(' → ')}: {r.voters.length} of the {needed} votes it needs
              {r.voters.some((v) => sameAddress(v, me)) && ' (your vote)'}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="order-votes">
          Nobody has voted yet.
        </p>
      )}
      {myVote && !full(myVote.order) && (
        <p className="notice notice-warn">Your earlier vote no longer counts: members joined since. Vote again.</p>
      )}
      <h3>Your order</h3>
      <OrderEditor order={order} onChange={setOrder} me={me} />
      <ActionButton label="Sign my vote for this order" run={vote} />
    </section>
  );
}

export function PayCard({ ctx }: { ctx: PoolContext }) {
  const { mine, terms, pool } = ctx;
  const [requested, setRequested] = useState<number | null>(null);
  const due = mine?.nextDue;
  if (!mine || !due) return null;
  const total = BigInt(due.totalIfPaidNow);
  const penalty = BigInt(due.penaltyIfPaidNow);
  const remainingRounds = (pool.rounds ?? terms.memberCount) - due.round;
  const pay = async () => {
    const approved = await allowPool(ctx, total);
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-payment', { member: ctx.me, pool: ctx.poolId, round: due.round });
    await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/payments', { ...path(ctx), body: body as never }));
    setRequested(due.round);
    await ctx.refresh();
    return `${approved ? 'Approved and signed. ' : ''}The pool takes ${amount(total)} tokens from your wallet for ${roundName(due.round).toLowerCase()} in a few seconds.`;
  };
  const allowAll = async () => {
    const needed = terms.contributionAmount * BigInt(remainingRounds);
    // Later rounds are paid from what the wallet holds then: only the allowance is set now.
    const approved = await allowPool(ctx, needed, { needsBalanceNow: false });
    return approved
      ? `The pool may now take ${amount(needed)} tokens: it collects each round at its due time, nothing more to do.`
      : 'The pool may already take enough for every remaining round.';
  };
  return (
    <section className="card" aria-labelledby="pay-title">
      <h2 id="pay-title">Pay {roundName(due.round).toLowerCase()}</h2>
      <p className="big" data-testid="my-next-due">
        {roundName(due.round)} is due on {day(due.dueAt)}; you pay {amount(due.amount)} tokens.
      </p>
      {penalty > 0n && (
        <p className="notice notice-warn">
          It is late: paid now it costs {amount(total)} tokens, with {amount(penalty)} tokens of late fee. The fee grows each started week.
        </p>
      )}
      <p>
        Pay now: your wallet approves the pool for {amount(total)} tokens (if it may not take them yet), then you sign; the pool collects at
        once. Or let the pool collect at the due time: it takes the contribution from your wallet if you have allowed it.
      </p>
      {requested === due.round ? (
        <p className="notice" role="status">
          Payment requested: waiting for the pool to collect it.
        </p>
      ) : (
        <ActionButton label={`Pay ${amount(total)} tokens now`} run={pay} />
      )}
      {remainingRounds > 1 && (
        <ActionButton
          className="secondary"
          label={`Allow the pool to collect the ${remainingRounds} remaining rounds`}
          busyLabel="Check your wallet…"
          run={allowAll}
        />
      )}
    </section>
  );
}

export function BidCard({ ctx }: { ctx: PoolContext }) {
  const { pool, terms, mine } = ctx;
  const [discount, setDiscount] = useState('');
  const [placed, setPlaced] = useState<{ round: number; discountBps: number } | null>(null);
  const round = pool.currentRound;
  if (!mine || round === null || mine.receivedRound !== null || mine.departed !== null) return null;
  // The API's record of the bid, or the one just placed while the page reads it again.
  const bid = mine.bid?.round === round ? mine.bid : placed?.round === round ? placed : null;
  const members = pool.members.filter((m) => m.departed === null).length;
  const pot = terms.contributionAmount * BigInt(members);
  const place = async () => {
    const pct = Number(discount.replace(',', '.'));
    if (!discount.trim() || !Number.isFinite(pct) || pct < 0 || pct > 100)
      throw new Error('Enter the discount you accept as a percentage from 0 to 100, e.g. 5 or 2.5.');
    const discountBps = Math.round(pct * 100);
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-bid', { member: ctx.me, pool: ctx.poolId, round, discountBps });
    await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/bids', { ...path(ctx), body: body as never }));
    setPlaced({ round, discountBps });
    await ctx.refresh();
    return `Your bid of ${percent(discountBps)} is recorded. One bid per round: it cannot be changed.`;
  };
  const preview = Number(discount.replace(',', '.'));
  const wanted = Number.isFinite(preview) && preview >= 0 && preview <= 100 ? (pot * BigInt(Math.round(preview * 100))) / 10_000n : null;
  return (
    <section className="card" aria-labelledby="bid-title">
      <h2 id="bid-title">Bid for the pot of {roundName(round).toLowerCase()}</h2>
      <p>
        The pot is {amount(pot)} tokens. The member who accepts the biggest discount receives it this round; the discount is shared among
        the other members. One bid per member and round.
      </p>
      {bid ? (
        <p className="notice notice-ok" data-testid="my-bid">
          You bid {percent(bid.discountBps)} for {roundName(round).toLowerCase()}: if it is the best bid, you receive about{' '}
          {amount(pot - (pot * BigInt(bid.discountBps)) / 10_000n)} tokens when the round settles.
        </p>
      ) : (
        <>
          <Field
            label="Discount you accept (%)"
            hint={
              wanted !== null && discount.trim()
                ? `You would receive about ${amount(pot - wanted)} tokens (before the platform fee and any holdback).`
                : 'For example 5: you receive 95% of the pot.'
            }
          >
            {(p) => <input {...p} inputMode="decimal" value={discount} onChange={(e) => setDiscount(e.target.value)} placeholder="5" />}
          </Field>
          <ActionButton label="Sign my bid" run={place} />
        </>
      )}
    </section>
  );
}

export function ExitCard({ ctx }: { ctx: PoolContext }) {
  const { terms, mine } = ctx;
  const [sure, setSure] = useState(false);
  if (!mine || mine.departed !== null || !terms.allowEmergencyExit) return null;
  const leave = async () => {
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-exit', { member: ctx.me, pool: ctx.poolId });
    await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/exits', { ...path(ctx), body: body as never }));
    await ctx.refresh();
    return 'You have left the pool. What is returned to you is paid by the pool’s contract.';
  };
  return (
    <section className="card" aria-labelledby="exit-title">
      <h2 id="exit-title">Leave the pool (emergency exit)</h2>
      <p>
        {mine.receivedRound !== null
          ? 'You have received the pot: what you still owe stays with the pool to pay your share of the remaining rounds; the rest is returned to you'
          : 'You give up your place: what you paid in comes back to you in a refund round'}
        , less the exit penalty of {percent(terms.earlyExitPenaltyBps)}. This cannot be undone.
      </p>
      <div className="field checkbox">
        <input id="exit-sure" type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        <label htmlFor="exit-sure">I understand that I leave this savings circle for good</label>
      </div>
      <ActionButton label="Sign and leave the pool" className="danger" run={leave} disabled={!sure} />
    </section>
  );
}

export function DissolutionCard({ ctx }: { ctx: PoolContext }) {
  const { pool, mine, me } = ctx;
  if (!mine || mine.departed !== null) return null;
  const members = pool.members.filter((m) => m.departed === null).length;
  const needed = Math.floor(members / 2) + 1;
  const voted = pool.dissolutionVotes.some((v) => sameAddress(v, me));
  const vote = async () => {
    const body = await signIntent(ctx.daoId, ctx.chainId, 'rosca-dissolution-vote', { member: me, pool: ctx.poolId });
    const res = await ok(api.POST('/v1/daos/{id}/rotating-pools/{poolId}/dissolution-votes', { ...path(ctx), body: body as never }));
    await ctx.refresh();
    return res.poolStatus === 'DISSOLVED'
      ? 'Your vote made the majority: the pool is dissolved and refunds what it holds.'
      : 'Your vote to dissolve is recorded.';
  };
  return (
    <section className="card" aria-labelledby="dissolve-title">
      <h2 id="dissolve-title">Dissolve the paused pool?</h2>
      <p>
        The organisers paused the pool. If {needed} of the {members} members vote to dissolve it, it ends and refunds everything it holds:
        members who received get back what they hold beyond what they still owe, the others share the rest in proportion to what they put
        in. {pool.dissolutionVotes.length} of {needed} votes so far.
      </p>
      {voted ? (
        <p className="notice notice-ok">You voted to dissolve.</p>
      ) : (
        <ActionButton label="Sign my vote to dissolve" className="danger" run={vote} />
      )}
    </section>
  );
}

/** Organisers act through the DAO's Safe: a signed-in admin asks, the treasurers sign on the Treasury page. */
export function OrganiserCard({ daoId, poolId, pool }: { daoId: string; poolId: string; pool: PoolView }) {
  const [reason, setReason] = useState('');
  const members = pool.members.filter((m) => m.departed === null).map((m) => m.address as Address);
  const [order, setOrder] = useState<Address[]>(members);
  const membersKey = members.join(',');
  useEffect(() => setOrder(membersKey ? (membersKey.split(',') as Address[]) : []), [membersKey]);
  const ask = (body: { action: 'start' | 'pause' | 'resume'; order?: string[]; reason?: string }) => async () => {
    const tx = await ok(
      api.POST('/v1/daos/{id}/rotating-pools/{poolId}/organiser-actions', {
        params: { path: { id: daoId, poolId } },
        headers: adminHeaders(),
        body,
      }),
    );
    return `Queued as Safe transaction nonce ${tx.nonce}: the treasurers sign it on the Treasury page, then it runs.`;
  };
  return (
    <section className="card" aria-labelledby="organiser-title">
      <h2 id="organiser-title">Organiser (the DAO’s Safe)</h2>
      <p className="small">
        You are signed in as an admin. What you ask here becomes a Safe transaction the treasurers sign on the{' '}
        <Link href={paths.treasury(daoId)}>Treasury page</Link>.
      </p>
      {pool.status === 'FORMING' && pool.members.length >= 2 && (
        <>
          {pool.rotationMethod === 'manual' && <OrderEditor order={order} onChange={setOrder} me={undefined} />}
          <ActionButton
            className="secondary"
            label={`Start now with ${pool.members.length} members`}
            run={ask(pool.rotationMethod === 'manual' ? { action: 'start', order } : { action: 'start' })}
          />
        </>
      )}
      {pool.status === 'ACTIVE' && (
        <>
          <Field label="Why pause (shown to members)">
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ActionButton className="secondary" label="Pause the pool" run={ask({ action: 'pause', reason: reason.trim() || undefined })} />
        </>
      )}
      {pool.status === 'EMERGENCY' && <ActionButton className="secondary" label="Resume the pool" run={ask({ action: 'resume' })} />}
      {pool.status !== 'FORMING' && pool.status !== 'ACTIVE' && pool.status !== 'EMERGENCY' && (
        <p className="muted">The pool has ended: nothing to organise.</p>
      )}
      {pool.status === 'FORMING' && pool.members.length < 2 && <p className="muted">A pool starts with at least two members.</p>}
    </section>
  );
}
