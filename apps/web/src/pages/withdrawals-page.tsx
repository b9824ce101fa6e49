import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Abi, Address } from 'viem';
import { useConnection } from 'wagmi';
import { getBlock, readContract } from 'wagmi/actions';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { api, ApiProblem, ok } from '../api/client';
import { signIntent, useContracts, useDao, useMember, type Contracts } from '../api/queries';
import { loadDaoTokens, retrySoon, useDaoTokens, useRetryOnConnect, type TokenInfo } from '../api/token';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { Field } from '../ui/field';
import { amountOf, duration, parseAmount, percent, unitName, when } from '../ui/format';
import { sendAndWait } from '../wallet/actions';
import { wagmiConfig } from '../wallet/config';
import { NoWalletError } from '../wallet/wallet-errors';

/** What the vault lets this member do now, read from the chain (the vault, not the API, enforces it). */
const useVaultStanding = (contracts: Contracts | null | undefined, member: Address | undefined) => {
  useRetryOnConnect('vault-standing');
  return useQuery({
    queryKey: ['vault-standing', contracts?.vault, member],
    ...retrySoon,
    enabled: !!contracts && !!member,
    refetchInterval: 3000,
    queryFn: async () => {
      const read = (functionName: string) =>
        readContract(wagmiConfig, {
          address: contracts!.vault as Address,
          abi: communityVaultAbi,
          functionName,
          args: [member!],
          chainId: contracts!.chainId as never,
        } as never) as Promise<bigint>;
      const [withdrawable, approved, exitAvailableAt, exitExpiresAt, block] = await Promise.all([
        read('withdrawableNow'),
        read('approvedWithdrawalOf'),
        read('emergencyExitAvailableAt'),
        read('emergencyExitExpiresAt'),
        getBlock(wagmiConfig, { chainId: contracts!.chainId as never }),
      ]);
      return { withdrawable, approved, exitAvailableAt, exitExpiresAt, chainNow: block.timestamp };
    },
  });
};

const chainTime = (seconds: bigint) => when(new Date(Number(seconds) * 1000).toISOString());

function TakeFromVault({
  contracts,
  token,
  withdrawable,
  approved,
}: {
  contracts: Contracts;
  token: TokenInfo;
  withdrawable: bigint;
  approved: bigint;
}) {
  const [amount, setAmount] = useState('');
  const client = useQueryClient();
  const take = async () => {
    const wei = parseAmount(amount, token.decimals);
    if (wei === null) throw new Error(`Enter the amount as a positive number of ${unitName(token)} (at most ${token.decimals} decimals).`);
    if (wei > withdrawable)
      throw new Error(`The vault lets you take at most ${amountOf(withdrawable, token, 4)} now. Ask for more with a signed request above.`);
    await sendAndWait(contracts.chainId, {
      address: contracts.vault as Address,
      abi: communityVaultAbi as Abi,
      functionName: 'withdraw',
      args: [wei],
    });
    setAmount('');
    await client.invalidateQueries({ queryKey: ['vault-standing'] });
    return `Withdrawn: ${amountOf(wei, token)} went to your wallet. Your balance here updates once the chain confirms it.`;
  };
  return (
    <section className="card" aria-labelledby="take-title">
      <h2 id="take-title">Take it from the vault</h2>
      <p data-testid="withdrawable">
        The vault lets you take up to <strong>{amountOf(withdrawable, token, 4)}</strong> now
        {approved > 0n ? `, of which ${amountOf(approved, token)} the members approved by vote` : ''}. Your wallet sends the transaction.
      </p>
      <Field label="Amount to take (tokens)" hint={`In ${unitName(token)}.`}>
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </Field>
      <ActionButton label="Withdraw to my wallet" run={take} disabled={withdrawable === 0n} />
    </section>
  );
}

function EmergencyExit({
  daoId,
  contracts,
  waitSeconds,
  availableAt,
  expiresAt,
  chainNow,
}: {
  daoId: string;
  contracts: Contracts;
  waitSeconds: number;
  availableAt: bigint;
  expiresAt: bigint;
  chainNow: bigint;
}) {
  const { address } = useConnection();
  const client = useQueryClient();
  const requested = availableAt > 0n && chainNow < expiresAt;
  const ready = requested && chainNow >= availableAt;
  const request = async () => {
    if (!address) throw new NoWalletError();
    const body = await signIntent(daoId, contracts.chainId, 'emergency-exit', { member: address } as never);
    try {
      await ok(api.POST('/v1/daos/{id}/emergency-exits', { params: { path: { id: daoId } }, body: body as never }));
    } catch (error) {
      // Recorded already (an earlier try whose chain step was declined): the vault still needs the member's own call.
      if (!(error instanceof ApiProblem && error.code === 'EMERGENCY_EXIT.ALREADY_REQUESTED')) throw error;
    }
    await sendAndWait(contracts.chainId, {
      address: contracts.vault as Address,
      abi: communityVaultAbi as Abi,
      functionName: 'requestEmergencyExit',
      args: [],
    });
    await client.invalidateQueries({ queryKey: ['vault-standing'] });
    return `Requested. After ${duration(waitSeconds)} you can leave with your whole balance, from this page.`;
  };
  const leave = async () => {
    await sendAndWait(contracts.chainId, {
      address: contracts.vault as Address,
      abi: communityVaultAbi as Abi,
      functionName: 'completeEmergencyExit',
      args: [],
    });
    await client.invalidateQueries({ queryKey: ['vault-standing'] });
    await client.invalidateQueries({ queryKey: ['member', daoId] });
    return 'You left the DAO: the vault paid your whole balance to your wallet.';
  };
  return (
    <section className="card" aria-labelledby="exit-title">
      <h2 id="exit-title">Emergency exit</h2>
      <p>
        Leave with your whole balance after a waiting period of {duration(waitSeconds)}, without a vote and even while the vault is paused.
        Two steps, each from your wallet: ask now, leave once the wait is over (within a limited window, or ask again).
      </p>
      {availableAt > 0n && (
        <p data-testid="emergency-exit-status" role="status">
          {!requested
            ? `Your earlier request lapsed at ${chainTime(expiresAt)}: ask again to start a new wait.`
            : ready
              ? `The wait is over: you can leave now, until ${chainTime(expiresAt)}.`
              : `Requested: you can leave from ${chainTime(availableAt)} until ${chainTime(expiresAt)} (chain time).`}
        </p>
      )}
      {ready ? (
        <ActionButton label="Leave now with my whole balance" className="danger" run={leave} />
      ) : (
        !requested && <ActionButton label="Request an emergency exit" className="danger" run={request} />
      )}
    </section>
  );
}

export function WithdrawalsPage({ daoId }: { daoId: string }) {
  const { address } = useConnection();
  const dao = useDao(daoId);
  const contracts = useContracts(daoId);
  const member = useMember(daoId, address);
  const { asset } = useDaoTokens(daoId);
  const standing = useVaultStanding(contracts.data, address);
  const [amount, setAmount] = useState('');
  const client = useQueryClient();
  const limitBps = dao.data?.smallWithdrawalLimitBps ?? 1000;
  const balance = BigInt(member.data?.balance ?? '0');
  const request = async () => {
    if (!address) throw new NoWalletError();
    const { asset } = await loadDaoTokens(client, contracts.data!);
    const wei = parseAmount(amount, asset.decimals);
    if (wei === null) throw new Error(`Enter the amount as a positive number of ${unitName(asset)} (at most ${asset.decimals} decimals).`);
    const body = await signIntent(daoId, contracts.data!.chainId, 'withdrawal-request', { member: address, amount: wei.toString() });
    const res = await ok(api.POST('/v1/daos/{id}/withdrawal-requests', { params: { path: { id: daoId } }, body: body as never }));
    setAmount('');
    if (res.kind === 'small') return 'Approved: within your small-withdrawal limit. Take it from the vault below.';
    return `Over your limit: members vote on it${res.proposal ? ` (proposal “${res.proposal.title}” on the Proposals page)` : ''}. Once it has run, take it from the vault below.`;
  };
  const s = standing.data;
  return (
    <>
      <DaoHeader daoId={daoId} title="Withdraw or leave" />
      {!address && <p className="notice">Connect your wallet first.</p>}
      {address && member.data === null && (
        <p className="notice">
          You are not a member of this DAO. <Link href={paths.pool(daoId)}>Ask to join</Link>.
        </p>
      )}
      {member.data && contracts.data && (
        <>
          <section className="card" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">Ask to withdraw</h2>
            <p>
              Your balance is {amountOf(balance, asset)}. Up to {percent(limitBps)} of it (
              {amountOf((balance * BigInt(limitBps)) / 10_000n, asset)}) is yours to take at once; more than that goes to a members’ vote (a
              “Pay out funds” proposal), and once it has run you take it from the vault here.
            </p>
            <Field label="Amount (tokens)" hint={asset ? `In ${unitName(asset)}.` : undefined}>
              {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
            </Field>
            <ActionButton label="Sign the request" run={request} />
            <p className="small">
              Requests over the limit open a proposal: follow it on <Link href={paths.proposals(daoId)}>Proposals</Link>.
            </p>
          </section>
          {asset && s && <TakeFromVault contracts={contracts.data} token={asset} withdrawable={s.withdrawable} approved={s.approved} />}
          {s && (
            <EmergencyExit
              daoId={daoId}
              contracts={contracts.data}
              waitSeconds={dao.data?.emergencyExitWaitSeconds ?? 0}
              availableAt={s.exitAvailableAt}
              expiresAt={s.exitExpiresAt}
              chainNow={s.chainNow}
            />
          )}
          {!s && standing.error && <p className="muted">Your standing in the vault cannot be read from the chain right now.</p>}
        </>
      )}
    </>
  );
}
