import { protocolKit } from './protocol-kit';
import type { SafeTransaction } from './safe-transaction';
import { sdkTransactionData, type SafeTransactionContext } from './safe-typed-data';

/** The JSON document a wallet signs with `eth_signTypedData_v4`, exactly as served. */
export interface ServedTypedData {
  readonly types: Record<string, readonly { readonly name: string; readonly type: string }[]>;
  readonly domain: { readonly chainId: number; readonly verifyingContract: string };
  readonly primaryType: 'SafeTx';
  readonly message: Record<string, string | number>;
}

/**
 * A Safe transaction's EIP-712 document for wallets, built by the Safe SDK (protocol-kit) for Safe 1.4.1: its
 * `types` carry `EIP712Domain` (`chainId`, `verifyingContract`), without which MetaMask and other
 * `eth_signTypedData_v4` implementations hash another domain and the signature recovers to someone else.
 * Numbers are decimal strings (uint256 may exceed JSON's safe integers); the chain id is a JSON number, as
 * wallets compare it with the connected chain.
 */
export function servedSafeTypedData(context: SafeTransactionContext, tx: SafeTransaction): ServedTypedData {
  const typed = protocolKit().generateTypedData({
    safeAddress: context.safe,
    safeVersion: '1.4.1',
    chainId: BigInt(context.chainId),
    data: sdkTransactionData(tx),
  });
  const message = typed.message as Record<string, string | number | bigint>;
  return {
    types: typed.types as unknown as ServedTypedData['types'],
    domain: { chainId: context.chainId, verifyingContract: context.safe },
    primaryType: 'SafeTx',
    message: Object.fromEntries(Object.entries(message).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])),
  };
}
