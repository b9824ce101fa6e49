import { classifyChainError, FeesAboveCapError } from '@ayllu/chain';
import { bumped, feesFor, NO_FEE_CAP, replacementFees, type FeeMarket, type RelayerFeePolicy } from './relayer-fees';

const gwei = (n: number): bigint => BigInt(Math.round(n * 1e9));
const market = (base: number, tip: number): FeeMarket => ({
  type: 'eip1559',
  baseFeePerGas: gwei(base),
  suggestedPriorityFeePerGas: gwei(tip),
});
const capped = (fee: number | null, tip: number | null = null): RelayerFeePolicy => ({
  maxFeePerGas: fee === null ? null : gwei(fee),
  maxPriorityFeePerGas: tip === null ? null : gwei(tip),
});

describe('The relayer’s fees', () => {
  describe('for a new send', () => {
    it('leave room for the base fee to double, plus the suggested tip, without a cap', () =>
      expect(feesFor(market(10, 2), NO_FEE_CAP)).toEqual({ type: 'eip1559', maxFeePerGas: gwei(22), maxPriorityFeePerGas: gwei(2) }));

    it('never offer more than the caps', () =>
      expect(feesFor(market(10, 3), capped(15, 1))).toEqual({ type: 'eip1559', maxFeePerGas: gwei(15), maxPriorityFeePerGas: gwei(1) }));

    it('keep the tip within maxFeePerGas', () =>
      expect(feesFor(market(10, 20), capped(12))).toEqual({ type: 'eip1559', maxFeePerGas: gwei(12), maxPriorityFeePerGas: gwei(12) }));

    it('send at a base fee equal to the cap', () => expect(feesFor(market(15, 1), capped(15))).toMatchObject({ maxFeePerGas: gwei(15) }));

    it('refuse to send when the base fee is above the cap, with a retryable fee error', () => {
      const attempt = () => feesFor(market(16, 1), capped(15));
      expect(attempt).toThrow(FeesAboveCapError);
      expect(attempt).toThrow("fees above cap: the network's base fee 16 gwei is above the relayer's cap of 15 gwei");
      try {
        attempt();
      } catch (error) {
        expect(classifyChainError(error).kind).toBe('fees');
      }
    });

    it('use the gas price on a legacy chain, capped likewise', () => {
      expect(feesFor({ type: 'legacy', gasPrice: gwei(5) }, capped(5))).toEqual({ type: 'legacy', gasPrice: gwei(5) });
      expect(() => feesFor({ type: 'legacy', gasPrice: gwei(6) }, capped(5))).toThrow(
        /gas price 6 gwei is above the relayer's cap of 5 gwei/,
      );
    });
  });

  describe('for a replacement', () => {
    const sent = { type: 'eip1559', maxFeePerGas: gwei(22), maxPriorityFeePerGas: gwei(2) } as const;

    it('bump by 12.5%, rounded up, and by at least 1 wei', () => {
      expect(bumped(800n)).toBe(900n);
      expect(bumped(801n)).toBe(902n);
      expect(bumped(0n)).toBe(1n);
    });

    it('bump both fields of a stuck transaction when the market has not moved', () =>
      expect(replacementFees(sent, market(10, 2), NO_FEE_CAP)).toEqual({
        type: 'eip1559',
        maxFeePerGas: gwei(24.75),
        maxPriorityFeePerGas: gwei(2.25),
      }));

    it('follow the market when it asks for more than the bump', () =>
      expect(replacementFees(sent, market(40, 3), NO_FEE_CAP)).toEqual({
        type: 'eip1559',
        maxFeePerGas: gwei(83),
        maxPriorityFeePerGas: gwei(3),
      }));

    it('stop at the cap when the bump still fits under it', () =>
      expect(replacementFees(sent, market(40, 3), capped(30))).toEqual({
        type: 'eip1559',
        maxFeePerGas: gwei(30),
        maxPriorityFeePerGas: gwei(3),
      }));

    it('give up when the bump itself would cross a cap (a smaller one is refused as underpriced)', () => {
      expect(replacementFees(sent, market(10, 2), capped(24))).toBeNull();
      expect(replacementFees(sent, market(10, 2), capped(null, 2.2))).toBeNull();
    });

    it('bump a legacy gas price the same way', () => {
      expect(replacementFees({ type: 'legacy', gasPrice: gwei(8) }, { type: 'legacy', gasPrice: gwei(8) }, NO_FEE_CAP)).toEqual({
        type: 'legacy',
        gasPrice: gwei(9),
      });
      expect(replacementFees({ type: 'legacy', gasPrice: gwei(8) }, { type: 'legacy', gasPrice: gwei(8) }, capped(8.5))).toBeNull();
    });
  });
});
