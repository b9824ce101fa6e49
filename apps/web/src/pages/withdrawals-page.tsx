import { useState } from 'react';
import { useConnection } from 'wagmi';
import { api, ok } from '../api/client';
import { signIntent, useContracts, useDao, useMember } from '../api/queries';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { Field } from '../ui/field';
import { duration, parseAmount, percent, tokens } from '../ui/format';
import { NoWalletError } from '../wallet/wallet-errors';

export function WithdrawalsPage({ daoId }: { daoId: string }) {
  const { address } = useConnection();
  const dao = useDao(daoId);
  const contracts = useContracts(daoId);
  const member = useMember(daoId, address);
  const [amount, setAmount] = useState('');
  const limitBps = dao.data?.smallWithdrawalLimitBps ?? 1000;
  const balance = BigInt(member.data?.balance ?? '0');
  const request = async () => {
    if (!address) throw new NoWalletError();
    const wei = parseAmount(amount);
    if (wei === null) throw new Error('Enter the amount as a positive number of tokens.');
    const body = await signIntent(daoId, contracts.data!.chainId, 'withdrawal-request', { member: address, amount: wei.toString() });
    const res = await ok(api.POST('/v1/daos/{id}/withdrawal-requests', { params: { path: { id: daoId } }, body: body as never }));
    return res.kind === 'small'
      ? 'Approved: within your small-withdrawal limit. Withdraw it from the vault with your wallet.'
      : `Over your limit: members vote on it (proposal ${res.proposal?.id ?? ''}).`;
  };
  const exit = async () => {
    if (!address) throw new NoWalletError();
    const body = await signIntent(daoId, contracts.data!.chainId, 'emergency-exit', { member: address } as never);
    await ok(api.POST('/v1/daos/{id}/emergency-exits', { params: { path: { id: daoId } }, body: body as never }));
    return `Requested. After ${duration(dao.data?.emergencyExitWaitSeconds ?? 0)} you can leave with your whole balance.`;
  };
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
            <h2 id="withdraw-title">Withdraw</h2>
            <p>
              Your balance is {tokens(balance, 2)} tokens. Up to {percent(limitBps)} of it (
              {tokens((balance * BigInt(limitBps)) / 10_000n, 2)} tokens) is yours to take at once; more than that goes to a members’ vote.
            </p>
            <Field label="Amount (tokens)">
              {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
            </Field>
            <ActionButton label="Sign the request" run={request} />
          </section>
          <section className="card" aria-labelledby="exit-title">
            <h2 id="exit-title">Emergency exit</h2>
            <p>
              Leave with your whole balance after a waiting period of {duration(dao.data?.emergencyExitWaitSeconds ?? 0)}, without a vote.
            </p>
            <ActionButton label="Request an emergency exit" className="danger" run={exit} />
          </section>
        </>
      )}
    </>
  );
}
