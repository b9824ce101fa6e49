import { useState } from 'react';
import { useConnect, useConnection, useConnectors, useDisconnect } from 'wagmi';
import { chainName } from './config';
import { shortAddress } from '../ui/format';
import { ProblemNotice } from '../ui/problem-notice';

/** Connect / disconnect the injected wallet (MetaMask or any EIP-1193 wallet), and show the account and network. */
export function WalletButton() {
  const { address, chainId, status } = useConnection();
  const connectors = useConnectors();
  const { mutateAsync: connect, isPending } = useConnect();
  const { mutate: disconnect } = useDisconnect();
  const [error, setError] = useState<unknown>(null);
  if (address)
    return (
      <div className="wallet">
        <span className="wallet-account" title={address} data-testid="wallet-address">
          <span aria-hidden="true">●</span> {shortAddress(address)}
          <span className="muted small"> on {chainName(chainId ?? 0)}</span>
        </span>
        <button type="button" className="secondary small-button" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    );
  const injectedConnector = connectors[0];
  const start = async () => {
    setError(null);
    if (!injectedConnector || typeof window.ethereum === 'undefined') {
      setError(new Error('No wallet found in this browser. Install a wallet such as MetaMask, then reload the page.'));
      return;
    }
    try {
      await connect({ connector: injectedConnector });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="wallet">
      <button type="button" className="primary" onClick={() => void start()} disabled={isPending || status === 'connecting'}>
        {isPending ? 'Check your wallet…' : 'Connect wallet'}
      </button>
      <ProblemNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}

declare global {
  interface Window {
    ethereum?: unknown;
  }
}
