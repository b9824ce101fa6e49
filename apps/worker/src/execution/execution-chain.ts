import { createPublicClient, http, nonceManager, type Chain, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { NetworkProfile } from '@ayllu/chain';
import { carefulRelayer, DEFAULT_RELAYER_SETTINGS, type Relayer, type RelayerSettings } from './careful-relayer';
import type { RelayerObserver } from './relayer-watch';

/** One queue of sends per relayer address and chain in this process, whichever client a path holds. */
const sendQueues = new Map<string, Promise<unknown>>();

/**
 * The relayer's sends, one at a time: each is prepared (nonce, gas), signed and handed to the node before the
 * next starts. The nonce manager alone keeps nonces distinct, but parallel sends can reach the node out of
 * nonce order, and a node that does not queue (Hardhat automining, some providers) refuses the early higher
 * nonce; the queue holds only until the node has the transaction, never while waiting for a receipt.
 */
const oneSender = (client: Relayer): Relayer => {
  const key = `${client.account.address}:${client.chain?.id ?? 'none'}`;
  const serial =
    <A extends unknown[], R>(send: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const turn = (sendQueues.get(key) ?? Promise.resolve()).then(() => send(...args));
      sendQueues.set(
        key,
        turn.catch(() => undefined),
      );
      return turn;
    };
  return {
    ...client,
    sendTransaction: serial(client.sendTransaction),
    writeContract: serial(client.writeContract),
    deployContract: serial(client.deployContract),
    sendRawTransaction: serial(client.sendRawTransaction),
  } as Relayer;
};

/**
 * What the worker needs of the chain: reads, the relayer's wallet, and the shared contracts. The worker builds
 * one and hands it to every path that sends (deployment, execution, payout claims), so one account signs
 * everything, one send at a time (see `oneSender`); its nonces come from viem's nonce manager (one counter per
 * address and chain, shared by every client in the process), so concurrent sends never pick the same nonce, and
 * a send that fails before reaching the chain gives its nonce back.
 * Only the worker holds the relayer key: the API sends nothing.
 */
export interface ExecutionChain {
  readonly chainId: number;
  readonly public: PublicClient;
  readonly relayer: Relayer;
  /** The network: the shared contracts per-DAO deployments build on (Safe, Superfluid, tokens, vault implementation). */
  readonly profile: NetworkProfile;
}

export interface ExecutionChainSettings {
  readonly rpcUrl: string;
  readonly relayerPrivateKey: `0x${string}`;
  readonly profile: NetworkProfile;
  /** Fee caps and when a transaction counts as stuck (RELAYER_* settings); no cap and 180 s by default. */
  readonly relayer?: RelayerSettings;
  readonly relayerObserver?: RelayerObserver;
}

export function executionChain(settings: ExecutionChainSettings): ExecutionChain {
  const chain: Chain = {
    id: settings.profile.chainId,
    name: settings.profile.displayName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [settings.rpcUrl] } },
  };
  const transport = http(settings.rpcUrl, { retryCount: 2, timeout: 60_000 });
  const careful = carefulRelayer({
    chain,
    transport,
    account: privateKeyToAccount(settings.relayerPrivateKey, { nonceManager }),
    public: createPublicClient({ chain, transport, pollingInterval: 100 }) as PublicClient,
    settings: settings.relayer ?? DEFAULT_RELAYER_SETTINGS,
    serialize: oneSender,
    ...(settings.relayerObserver ? { observer: settings.relayerObserver } : {}),
  });
  return { chainId: settings.profile.chainId, public: careful.public, relayer: careful.relayer, profile: settings.profile };
}
