import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok } from '../api/client';
import { signIntent, useContracts } from '../api/queries';
import { loadDaoTokens, useDaoTokens } from '../api/token';
import { navigate, paths } from '../router';
import { DaoHeader } from '../ui/dao-header';
import { describeProposal, PROPOSAL_TYPE_NAMES, type ProposalTokens } from '../ui/describe-proposal';
import { Field } from '../ui/field';
import { parseAmount, unitName } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';
import { NoWalletError } from '../wallet/wallet-errors';

type ProposalType = keyof typeof PROPOSAL_TYPE_NAMES;
const MONTH = 30n * 86_400n;

/** The payload of each type from the form's fields; a message naming the field when one is not right. */
const payloadOf = (type: ProposalType, f: Record<string, string>, units: ProposalTokens): Record<string, unknown> => {
  switch (type) {
    case 'DISTRIBUTE_YIELDS': {
      if (f.mode === 'stop') return { mode: 'stop' };
      const amount = parseAmount(f.amount ?? '', units.payout?.decimals);
      if (amount === null) throw new Error(`Enter the ${f.mode === 'instant' ? 'amount' : 'tokens a month'} as a positive number.`);
      return f.mode === 'instant'
        ? { mode: 'instant', amount: amount.toString() }
        : { mode: 'stream', flowRatePerSecond: (amount / MONTH).toString() };
    }
    case 'ADD_MEMBER':
      return { member: f.member };
    case 'REMOVE_MEMBER':
      return { member: f.member, reason: f.reason ?? '' };
    case 'WITHDRAW_FUNDS': {
      const amount = parseAmount(f.amount ?? '', units.asset?.decimals);
      if (amount === null) throw new Error('Enter the amount as a positive number of tokens.');
      return { recipient: f.member, amount: amount.toString() };
    }
    case 'CHANGE_STRATEGY':
      return { strategy: f.address };
    case 'UPGRADE_CONTRACT':
      return { implementation: f.address };
    case 'CHANGE_PARAMETERS':
      try {
        return { changes: JSON.parse(f.changes || '{}') as unknown };
      } catch {
        throw new Error('Write the changes as JSON, e.g. {"quorumBps": 6000}.');
      }
    default:
      return {};
  }
};

export function NewProposalPage({ daoId }: { daoId: string }) {
  const { address } = useConnection();
  const contracts = useContracts(daoId);
  const units = useDaoTokens(daoId);
  const client = useQueryClient();
  const [type, setType] = useState<ProposalType>('DISTRIBUTE_YIELDS');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({ mode: 'stream' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  let preview = '';
  try {
    preview = describeProposal(type, payloadOf(type, fields, units), units);
  } catch {
    preview = '';
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!address) throw new NoWalletError();
      if (!contracts.data) throw new Error('The DAO’s contracts are still being deployed; try again in a moment.');
      const payload = payloadOf(type, fields, await loadDaoTokens(client, contracts.data));
      const body = await signIntent(daoId, contracts.data.chainId, 'proposal', {
        proposer: address,
        type: type as never,
        title,
        description,
        payload: payload as never,
      });
      const created = await ok(api.POST('/v1/daos/{id}/proposals', { params: { path: { id: daoId } }, body: body as never }));
      navigate(paths.proposal(daoId, created.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <DaoHeader daoId={daoId} title="Make a proposal" />
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="What kind of proposal">
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value as ProposalType)}>
              {Object.entries(PROPOSAL_TYPE_NAMES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title">{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required />}</Field>
        <Field label="Why (description)">
          {(p) => <textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />}
        </Field>
        {type === 'DISTRIBUTE_YIELDS' && (
          <>
            <Field label="How">
              {(p) => (
                <select {...p} value={fields.mode} onChange={set('mode')}>
                  <option value="stream">Stream continuously</option>
                  <option value="instant">Pay once</option>
                  <option value="stop">Stop the stream</option>
                </select>
              )}
            </Field>
            {fields.mode !== 'stop' && (
              <Field
                label={fields.mode === 'instant' ? 'Amount (tokens)' : 'Tokens a month'}
                hint={units.payout && `In ${unitName(units.payout)}.`}
              >
                {(p) => <input {...p} inputMode="decimal" value={fields.amount ?? ''} onChange={set('amount')} />}
              </Field>
            )}
          </>
        )}
        {(type === 'ADD_MEMBER' || type === 'REMOVE_MEMBER' || type === 'WITHDRAW_FUNDS') && (
          <Field label={type === 'WITHDRAW_FUNDS' ? 'Recipient address' : 'Member address'}>
            {(p) => <input {...p} value={fields.member ?? ''} onChange={set('member')} />}
          </Field>
        )}
        {type === 'REMOVE_MEMBER' && (
          <Field label="Reason">{(p) => <input {...p} value={fields.reason ?? ''} onChange={set('reason')} />}</Field>
        )}
        {type === 'WITHDRAW_FUNDS' && (
          <Field label="Amount (tokens)" hint={units.asset && `In ${unitName(units.asset)}.`}>
            {(p) => <input {...p} inputMode="decimal" value={fields.amount ?? ''} onChange={set('amount')} />}
          </Field>
        )}
        {(type === 'CHANGE_STRATEGY' || type === 'UPGRADE_CONTRACT') && (
          <Field label={type === 'CHANGE_STRATEGY' ? 'Strategy (ERC-4626 vault address)' : 'New implementation address'}>
            {(p) => <input {...p} value={fields.address ?? ''} onChange={set('address')} />}
          </Field>
        )}
        {type === 'CHANGE_PARAMETERS' && (
          <Field label="Changes (JSON)" hint='For example {"quorumBps": 6000, "votingPeriodSeconds": 86400}'>
            {(p) => <textarea {...p} value={fields.changes ?? ''} onChange={set('changes')} rows={3} />}
          </Field>
        )}
        {preview && (
          <p className="notice" aria-live="polite">
            If it passes: {preview}
          </p>
        )}
        <ProblemNotice error={error} onDismiss={() => setError(null)} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Sign in your wallet…' : 'Sign and submit'}
        </button>
      </form>
    </>
  );
}
