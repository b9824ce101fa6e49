import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { erc20Abi, getAddress, isAddress, type Abi, type Address } from 'viem';
import { readContract } from 'wagmi/actions';
import { gdaForwarderAbi } from '../../../../libs/chain/src/abi/gda-v1-forwarder';
import { api, ok } from '../api/client';
import { signIntent, type Contracts } from '../api/queries';
import { ActionButton } from '../ui/action-button';
import { Field } from '../ui/field';
import { parseAmount, sameAddress, shortAddress, tokens, when } from '../ui/format';
import { sendAndWait } from '../wallet/actions';
import { wagmiConfig } from '../wallet/config';
import { sharesText, stakingPositions, termsOf, TOTAL_SHARES, unpromised, type Holder, type SharePool } from './share-pool-model';

interface ActionProps {
  readonly daoId: string;
  readonly pool: SharePool;
  readonly contracts: Contracts;
  readonly me: Address;
}

/** Whole shares typed by a person; an Error saying what to type otherwise. */
const parseShares = (text: string, most: number): number => {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1)
    throw new Error('Enter a whole number of shares, e.g. 100 (100 shares are 1% of the pool).');
  if (value > most) throw new Error(`At most ${most.toLocaleString('en-US')} shares can be taken here right now.`);
  return value;
};

const parseTokens = (text: string, what: string): bigint => {
  const wei = parseAmount(text);
  if (wei === null) throw new Error(`Enter the ${what} as a positive number of tokens, e.g. 100 or 12.5.`);
  return wei;
};

/**
 * Lets the pool's contract take `amount` of `token` from the wallet: asks the wallet to approve only when the allowance
 * it already gave does not cover it. The API checks the same allowance before it records anything.
 */
const approveIfNeeded = async (chainId: number, token: Address, owner: Address, spender: Address, amount: bigint) => {
  const allowance = (await readContract(wagmiConfig, {
    address: token,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [owner, spender],
    chainId: chainId as never,
  })) as bigint;
  if (allowance >= amount) return;
  await sendAndWait(chainId, { address: token, abi: erc20Abi as Abi, functionName: 'approve', args: [spender, amount] });
};

const RECORDED = 'The chain confirms it in a few seconds; the figures above update then.';

/** Refreshes the pool and the holder's statement after a write. */
const useRefresh = (daoId: string, poolId: string) => {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['share-pool', daoId, poolId] });
    await client.invalidateQueries({ queryKey: ['share-statement', daoId, poolId] });
  };
};

const poolPath = (daoId: string, poolId: string) => ({ params: { path: { id: daoId, poolId } } });

export function BuyShares({ daoId, pool, contracts, me }: ActionProps) {
  const [shares, setShares] = useState('');
  const refresh = useRefresh(daoId, pool.poolId);
  const price = BigInt(termsOf(pool).pricePerShare ?? '0');
  const token = termsOf(pool).purchaseToken as Address | null | undefined;
  const left = unpromised(pool);
  const typed = /^\d+$/.test(shares.trim()) ? Number(shares.trim()) : 0;
  const buy = async () => {
    const n = parseShares(shares, left);
    if (!token || !pool.contract) throw new Error('This pool has no purchase token or contract yet; try again in a moment.');
    const cost = BigInt(n) * price;
    await approveIfNeeded(contracts.chainId, token, me, pool.contract as Address, cost);
    const body = await signIntent(daoId, contracts.chainId, 'share-purchase', { member: me, pool: pool.poolId, shares: n });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/purchases', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setShares('');
    await refresh();
    return `Bought ${n.toLocaleString('en-US')} shares for ${tokens(cost, 2)} tokens. ${RECORDED}`;
  };
  return (
    <section className="card" aria-labelledby="buy-title">
      <h2 id="buy-title">Buy shares</h2>
      <p>
        {tokens(price, 4)} tokens a share; {left.toLocaleString('en-US')} shares are for sale. Your wallet asks to let the pool’s contract
        take the tokens (approve) unless it already may, then to sign the purchase.
      </p>
      <Field label="Shares to buy" hint={typed > 0 ? `Costs ${tokens(BigInt(typed) * price, 2)} tokens: ${sharesText(typed)}` : undefined}>
        {(p) => <input {...p} inputMode="numeric" value={shares} onChange={(e) => setShares(e.target.value)} placeholder="100" />}
      </Field>
      <ActionButton label="Approve and buy" run={buy} disabled={left === 0} />
    </section>
  );
}

export function Contribute({ daoId, pool, contracts, me }: ActionProps) {
  const [amount, setAmount] = useState('');
  const refresh = useRefresh(daoId, pool.poolId);
  const token = termsOf(pool).purchaseToken as Address | null | undefined;
  const contribute = async () => {
    const wei = parseTokens(amount, 'contribution');
    if (!token || !pool.contract) throw new Error('This pool has no purchase token or contract yet; try again in a moment.');
    await approveIfNeeded(contracts.chainId, token, me, pool.contract as Address, wei);
    const body = await signIntent(daoId, contracts.chainId, 'share-contribution', {
      member: me,
      pool: pool.poolId,
      amount: wei.toString(),
    });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/contributions', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setAmount('');
    await refresh();
    return `Contributed ${tokens(wei, 2)} tokens; they are held in the pool’s contract until the crowdfunding ends. ${RECORDED}`;
  };
  return (
    <section className="card" aria-labelledby="contribute-title">
      <h2 id="contribute-title">Contribute</h2>
      <p>
        Your tokens stay in the pool’s contract until the deadline or the target. If the target is reached, the shares are shared out by
        contribution; if not, everyone gets their tokens back in full.
      </p>
      <Field label="Contribution (tokens)">
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="100" />}
      </Field>
      <ActionButton label="Approve and contribute" run={contribute} />
    </section>
  );
}

export function RedeemCode({ daoId, pool, contracts, me }: ActionProps) {
  const [code, setCode] = useState('');
  const refresh = useRefresh(daoId, pool.poolId);
  const redeem = async () => {
    const secret = code.trim();
    if (secret.length < 8) throw new Error('Type or paste the whole code you were given (at least 8 characters).');
    const body = await signIntent(daoId, contracts.chainId, 'share-code', { member: me, pool: pool.poolId, code: secret });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/code-redemptions', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setCode('');
    await refresh();
    return `Code accepted: its shares are on their way to you. ${RECORDED}`;
  };
  return (
    <section className="card" aria-labelledby="code-title">
      <h2 id="code-title">Redeem a code</h2>
      <Field label="Your code" hint="Each code works once. Your wallet signs it; only its fingerprint is kept.">
        {(p) => <input {...p} autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <ActionButton label="Redeem the code" run={redeem} />
    </section>
  );
}

export function AskToJoin({ daoId, pool, contracts, me }: ActionProps) {
  const refresh = useRefresh(daoId, pool.poolId);
  const waiting = pool.joinRequests.some((r) => sameAddress(r, me));
  const join = async () => {
    const body = await signIntent(daoId, contracts.chainId, 'share-join', { member: me, pool: pool.poolId });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/join-requests', { ...poolPath(daoId, pool.poolId), body: body as never }));
    await refresh();
    return 'Asked. The DAO decides: its treasurers approve you with a number of shares, or an admin declines.';
  };
  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Ask to join</h2>
      {waiting ? (
        <p data-testid="join-waiting">Your request is waiting for the DAO’s decision.</p>
      ) : (
        <>
          <p>The DAO’s treasurers approve a request by giving shares from the pool.</p>
          <ActionButton label="Ask to join" run={join} />
        </>
      )}
    </section>
  );
}

export function Staking({ daoId, pool, contracts, me, closed }: ActionProps & { closed: boolean }) {
  const [stakeAmount, setStakeAmount] = useState('');
  const [unstakeAmount, setUnstakeAmount] = useState('');
  const refresh = useRefresh(daoId, pool.poolId);
  const staking = pool.staking;
  if (!staking) return null;
  const position = stakingPositions(pool).find((s) => sameAddress(s.member, me));
  const staked = BigInt(position?.amount ?? '0');
  const stake = async () => {
    const wei = parseTokens(stakeAmount, 'amount to stake');
    if (!pool.contract) throw new Error('The pool’s contract is not deployed yet; try again in a moment.');
    await approveIfNeeded(contracts.chainId, staking.token as Address, me, pool.contract as Address, wei);
    const body = await signIntent(daoId, contracts.chainId, 'share-stake', { member: me, pool: pool.poolId, amount: wei.toString() });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/stakes', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setStakeAmount('');
    await refresh();
    return `Staked ${tokens(wei, 2)} tokens: you earn shares from now on. ${RECORDED}`;
  };
  const unstake = async () => {
    const wei = parseTokens(unstakeAmount, 'amount to unstake');
    if (wei > staked) throw new Error(`You have ${tokens(staked, 2)} tokens staked; unstake at most that.`);
    const body = await signIntent(daoId, contracts.chainId, 'share-unstake', { member: me, pool: pool.poolId, amount: wei.toString() });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/unstakes', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setUnstakeAmount('');
    await refresh();
    return `Unstaking ${tokens(wei, 2)} tokens: they come back to your wallet and you keep the shares earned. ${RECORDED}`;
  };
  return (
    <section className="card" aria-labelledby="stake-title">
      <h2 id="stake-title">Stake</h2>
      <p>
        You have <strong data-testid="my-stake">{tokens(staked, 2)}</strong> tokens staked
        {position ? ` since ${when(position.since)}` : ''}. Staked tokens earn shares every second, while shares are left.
      </p>
      {!closed && (
        <>
          <Field label="Tokens to stake">
            {(p) => (
              <input {...p} inputMode="decimal" value={stakeAmount} onChange={(e) => setStakeAmount(e.target.value)} placeholder="100" />
            )}
          </Field>
          <ActionButton label="Approve and stake" run={stake} />
        </>
      )}
      {staked > 0n && (
        <>
          <Field label="Tokens to unstake" hint="You keep every share earned so far.">
            {(p) => <input {...p} inputMode="decimal" value={unstakeAmount} onChange={(e) => setUnstakeAmount(e.target.value)} />}
          </Field>
          <ActionButton label="Unstake" className="secondary" run={unstake} />
        </>
      )}
    </section>
  );
}

export function TransferShares({ daoId, pool, contracts, me, mine }: ActionProps & { mine: Holder }) {
  const [to, setTo] = useState('');
  const [shares, setShares] = useState('');
  const refresh = useRefresh(daoId, pool.poolId);
  const transfer = async () => {
    const recipient = to.trim();
    if (!isAddress(recipient, { strict: false }))
      throw new Error('Enter the recipient’s wallet address: 0x followed by 40 hexadecimal digits.');
    if (sameAddress(recipient, me)) throw new Error('That is your own address: enter someone else’s.');
    const n = parseShares(shares, mine.shares);
    const body = await signIntent(daoId, contracts.chainId, 'share-transfer', {
      member: me,
      pool: pool.poolId,
      to: getAddress(recipient),
      shares: n,
    });
    await ok(api.POST('/v1/daos/{id}/share-pools/{poolId}/transfers', { ...poolPath(daoId, pool.poolId), body: body as never }));
    setShares('');
    await refresh();
    return `Sending ${n.toLocaleString('en-US')} shares to ${shortAddress(recipient)}. ${RECORDED}`;
  };
  return (
    <section className="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer shares</h2>
      <Field label="Recipient address">
        {(p) => <input {...p} autoComplete="off" spellCheck={false} value={to} onChange={(e) => setTo(e.target.value)} placeholder="0x…" />}
      </Field>
      <Field
        label="Shares to transfer"
        hint={`You hold ${mine.shares.toLocaleString('en-US')} of ${TOTAL_SHARES.toLocaleString('en-US')}.`}
      >
        {(p) => <input {...p} inputMode="numeric" value={shares} onChange={(e) => setShares(e.target.value)} />}
      </Field>
      <ActionButton label="Sign and transfer" run={transfer} />
    </section>
  );
}

/** What distributions left waiting for a holder who has not connected to the pool's distribution pool. */
export function ClaimPayout({ daoId, pool, contracts, me, mine }: ActionProps & { mine: Holder }) {
  const refresh = useRefresh(daoId, pool.poolId);
  const payout = mine.payout;
  if (!payout || payout.connected) return null;
  const claim = async () => {
    const answer = await ok(
      api.POST('/v1/daos/{id}/share-pools/{poolId}/holders/{address}/claim', {
        params: { path: { id: daoId, poolId: pool.poolId, address: me } },
      }),
    );
    await refresh();
    return `Claim ${answer.status}: the platform moves what is waiting into your wallet (you can claim again from ${when(answer.nextClaimAt)}).`;
  };
  const connect = async () => {
    if (!pool.gdaPool) throw new Error('The pool’s distribution pool is not deployed yet; try again in a moment.');
    await sendAndWait(contracts.chainId, {
      address: contracts.gdaForwarder as Address,
      abi: gdaForwarderAbi as Abi,
      functionName: 'connectPool',
      args: [pool.gdaPool, '0x'],
    });
    await refresh();
    return 'Connected: from now on distributions land in your wallet balance as they arrive.';
  };
  const waiting = BigInt(payout.claimable) > 0n || BigInt(payout.flowRate) > 0n;
  return (
    <section className="card" aria-labelledby="claim-title">
      <h2 id="claim-title">Receive your payouts</h2>
      {waiting ? (
        <p>
          <strong data-testid="claimable">{tokens(payout.claimable, 6)}</strong> tokens collected for you in the pool. Claim them into your
          wallet, or connect once so that they arrive in your balance directly.
        </p>
      ) : (
        <p>Nothing waits to be claimed. Connect once so that future distributions land in your wallet balance directly.</p>
      )}
      <div className="row">
        {waiting && <ActionButton label="Claim my payout" run={claim} />}
        <ActionButton label="Connect to the distributions" className="secondary" run={connect} />
      </div>
    </section>
  );
}
