import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { holderStatement, sharesOf, type Address, type StatementLine } from '@ayllu/domain';
import type { ExistingHistory } from './share-pool-reader';
import { HolderPayoutView } from './share-pool.view';

export class StatementLineView {
  @ApiProperty() round!: number;
  @ApiProperty() index!: number;
  @ApiProperty({ enum: ['instant', 'stream'] }) kind!: string;
  @ApiProperty({ description: 'The holding it paid (a stream: the holding when last credited)' }) shares!: number;
  @ApiProperty({ example: '300000000000000000000', description: 'Wei received, exact; a stream to `until`' }) amount!: string;
  @ApiProperty({ example: '300', description: "The amount in whole tokens (the distribution token's decimals), exact" })
  amountDecimal!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String }) until!: string | null;
  @ApiProperty() txHash!: string;
}

export class HolderStatementView {
  @ApiProperty() poolId!: string;
  @ApiProperty({ description: 'Checksummed' }) holder!: string;
  @ApiProperty({ description: 'Shares held at `asOf`' }) shares!: number;
  @ApiProperty() distributionToken!: string;
  @ApiProperty({ example: 18 }) decimals!: number;
  @ApiProperty({ type: [StatementLineView] }) lines!: StatementLineView[];
  @ApiProperty({
    example: [{ round: 0, index: 2, log: 0, chain: 100, txHash: '0x…' }],
    description:
      "Distributions in which the GDA pool's units of this holder differed from the log's holding (the lines pay by " +
      "the chain's units): typically a movement done on chain and confirmed in the log afterwards",
  })
  disagreements!: { round: number; index: number; log: number; chain: number; txHash: string }[];
  @ApiProperty({ description: 'Σ amounts, wei' }) total!: string;
  @ApiProperty() totalDecimal!: string;
  @ApiProperty() asOf!: string;
  @ApiPropertyOptional({
    type: HolderPayoutView,
    nullable: true,
    description: 'Connected or not and what is claimable now, from the worker; null for `asOf` and until the worker has read the holder',
  })
  payout?: HolderPayoutView | null;
}

/** Wei as an exact decimal of whole tokens: no floating point, trailing zeros trimmed. */
export const toDecimal = (wei: bigint, decimals: number): string => {
  const negative = wei < 0n;
  const abs = negative ? -wei : wei;
  const unit = 10n ** BigInt(decimals);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
};

export const statementOf = (history: ExistingHistory, holder: Address, at: string, decimals: number): HolderStatementView => {
  const lines: readonly StatementLine[] = holderStatement(history, holder, at);
  const total = lines.reduce((sum, l) => sum + l.amount, 0n);
  return {
    poolId: history.state.poolId,
    holder,
    shares: sharesOf(history.state, holder),
    distributionToken: history.state.configuration.distributionToken,
    decimals,
    lines: lines.map((l) => ({
      round: l.round,
      index: l.index,
      kind: l.kind,
      shares: l.shares,
      amount: l.amount.toString(),
      amountDecimal: toDecimal(l.amount, decimals),
      at: l.at,
      until: l.until,
      txHash: l.txHash,
    })),
    disagreements: history.distributions.flatMap((d) =>
      (d.holdingsDisagreement ?? [])
        .filter((x) => x.holder.toLowerCase() === holder.toLowerCase())
        .map((x) => ({ round: d.round, index: d.index, log: x.log, chain: x.chain, txHash: d.txHash })),
    ),
    total: total.toString(),
    totalDecimal: toDecimal(total, decimals),
    asOf: at,
  };
};

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, its quotes doubled; a leading =+-@ is defused. */
const field = (value: string | number | null): string => {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const HEADER = ['pool', 'holder', 'round', 'index', 'kind', 'shares', 'amount_wei', 'amount', 'token', 'at', 'until', 'tx_hash'];

/** The statement as CSV (CRLF lines, a header row): one row per line, amounts in wei and in whole tokens. */
export const statementCsv = (s: HolderStatementView): string =>
  [
    HEADER,
    ...s.lines.map((l) => [
      s.poolId,
      s.holder,
      l.round,
      l.index,
      l.kind,
      l.shares,
      l.amount,
      l.amountDecimal,
      s.distributionToken,
      l.at,
      l.until,
      l.txHash,
    ]),
  ]
    .map((row) => row.map(field).join(','))
    .join('\r\n') + '\r\n';
