import {
  createWalletClient,
  keccak256,
  type Account,
  type Chain,
  type Hash,
  type LocalAccount,
  type PublicClient,
  type TransactionSerializable,
  type Transport,
  type WalletClient,
} from 'viem';
import { feesFor, NO_FEE_CAP, type RelayerFeePolicy } from './relayer-fees';
import { feeParameters, readFeeMarket } from './relayer-market';
import { createRelayerWatch, type RelayerObserver } from './relayer-watch';

export type Relayer = WalletClient & { account: Account };

export interface RelayerSettings {
  readonly fees: RelayerFeePolicy;
  /** RELAYER_STUCK_SECONDS, in ms: a transaction not mined this long after it was sent is replaced. */
  readonly stuckAfterMs: number;
}

/** No fee cap; a transaction is stuck after three minutes without being mined. */
export const DEFAULT_RELAYER_SETTINGS: RelayerSettings = { fees: NO_FEE_CAP, stuckAfterMs: 180_000 };

export interface CarefulRelayerOptions {
  readonly chain: Chain;
  readonly transport: Transport;
  /** The relayer's key, with its nonce manager. */
  readonly account: LocalAccount;
  readonly public: PublicClient;
  readonly settings: RelayerSettings;
  /** Puts the relayer's sends (replacements included) in one queue per address and chain. */
  readonly serialize: (relayer: Relayer) => Relayer;
  readonly observer?: RelayerObserver;
}

/** Signed requests not yet matched to the hash their send returned; a send that failed after signing leaves one. */
const UNMATCHED_LIMIT = 64;

/**
 * The relayer's wallet with fees it chose itself and a watch on what it sent:
 * - every send (sendTransaction, writeContract, deployContract) carries EIP-1559 fees from the node's market
 *   (gasPrice on a legacy chain), within RELAYER_MAX_FEE_GWEI / RELAYER_MAX_PRIORITY_FEE_GWEI; a base fee above the
 *   cap sends nothing and throws `FeesAboveCapError` (a `fees` chain error: callers back off and retry);
 * - the request each send signed is kept (the account's `signTransaction` notes it by hash), so a transaction
 *   stuck for RELAYER_STUCK_SECONDS is signed again with the same nonce and payload at bumped fees;
 * - the public client's `waitForTransactionReceipt` answers for a replaced hash with the mined replacement's receipt.
 */
export function carefulRelayer(options: CarefulRelayerOptions): { readonly relayer: Relayer; readonly public: PublicClient } {
  const policy = options.settings.fees;
  const signed = new Map<Hash, TransactionSerializable>();
  const key = options.account;
  const noting: LocalAccount = {
    ...key,
    signTransaction: async (transaction, signOptions) => {
      const serialized = await key.signTransaction(transaction, signOptions);
      signed.set(keccak256(serialized), transaction);
      if (signed.size > UNMATCHED_LIMIT) signed.delete(signed.keys().next().value as Hash);
      return serialized;
    },
  };
  const wallet = createWalletClient({ chain: options.chain, transport: options.transport, account: noting }) as Relayer;
  const watch = createRelayerWatch({
    public: options.public,
    account: key,
    policy,
    stuckAfterMs: options.settings.stuckAfterMs,
    pollMs: Math.max(50, Math.min(options.public.pollingInterval, Math.floor(options.settings.stuckAfterMs / 4))),
    sendRaw: (serializedTransaction) => relayer.sendRawTransaction({ serializedTransaction }),
    ...(options.observer ? { observer: options.observer } : {}),
  });
  const careful =
    <P extends object>(send: (parameters: P) => Promise<Hash>) =>
    async (parameters: P): Promise<Hash> => {
      // Read inside the send queue's turn, just before signing: the fees are those of the moment of sending.
      const fees = feesFor(await readFeeMarket(options.public), policy);
      const hash = await send({ ...parameters, ...feeParameters(fees) });
      const request = signed.get(hash);
      signed.delete(hash);
      if (request) watch.track(hash, request);
      return hash;
    };
  const relayer = options.serialize({
    ...wallet,
    sendTransaction: careful(wallet.sendTransaction as (p: object) => Promise<Hash>),
    writeContract: careful(wallet.writeContract as (p: object) => Promise<Hash>),
    deployContract: careful(wallet.deployContract as (p: object) => Promise<Hash>),
  } as Relayer);
  const reads = options.public;
  return {
    relayer,
    public: { ...reads, waitForTransactionReceipt: watch.waitFor(reads.waitForTransactionReceipt) } as PublicClient,
  };
}
