import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useConnection } from 'wagmi';
import { api, ok, type Schemas } from '../api/client';
import { useContracts, useSafeTransactions } from '../api/queries';
import { Link, paths } from '../router';
import { ActionButton } from '../ui/action-button';
import { DaoHeader } from '../ui/dao-header';
import { sameAddress, shortAddress } from '../ui/format';
import { TxLink } from '../ui/chain-links';
import { ProblemNotice } from '../ui/problem-notice';
import { signServed, type ServedTypedData } from '../wallet/actions';
import { NoWalletError } from '../wallet/wallet-errors';

type SafeTx = Schemas['SafeTransactionView'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What keeps a queued transaction from running, in words; for a finished one, what became of it. */
export const blockedBy = (tx: SafeTx, queue: SafeTx[]): string => {
  switch (tx.status) {
    case 'executed':
      return tx.failureReason
        ? `Ran on chain, but the pool did not record it: ${tx.failureReason}`
        : tx.purpose === 'schedule'
          ? 'Ran: the proposal’s actions now wait in the timelock, and the platform runs them once the delay is over.'
          : 'Ran on chain.';
    case 'failed':
      return `Failed on chain${tx.failureReason ? `: ${tx.failureReason}` : ''}.`;
    case 'replaced':
      return `Never ran: another transaction used nonce ${tx.nonce} first (for example the rejection of a vetoed proposal).`;
    case 'abandoned':
      return `Abandoned: it can never run as signed${tx.failureReason ? ` (${tx.failureReason})` : ''}.`;
    default:
      break;
  }
  const earlier = queue.filter((t) => t.status === 'awaiting-signatures' && BigInt(t.nonce) < BigInt(tx.nonce));
  const parts: string[] = [];
  if (tx.signaturesMissing > 0)
    parts.push(
      `needs ${plural(tx.signaturesMissing, 'more signature')}, from ${tx.signaturesMissing === tx.awaiting.length ? '' : 'any of '}${tx.awaiting
        .map(shortAddress)
        .join(', ')}`,
    );
  if (earlier.length > 0)
    parts.push(
      `the Safe runs transactions in nonce order, so nonce ${earlier.map((t) => t.nonce).join(', ')} must run first (it still ${
        earlier.length === 1 ? 'needs' : 'need'
      } signatures)`,
    );
  return parts.length ? `Blocked: ${parts.join('; ')}.` : 'Ready: it has every signature it needs and the platform sends it now.';
};

const STATUS_WORDS: Record<string, string> = {
  'awaiting-signatures': 'waiting for signatures',
  executed: 'ran',
  failed: 'failed',
  replaced: 'replaced',
  abandoned: 'abandoned',
};

/** The treasurer's signature over the transaction's typed data, exactly as the API serves it. */
export function SignButton({ daoId, tx }: { daoId: string; tx: SafeTx }) {
  const { address } = useConnection();
  const contracts = useContracts(daoId);
  const client = useQueryClient();
  const sign = async () => {
    if (!address) throw new NoWalletError();
    if (!contracts.data) throw new Error('The DAO’s contracts are not known yet; try again in a moment.');
    const detail = await ok(
      api.GET('/v1/daos/{id}/safe-transactions/{safeTxHash}', { params: { path: { id: daoId, safeTxHash: tx.safeTxHash } } }),
    );
    const signature = await signServed(detail.typedData as unknown as ServedTypedData, contracts.data.chainId);
    const res = await ok(
      api.POST('/v1/daos/{id}/safe-transactions/{safeTxHash}/signatures', {
        params: { path: { id: daoId, safeTxHash: tx.safeTxHash } },
        body: { signer: address, signature: signature as never },
      }),
    );
    await client.invalidateQueries({ queryKey: ['safe-transactions', daoId] });
    const missing = (res as { signaturesMissing?: number }).signaturesMissing ?? 0;
    return missing > 0
      ? `Signed. ${missing} more signature${missing === 1 ? '' : 's'} needed.`
      : 'Signed. That was the last one: it runs now.';
  };
  if (!address || !tx.awaiting.some((o) => sameAddress(o, address))) return null;
  return <ActionButton label="Sign in my wallet" run={sign} />;
}

function TxCard({ daoId, tx, queue }: { daoId: string; tx: SafeTx; queue: SafeTx[] }) {
  const chainId = useContracts(daoId).data?.chainId;
  return (
    <li className="card" data-testid="safe-tx">
      <h3>
        <Link href={paths.safeTransaction(daoId, tx.safeTxHash)}>Nonce {tx.nonce}</Link>{' '}
        <span className={`badge tx-${tx.status}`}>{STATUS_WORDS[tx.status] ?? tx.status}</span>
      </h3>
      <ul className="plain">
        {tx.description.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {tx.proposalId && (
        <p className="small">
          For <Link href={paths.proposal(daoId, tx.proposalId)}>the proposal</Link>
        </p>
      )}
      <p className="small">
        Signed by {tx.signedBy.length ? tx.signedBy.map(shortAddress).join(', ') : 'nobody yet'} ({tx.signedBy.length} of {tx.threshold}
        ).
        {tx.status === 'awaiting-signatures' && tx.awaiting.length > 0 && ` Have not signed: ${tx.awaiting.map(shortAddress).join(', ')}.`}
      </p>
      <p className="small" data-testid="safe-tx-blocker">
        {blockedBy(tx, queue)}
      </p>
      {tx.executionTxHash && (
        <p className="small">
          Sent in <TxLink chainId={chainId} hash={tx.executionTxHash} />
        </p>
      )}
      <SignButton daoId={daoId} tx={tx} />
    </li>
  );
}

export function TreasuryPage({ daoId }: { daoId: string }) {
  const txs = useSafeTransactions(daoId);
  const items = txs.data?.items ?? [];
  const queue = items.filter((t) => t.status === 'awaiting-signatures');
  const history = items.filter((t) => t.status !== 'awaiting-signatures').reverse();
  return (
    <>
      <DaoHeader daoId={daoId} title="Treasury: Safe queue" />
      <p>Passed proposals become Safe transactions. Treasurers sign them here; once enough have signed, the platform runs them.</p>
      <ProblemNotice error={txs.error} />
      <h2>Waiting for signatures</h2>
      {queue.length === 0 && <p className="muted">Nothing to sign.</p>}
      <ol className="cards">
        {queue.map((tx) => (
          <TxCard key={tx.safeTxHash} daoId={daoId} tx={tx} queue={queue} />
        ))}
      </ol>
      <h2>History</h2>
      {history.length === 0 && <p className="muted">No transactions have run yet.</p>}
      <ol className="cards">
        {history.map((tx) => (
          <TxCard key={tx.safeTxHash} daoId={daoId} tx={tx} queue={queue} />
        ))}
      </ol>
    </>
  );
}

export function SafeTransactionPage({ daoId, safeTxHash }: { daoId: string; safeTxHash: string }) {
  const tx = useQuery({
    queryKey: ['safe-transaction', daoId, safeTxHash],
    queryFn: () => ok(api.GET('/v1/daos/{id}/safe-transactions/{safeTxHash}', { params: { path: { id: daoId, safeTxHash } } })),
    refetchInterval: 2000,
  });
  const queue = useSafeTransactions(daoId).data?.items.filter((t) => t.status === 'awaiting-signatures') ?? [];
  return (
    <>
      <DaoHeader daoId={daoId} title="Safe transaction" />
      <ProblemNotice error={tx.error} />
      {tx.data && (
        <>
          <ol className="cards">
            <TxCard daoId={daoId} tx={tx.data} queue={queue} />
          </ol>
          <details className="card">
            <summary>The exact data your wallet signs</summary>
            <pre>{JSON.stringify(tx.data.typedData, null, 2)}</pre>
          </details>
        </>
      )}
    </>
  );
}
