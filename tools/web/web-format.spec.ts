// The web app's amount helpers with a token that does not have 18 decimals (USDC-like, 6): shown and read in the
// token's own units, never as if it had 18.
import { amountOf, parseAmount, perMonth, tokens, unitName } from '../../apps/web/src/ui/format';
import { describeProposal } from '../../apps/web/src/ui/describe-proposal';

const usdc = { decimals: 6, symbol: 'USDC' };

describe("The web app's token amounts", () => {
  it('shows an amount in the smallest unit of a 6-decimal token as whole tokens, with its symbol', () => {
    expect(tokens('12500000', 2, 6)).toBe('12.50');
    expect(amountOf(12_500_000n, usdc)).toBe('12.50 USDC');
    expect(amountOf('1234567890', usdc, 4)).toBe('1,234.5679 USDC');
    expect(unitName(usdc)).toBe('USDC');
  });

  it('reads what a person types into the 6-decimal smallest unit', () => {
    expect(parseAmount('100', 6)).toBe(100_000_000n);
    expect(parseAmount('12.5', 6)).toBe(12_500_000n);
    expect(parseAmount(' 0.000001 ', 6)).toBe(1n);
  });

  it('refuses more fraction digits than the token has, zero, and what is not a number', () => {
    expect(parseAmount('0.0000001', 6)).toBeNull();
    expect(parseAmount('0', 6)).toBeNull();
    expect(parseAmount('1e6', 6)).toBeNull();
    expect(parseAmount('-3', 6)).toBeNull();
    expect(parseAmount('', 6)).toBeNull();
  });

  it('round-trips through parse and format at both 6 and 18 decimals', () => {
    for (const decimals of [6, 18]) expect(tokens(parseAmount('250.75', decimals)!, 2, decimals)).toBe('250.75');
    expect(parseAmount('250.75')).toBe(250_750_000_000_000_000_000n);
  });

  it('says "…" rather than a number while the token is not known, and "tokens" while its symbol is not', () => {
    expect(amountOf(12_500_000n, undefined)).toBe('…');
    expect(amountOf(12_500_000n, { decimals: 6 })).toBe('12.50 tokens');
    expect(unitName(undefined)).toBe('tokens');
  });

  it('turns a flow rate per second into an amount a month in the token’s units', () => {
    // 1,000 smallest units a second for 30 days: 2,592,000,000 units, 2,592 whole tokens of 6 decimals, not 2.6e-9.
    expect(perMonth(1000n, 6)).toBe('2,592.00');
    expect(perMonth(1000n * 10n ** 12n, 18)).toBe('2,592.00');
  });

  it('describes proposals in the DAO’s tokens: the vault asset for withdrawals, the payout Super Token for yield', () => {
    const units = { asset: usdc, payout: { decimals: 18, symbol: 'USDCx' } };
    expect(
      describeProposal('WITHDRAW_FUNDS', { recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '5000000' }, units),
    ).toContain('withdraw 5.0000 USDC from the vault');
    expect(describeProposal('DISTRIBUTE_YIELDS', { mode: 'instant', amount: '2000000000000000000' }, units)).toContain('Pay 2.0000 USDCx');
    expect(describeProposal('DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: '385802469135' }, units)).toContain(
      '1.00 USDCx a month',
    );
  });
});
