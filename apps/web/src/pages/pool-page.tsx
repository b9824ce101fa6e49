import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { erc20Abi, type Abi, type Address } from 'viem';
import { useConnection } from 'wagmi';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { gdaForwarderAbi } from '../../../../libs/chain/src/abi/gda-v1-forwarder';
import { api, ok, type Schemas } from '../api/client';
import { signIntent, useContracts, useDao, useMember, usePayouts, type Contracts, type Dao } from '../api/queries';
import { loadDaoTokens, useDaoTokens, type TokenInfo } from '../api/token';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { Field } from '../ui/field';
import { StreamTicker } from '../ui/stream-ticker';
import { amountOf, duration, parseAmount, percent, perMonth, sameAddress, unitName } from '../ui/format';
import { sendAndWait } from '../wallet/actions';
import { RotatingAndSharePools } from './pool-lists';

type Member = Schemas['MemberView'];

function Deposit({ daoId, contracts, token }: { daoId: string; contracts: Contracts; token: TokenInfo | undefined }) {
  const [amount, setAmount] = useState('');
  const client = useQueryClient();
  const deposit = async () => {
    const { asset: token } = await loadDaoTokens(client, contracts);
    const wei = parseAmount(amount, token.decimals);
    if (wei === null)
      throw new Error(
        `Enter the amount to deposit as a positive number of ${unitName(token)}, e.g. 100 or 12.5 (at most ${token.decimals} decimals).`,
      );
    const vault = contracts.vault as Address;
    const asset = token.address;
    await sendAndWait(contracts.chainId, { address: asset, abi: erc20Abi as Abi, functionName: 'approve', args: [vault, wei] });
    await sendAndWait(contracts.chainId, { address: vault, abi: communityVaultAbi as Abi, functionName: 'deposit', args: [wei] });
    setAmount('');
    await client.invalidateQueries({ queryKey: ['member', daoId] });
    return `Deposited ${amountOf(wei, token)}. Your balance updates once the chain confirms it (a few seconds).`;
  };
  return (
    <section className="card" aria-labelledby="deposit-title">
      <h2 id="deposit-title">Deposit</h2>
      <p>Your wallet asks twice: first to let the vault take the tokens (approve), then to deposit them.</p>
      <Field label="Amount (tokens)" hint={token ? `In ${unitName(token)}, the vault’s token.` : undefined}>
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="100" />}
      </Field>
      <ActionButton label="Approve and deposit" run={deposit} />
    </section>
  );
}

function Payout({ daoId, contracts, me, token }: { daoId: string; contracts: Contracts; me: string; token: TokenInfo | undefined }) {
  const payouts = usePayouts(daoId);
  const mine = payouts.data?.members.find((m) => sameAddress(m.address, me));
  if (!payouts.data || !token) return <p className="muted">The payout pool has not been read from the chain yet.</p>;
  const flowRate = BigInt(mine?.flowRate ?? '0');
  return (
    <section className="card" aria-labelledby="payout-title">
      <h2 id="payout-title">Your payout stream</h2>
      {flowRate > 0n ? (
        <p>
          You receive{' '}
          <strong>
            {perMonth(flowRate, token.decimals)} {token.symbol}
          </strong>{' '}
          a month, every second ({flowRate.toString()} of its smallest unit a second).
        </p>
      ) : (
        <p>No yield is streaming to you right now. Members vote to start a stream with a “Distribute yield” proposal.</p>
      )}
      <p className="big">
        Received so far:{' '}
        <StreamTicker
          received={BigInt(mine?.received ?? '0')}
          flowRate={flowRate}
          since={payouts.data.fetchedAt}
          decimals={token.decimals}
        />{' '}
        {token.symbol}
      </p>
      <dl className="facts">
        <dt>Your pool units</dt>
        <dd data-testid="pool-units">{mine?.units ?? '0'}</dd>
        <dt>Whole pool</dt>
        <dd>
          {perMonth(payouts.data.totalFlowRate, token.decimals)} {token.symbol} a month
        </dd>
        <dt>Connected to the pool</dt>
        <dd>{mine?.connected ? 'Yes: the stream lands in your wallet balance directly' : 'No: it collects in the pool until claimed'}</dd>
        {!mine?.connected && (
          <>
            <dt>Waiting to be claimed</dt>
            <dd>{amountOf(mine?.claimable ?? '0', token, 4)}</dd>
          </>
        )}
      </dl>
      {!mine?.connected && (
        <div className="row">
          <ActionButton
            label="Connect to the pool"
            className="secondary"
            run={async () => {
              await sendAndWait(contracts.chainId, {
                address: contracts.gdaForwarder as Address,
                abi: gdaForwarderAbi as Abi,
                functionName: 'connectPool',
                args: [contracts.pool, '0x'],
              });
              return 'Connected: from now on the stream shows in your wallet balance as it arrives.';
            }}
          />
          <ActionButton
            label="Claim what is waiting"
            className="secondary"
            run={async () => {
              const claim = await ok(
                api.POST('/v1/daos/{id}/members/{address}/claim', { params: { path: { id: daoId, address: me } }, body: {} as never }),
              );
              return `Claim ${claim.status}: the platform sends what is waiting to your wallet.`;
            }}
          />
        </div>
      )}
    </section>
  );
}

/** Where a join request stands and what the person does next, in words. */
function JoinRequestNext({ daoId, dao, member, minimum }: { daoId: string; dao: Dao; member: Member; minimum: string | null }) {
  const deposit = `Deposit ${minimum ? `at least ${minimum}` : 'any amount'} below to become an active member.`;
  return (
    <div className="notice" role="status" data-testid="join-request">
      <p className="notice-title">Your request to join</p>
      {dao.access === 'open' && <p>This DAO is open: nobody needs to approve you. {deposit}</p>}
      {dao.access !== 'open' && member.admitted && <p>You were approved. {deposit}</p>}
      {dao.access === 'hybrid' && !member.admitted && (
        <p>An admin of the DAO reviews your request. Once approved you can deposit; until then the vault would refuse it.</p>
      )}
      {dao.access === 'closed' && !member.admitted && (
        <p>
          Members vote people in: a member proposes admitting you (“Admit a member”) and the others vote.{' '}
          <Link href={paths.proposals(daoId)}>See the proposals</Link>.
        </p>
      )}
      <p className="small muted">A request nobody acts on lapses after a while; you can then ask again.</p>
    </div>
  );
}

export function PoolPage({ daoId }: { daoId: string }) {
  const dao = useDao(daoId);
  const contracts = useContracts(daoId);
  const { address } = useConnection();
  const member = useMember(daoId, address);
  const payouts = usePayouts(daoId);
  const client = useQueryClient();
  const { asset, payout } = useDaoTokens(daoId);
  const d = dao.data;
  const m = member.data;
  const join = async () => {
    if (!contracts.data) throw new Error('The DAO’s contracts are still being deployed; try again in a moment.');
    const body = await signIntent(daoId, contracts.data.chainId, 'join-request', { address: address! });
    await ok(api.POST('/v1/daos/{id}/join-requests', { params: { path: { id: daoId } }, body: body as never }));
    await client.invalidateQueries({ queryKey: ['member', daoId] });
    return d?.access === 'hybrid'
      ? 'Asked. An admin reviews your request; then deposit to become an active member.'
      : 'Asked. Deposit the minimum to become an active member.';
  };
  return (
    <>
      <DaoHeader daoId={daoId} title="Community pool" />
      {d && (
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">{d.name}</h2>
          {d.description && <p>{d.description}</p>}
          <dl className="facts">
            <dt>Members</dt>
            <dd>{d.memberCount}</dd>
            <dt>Joining</dt>
            <dd>{d.access === 'open' ? 'Open: deposit the minimum' : d.access === 'hybrid' ? 'An admin approves' : 'Members vote'}</dd>
            <dt>Minimum deposit</dt>
            <dd>{amountOf(d.minimumDeposit, asset)}</dd>
            <dt>Voting</dt>
            <dd>
              {d.votingType === 'democratic' ? 'One member, one vote' : 'Weighted by deposits'}, quorum {percent(d.quorumBps)}, for{' '}
              {duration(d.votingPeriodSeconds)}
            </dd>
            <dt>Timelock</dt>
            <dd>{duration(d.timelockDelaySeconds)} between signing and running</dd>
            <dt>Contracts</dt>
            <dd>
              {contracts.data
                ? `Vault ${contracts.data.vault}`
                : d.deployment.status === 'none'
                  ? 'None yet: this pool names no treasurers'
                  : `Deployment ${d.deployment.status}${d.deployment.reason ? `: ${d.deployment.reason}` : ''}`}
            </dd>
          </dl>
        </section>
      )}
      {!address ? (
        <p className="notice">Connect your wallet to see your balance, join or deposit.</p>
      ) : (
        <>
          <section className="card" aria-labelledby="me-title">
            <h2 id="me-title">You</h2>
            {(m === null || m?.status === 'REMOVED') && (
              <>
                <p>{m ? 'You left this DAO. You may ask to join again.' : 'You are not a member of this DAO yet.'}</p>
                <ActionButton label="Ask to join" run={join} />
              </>
            )}
            {m?.status === 'PENDING' && d && (
              <JoinRequestNext
                daoId={daoId}
                dao={d}
                member={m}
                minimum={BigInt(d.minimumDeposit) > 0n ? amountOf(d.minimumDeposit, asset) : null}
              />
            )}
            {m && (
              <dl className="facts">
                <dt>Status</dt>
                <dd data-testid="member-status">{m.status.toLowerCase()}</dd>
                <dt>Balance in the vault</dt>
                <dd data-testid="member-balance">{amountOf(m.balance, asset)}</dd>
                <dt>Deposited in total</dt>
                <dd>{amountOf(m.totalDeposited, asset)}</dd>
                <dt>Pool units</dt>
                <dd>{m.units ?? payouts.data?.members.find((p) => sameAddress(p.address, address))?.units ?? '0'}</dd>
                <dt>Voting weight</dt>
                <dd>
                  {m.weight} <span className="muted small">({m.weightReason})</span>
                </dd>
              </dl>
            )}
          </section>
          {m && contracts.data && m.status !== 'REMOVED' && (m.status !== 'PENDING' || m.admitted || d?.access === 'open') && (
            <Deposit daoId={daoId} contracts={contracts.data} token={asset} />
          )}
          {m && contracts.data && <Payout daoId={daoId} contracts={contracts.data} me={address} token={payout} />}
          {m && (
            <p>
              <Link href={paths.withdrawals(daoId)}>Withdraw or leave</Link> · <Link href={paths.proposals(daoId)}>Proposals</Link>
            </p>
          )}
        </>
      )}
      <RotatingAndSharePools daoId={daoId} />
    </>
  );
}
