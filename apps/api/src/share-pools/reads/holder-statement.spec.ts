import { statementCsv, toDecimal, type HolderStatementView } from './holder-statement';

describe('Holder statement figures', () => {
  it('writes wei as exact token decimals', () => {
    expect(toDecimal(150n * 10n ** 18n, 18)).toBe('150');
    expect(toDecimal(1n, 18)).toBe('0.000000000000000001');
    expect(toDecimal(1_234_500n, 6)).toBe('1.2345');
    expect(toDecimal(0n, 18)).toBe('0');
  });

  it('quotes CSV fields with commas, quotes and line breaks, and defuses formulas', () => {
    const statement = {
      poolId: 'share_1',
      holder: '0xAb',
      distributionToken: '0xT',
      lines: [
        {
          round: 0,
          index: 1,
          kind: 'instant',
          shares: 5,
          amount: '10',
          amountDecimal: '0.00000000000000001',
          at: 'a,b',
          until: 'say "hi"',
          txHash: '=SUM(A1)',
        },
      ],
    } as unknown as HolderStatementView;
    const [, row] = statementCsv(statement).split('\r\n');
    expect(row).toBe('share_1,0xAb,0,1,instant,5,10,0.00000000000000001,0xT,"a,b","say ""hi""",\'=SUM(A1)');
  });
});
