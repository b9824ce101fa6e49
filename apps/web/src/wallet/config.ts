import { createConfig, fallback, http, injected, unstable_connector } from 'wagmi';
import { arbitrum, base, celo, gnosis, hardhat, mainnet, optimism, polygon, sepolia } from 'wagmi/chains';

/** Chains a DAO may live on: the local development chain and the networks the platform ships profiles for. */
export const chains = [hardhat, mainnet, sepolia, gnosis, base, optimism, arbitrum, polygon, celo] as const;

// Reads go through the wallet's own provider first (it knows the node it is connected to), then the chain's public RPC.
const transport = fallback([unstable_connector(injected), http()]);

export const wagmiConfig = createConfig({
  chains,
  connectors: [injected()],
  // Receipts and reads are polled every second: a deposit should not sit four seconds on a confirmed transaction.
  pollingInterval: 1000,
  transports: Object.fromEntries(chains.map((chain) => [chain.id, transport])) as Record<(typeof chains)[number]['id'], typeof transport>,
});

declare module 'wagmi' {
  interface Register {
    config: typeof wagmiConfig;
  }
}

export const chainName = (id: number) => chains.find((chain) => chain.id === id)?.name ?? `chain ${id}`;
