import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DaoConfiguration, TreasuryState } from '@ayllu/domain';

/**
 * Where the DAO's contracts stand: `pending` until deployed; `failed` when the chain refused them, with its reason;
 * `none` while the DAO names no treasurers (nothing is deployed until a proposal sets them).
 */
export class DaoDeploymentView {
  @ApiProperty({ enum: ['pending', 'deployed', 'failed', 'none'] }) status!: 'pending' | 'deployed' | 'failed' | 'none';
  @ApiPropertyOptional({ description: "The DAO's Safe, once deployed" }) safe?: string;
  @ApiPropertyOptional({ description: 'Once deployed: whether the Safe existed before the DAO (attached at creation)' })
  attached?: boolean;
  @ApiPropertyOptional({
    description:
      "Once deployed: whether the Safe has the DAO's timelock module enabled. An attached Safe enables it with a Safe " +
      'transaction its treasurers sign (purpose `enable_module`); until then passed proposals wait.',
  })
  moduleEnabled?: boolean;
  @ApiPropertyOptional({
    example: 'CommunityVaultParameterOutOfBounds("emergencyExitWait")',
    description: 'Why the chain refused it (`failed`), or why nothing is deployed (`none`)',
  })
  reason?: string;
}

/** What the API shows of a DAO: its configuration flattened, amounts as decimal strings. */
export class DaoView {
  @ApiProperty({ example: 'dao_01JD6W3H7Y2R9Q4K5M8N0P1S2T' }) id!: string;
  @ApiProperty({ example: 'Lima Savers Circle' }) name!: string;
  @ApiProperty({ example: 'Neighbourhood savings pool' }) description!: string;
  @ApiProperty({ enum: ['open', 'closed', 'hybrid'] }) access!: string;
  @ApiProperty({ enum: ['democratic', 'weighted'] }) votingType!: string;
  @ApiProperty({ example: 5100 }) quorumBps!: number;
  @ApiProperty({ example: 259200 }) votingPeriodSeconds!: number;
  @ApiProperty() earlyClose!: boolean;
  @ApiProperty() allowVoteChange!: boolean;
  @ApiProperty({ example: '50000000000000000000', description: 'Smallest token unit, decimal string' }) minimumDeposit!: string;
  @ApiProperty({ example: 1000 }) maxMembers!: number;
  @ApiProperty({ example: 10 }) maxActiveProposals!: number;
  @ApiProperty({ example: 1000 }) smallWithdrawalLimitBps!: number;
  @ApiProperty({ example: 604800 }) emergencyExitWaitSeconds!: number;
  @ApiProperty({ example: 1000 }) platformFeeBps!: number;
  @ApiProperty({ enum: ['compound', 'distribute', 'treasury'] }) yieldMode!: string;
  @ApiProperty({ example: 172800 }) timelockDelaySeconds!: number;
  @ApiProperty({ example: 604800 }) executionWindowSeconds!: number;
  @ApiProperty({ example: { ADD_MEMBER: 5000, REMOVE_MEMBER: 6000 } }) approvalThresholdBps!: Record<string, number>;
  @ApiProperty({ type: [String] }) treasurers!: string[];
  @ApiProperty({ example: 2 }) treasurerThreshold!: number;
  @ApiPropertyOptional() feeCollector?: string;
  @ApiProperty({ example: 3 }) memberCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ example: 'admin:platform', description: 'The admin who created it' }) createdBy!: string;
  @ApiProperty({ type: DaoDeploymentView }) deployment!: DaoDeploymentView;
}

export interface DaoViewSource {
  readonly id: string;
  readonly configuration: DaoConfiguration | Record<string, unknown>;
  readonly memberCount: number;
  readonly createdAt: string | Date;
  readonly createdBy: string;
  readonly deployment?: DaoDeploymentView;
}

/** A row of `rm_daos`, as the DAO projection writes it. */
export interface DaoRow {
  readonly id: string;
  readonly configuration: Record<string, unknown>;
  readonly member_count: number;
  readonly created_at: Date;
  readonly created_by: string;
  readonly deployment: {
    status: 'deployed' | 'failed';
    safe: string | null;
    reason: string | null;
    attached: boolean;
    module_enabled: boolean;
  } | null;
}

export const DAO_COLUMNS = `id, configuration, member_count, created_at, created_by,
  (SELECT to_jsonb(d) FROM rm_dao_deployments d WHERE d.dao_id = rm_daos.id) AS deployment`;

/** The deployment as the treasury stream tells it (for reads folded from the log). */
export const deploymentOf = (treasury: TreasuryState): DaoDeploymentView =>
  treasury.status === 'Deployed'
    ? { status: 'deployed', safe: treasury.contracts.safe, attached: treasury.attached, moduleEnabled: treasury.moduleEnabled }
    : treasury.status === 'DeploymentFailed'
      ? { status: 'failed', reason: treasury.reason }
      : { status: 'pending' };

const deploymentOfRow = (row: DaoRow['deployment']): DaoDeploymentView =>
  !row
    ? { status: 'pending' }
    : row.status === 'deployed'
      ? { status: 'deployed', safe: row.safe ?? undefined, attached: row.attached, moduleEnabled: row.module_enabled }
      : { status: 'failed', reason: row.reason ?? undefined };

export const daoViewFromRow = (row: DaoRow): DaoView =>
  toDaoView({
    id: row.id,
    configuration: row.configuration,
    memberCount: row.member_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
    deployment: deploymentOfRow(row.deployment),
  });

export const NO_TREASURERS_REASON =
  'The DAO names no treasurers, so it has no Safe, timelock or vault: passed proposals with on-chain effects cannot ' +
  'execute until a proposal sets treasurers, after which the contracts are deployed.';

/** The deployment shown: a DAO without treasurers is not waiting for one (the worker deploys nothing for it). */
const shownDeployment = (deployment: DaoDeploymentView | undefined, configuration: DaoViewSource['configuration']): DaoDeploymentView => {
  const shown = deployment ?? { status: 'pending' };
  const { treasurers } = configuration as { treasurers?: readonly unknown[] };
  return shown.status === 'pending' && Array.isArray(treasurers) && treasurers.length === 0
    ? { status: 'none', reason: NO_TREASURERS_REASON }
    : shown;
};

export const toDaoView = (source: DaoViewSource): DaoView => {
  const configuration = JSON.parse(
    JSON.stringify(source.configuration, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Omit<DaoView, 'id' | 'memberCount' | 'createdAt' | 'createdBy'>;
  return {
    id: source.id,
    ...configuration,
    memberCount: source.memberCount,
    createdAt: new Date(source.createdAt).toISOString(),
    createdBy: source.createdBy,
    deployment: shownDeployment(source.deployment, source.configuration),
  };
};
