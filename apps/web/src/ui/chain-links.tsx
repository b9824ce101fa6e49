import { chains } from '../wallet/config';

/** The chain's block explorer, when it has one (a local development chain has none). */
export const explorerOf = (chainId: number | undefined): string | undefined =>
  chains.find((chain) => chain.id === chainId)?.blockExplorers?.default.url;

/** A transaction hash as a link to the chain's explorer, or in full where the chain has no explorer. */
export function TxLink({ chainId, hash }: { chainId: number | undefined; hash: string }) {
  const explorer = explorerOf(chainId);
  const short = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  if (!explorer)
    return (
      <code className="hash" title="This chain has no block explorer: look the transaction up on your node">
        {hash}
      </code>
    );
  return (
    <a href={`${explorer.replace(/\/$/, '')}/tx/${hash}`} target="_blank" rel="noreferrer noopener">
      transaction {short}
      <span className="visually-hidden"> (opens the block explorer in a new tab)</span>
    </a>
  );
}
