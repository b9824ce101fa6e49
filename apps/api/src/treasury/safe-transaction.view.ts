import { ApiProperty } from '@nestjs/swagger';
import type { DeployedTreasury, QueuedSafeTransaction } from '@ayllu/domain';

const STATUS: Record<QueuedSafeTransaction['status'], string> = {
  AwaitingSignatures: 'awaiting-signatures',
  Executed: 'executed',
  Failed: 'failed',
  Replaced: 'replaced',
  Abandoned: 'abandoned',
};
export const SAFE_TX_STATUSES = Object.values(STATUS);

const VERB: Record<QueuedSafeTransaction['purpose'], string> = {
  schedule: 'Schedule in the timelock',
  cancel: 'Cancel in the timelock',
  reject: 'Reject (use the nonce, do nothing)',
  enable_module: "Enable the DAO's timelock module on the Safe",
  rosca_organiser: "Act as a rotating pool's organiser",
  share_pool_creator: "Act as a share pool's creator",
};
export const SAFE_TX_PURPOSES = Object.keys(VERB);

export class SafeTransactionView {
  @ApiProperty() safeTxHash!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The proposal it carries out; null for the DAO's own transactions (purposes `enable_module`, `rosca_organiser`)",
  })
  proposalId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Purpose `rosca_organiser`: the rotating pool the Safe acts on as its organiser; `share_pool_creator`: the share pool',
  })
  poolId!: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['start', 'pause', 'resume', 'assign', 'distribute', 'stream'],
    description:
      'Purpose `rosca_organiser` (start, pause, resume) or `share_pool_creator` (assign, distribute, stream): what the Safe does to the pool',
  })
  organiserAction!: string | null;
  @ApiProperty({
    enum: SAFE_TX_PURPOSES,
    description:
      "`schedule` / `cancel` a proposal's timelock batch; `reject` voids the nonce of a vetoed proposal's schedule transaction; " +
      "`enable_module` is the setup of a DAO whose Safe was attached: the Safe enables the DAO's timelock module relay; " +
      "`rosca_organiser` is the Safe starting, pausing or resuming one of the DAO's rotating pools, asked by a DAO admin; " +
      "`share_pool_creator` is the Safe assigning shares of, or distributing to, one of the DAO's share pools, asked by a DAO admin",
  })
  purpose!: string;
  @ApiProperty({ enum: SAFE_TX_STATUSES }) status!: string;
  @ApiProperty({ description: 'Safe nonce (decimal string)' }) nonce!: string;
  @ApiProperty({ description: 'What it does, in words: one line per call of the timelock batch', type: [String] }) description!: string[];
  @ApiProperty() operationId!: string;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [String] }) signedBy!: string[];
  @ApiProperty({ type: [String], description: 'Owners who have not signed yet' }) awaiting!: string[];
  @ApiProperty() signaturesMissing!: number;
  @ApiProperty({ nullable: true, type: String }) executionTxHash!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Why it was abandoned (status `abandoned`): it can never run as signed (when the Safe reverts GS013, also why the called ' +
      "contract refuses, e.g. a rotating pool's `RotatingPoolAlreadyBegun`); for an executed `rosca_organiser` or `share_pool_creator` transaction, " +
      "why the pool's log refused its command (the pool moved on while it waited for signatures): the chain call ran, nothing was recorded on the pool",
  })
  failureReason!: string | null;
}

export class SafeTransactionPage {
  @ApiProperty({ type: [SafeTransactionView], description: 'In Safe nonce order, then safeTxHash' }) items!: SafeTransactionView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

export class SafeTransactionDetailView extends SafeTransactionView {
  @ApiProperty({
    description: "`eth_signTypedData_v4` input, to sign unchanged: `{ domain, types (with EIP712Domain), primaryType: 'SafeTx', message }`",
  })
  typedData!: Record<string, unknown>;
  @ApiProperty({
    nullable: true,
    type: 'array',
    items: { type: 'object' },
    description:
      'The owners that are contracts, each with the SafeMessage typed data its own owners sign; null when the chain does not answer',
  })
  contractOwners!: Record<string, unknown>[] | null;
}

export const toSafeTransactionView = (treasury: DeployedTreasury, tx: QueuedSafeTransaction): SafeTransactionView => {
  const signedBy = [...tx.signatures.keys()];
  const signed = new Set(signedBy.map((s) => s.toLowerCase()));
  const { threshold, owners } = treasury.contracts;
  const pool = tx.organiserAction ?? tx.sharePoolAction ?? null;
  const kind = tx.organiserAction ? 'rotating pool' : 'share pool';
  const subject = pool ? `${kind} ${pool.poolId}` : tx.proposalId === null ? 'DAO setup' : `proposal ${tx.proposalId}`;
  return {
    safeTxHash: tx.safeTxHash,
    proposalId: tx.proposalId,
    poolId: pool?.poolId ?? null,
    organiserAction: pool?.action ?? null,
    purpose: tx.purpose,
    status: STATUS[tx.status],
    nonce: tx.nonce.toString(),
    description: [`${VERB[tx.purpose]} (${subject}):`, ...tx.calls.map((call) => `- ${call.description}`)],
    operationId: tx.operationId,
    threshold,
    signedBy,
    awaiting: tx.status === 'AwaitingSignatures' ? owners.filter((o) => !signed.has(o.toLowerCase())) : [],
    signaturesMissing: tx.status === 'AwaitingSignatures' ? Math.max(0, threshold - signedBy.length) : 0,
    executionTxHash: tx.txHash,
    failureReason: tx.reason,
  };
};
