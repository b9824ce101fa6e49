import { BaseError } from 'viem';

export interface FeesAboveCapDetails {
  /** What the network asks: the next block's base fee (EIP-1559) or the gas price (a legacy chain), in wei. */
  readonly network: bigint;
  /** The relayer's cap (RELAYER_MAX_FEE_GWEI), in wei. */
  readonly cap: bigint;
  readonly market: 'eip1559' | 'legacy';
}

/**
 * The network asks more per gas than the relayer may pay, so nothing was sent (no nonce taken, nothing signed).
 * It is not a revert: the same call may go through once fees fall, so callers back off and retry.
 */
export class FeesAboveCapError extends BaseError {
  readonly network: bigint;
  readonly cap: bigint;
  readonly market: 'eip1559' | 'legacy';

  constructor(details: FeesAboveCapDetails) {
    const what = details.market === 'eip1559' ? 'base fee' : 'gas price';
    super(`fees above cap: the network's ${what} ${gwei(details.network)} gwei is above the relayer's cap of ${gwei(details.cap)} gwei`, {
      name: 'FeesAboveCapError',
      metaMessages: ['Nothing was sent. The call is retried once fees fall below RELAYER_MAX_FEE_GWEI.'],
    });
    this.network = details.network;
    this.cap = details.cap;
    this.market = details.market;
  }
}

const gwei = (wei: bigint): string => {
  const whole = wei / 10n ** 9n;
  const fraction = (wei % 10n ** 9n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
};
