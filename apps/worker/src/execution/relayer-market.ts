import type { PublicClient } from 'viem';
import type { FeeMarket, RelayerFees } from './relayer-fees';

/**
 * What fees are now, as the node sees them. A chain whose blocks carry no base fee is a legacy chain (gasPrice);
 * otherwise the next block's base fee comes from `eth_feeHistory` (the latest block's own base fee may be
 * 12.5% behind it) and the tip from `eth_maxPriorityFeePerGas`.
 */
export async function readFeeMarket(client: PublicClient): Promise<FeeMarket> {
  const block = await client.getBlock({ blockTag: 'latest' });
  if (block.baseFeePerGas === null || block.baseFeePerGas === undefined) {
    return { type: 'legacy', gasPrice: await client.getGasPrice() };
  }
  const [history, tip] = await Promise.all([
    client.getFeeHistory({ blockCount: 1, rewardPercentiles: [] }),
    client.estimateMaxPriorityFeePerGas().catch(() => 0n),
  ]);
  const next = history.baseFeePerGas.at(-1) ?? block.baseFeePerGas;
  return { type: 'eip1559', baseFeePerGas: next, suggestedPriorityFeePerGas: tip };
}

/** The fee fields viem's sending actions take. */
export const feeParameters = (fees: RelayerFees) =>
  fees.type === 'legacy'
    ? { type: 'legacy' as const, gasPrice: fees.gasPrice }
    : { type: 'eip1559' as const, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
