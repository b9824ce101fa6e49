import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import type { Hash } from '../shared/hex';
import { initialProposalState } from '../proposal/proposal-state';
import type { Holding } from '../shares/distribution-ledger';
import type { SharePoolCommand } from '../shares/share-pool-commands';
import { sharePoolDecider } from '../shares/share-pool-decider';
import type { SharePoolEvent } from '../shares/share-pool-events';
import type { ExistingSharePool, SharePoolState } from '../shares/share-pool-state';
import { NO_OPERATION } from './propose-module-enable';
import { recordSafeTransactionExecuted } from './record-safe-execution';
import { nextSafeNonce } from './safe-nonce';
import type { ProposeSharePoolCreatorAction, RecordSafeTransactionExecuted } from './treasury-commands';
import type { SafeTransactionProposed, SharePoolCreatorAction, TreasuryEvent } from './treasury-events';
import { requireDeployed, requireSafeTransaction, sameAddress } from './treasury-guards';
import { sharePoolCreatorTransactionsOf, type DeployedTreasury, type TreasuryState } from './treasury-state';

/** The treasury and the share pool a creator action works on, appended together. */
export interface SharePoolCreatorStates {
  readonly treasury: TreasuryState;
  readonly sharePool: SharePoolState;
}
export interface SharePoolCreatorEvents {
  readonly treasury: readonly TreasuryEvent[];
  readonly sharePool: readonly SharePoolEvent[];
}

/** A placeholder transaction hash for asking the pool's log before the Safe transaction exists. */
const PREVIEW_TX: Hash = `0x${'0'.repeat(63)}1`;

/**
 * The GDA pool's member units at the block a distribution executed in, as the worker read them: every holder with
 * units (the pool's own contract left out; its units are the rest of the 10,000, checked by the reader).
 */
export interface DistributionUnits {
  readonly blockNumber: bigint;
  readonly holdings: readonly Holding[];
}

/** True for an action that pays the holders through the GDA (an instant distribution, or a stream started or changed). */
export const isSharePoolDistribution = (action: SharePoolCreatorAction): boolean =>
  action.action === 'distribute' || (action.action === 'stream' && action.flowRate !== 0n);

/**
 * The pool's command the action is once executed in `txHash`, given by the Safe (`actor`) at `now`; a distribution
 * carries the chain's `units` at that block when read (none while the transaction is only being proposed).
 */
export const sharePoolCreatorCommand = (
  action: SharePoolCreatorAction,
  actor: string,
  now: string,
  txHash: Hash,
  units?: DistributionUnits,
): SharePoolCommand => {
  const metadata = { actor, now };
  const chain = units ? { chainHoldings: units.holdings, chainBlock: units.blockNumber } : {};
  switch (action.action) {
    case 'assign':
      return { type: 'AssignShares', data: { to: action.to, shares: action.shares, txHash }, metadata };
    case 'distribute':
      return { type: 'RecordDistribution', data: { distribution: { kind: 'instant', amount: action.amount }, txHash, ...chain }, metadata };
    case 'stream':
      return action.flowRate === 0n
        ? { type: 'StopDistributionStream', data: { txHash }, metadata }
        : {
            type: 'RecordDistribution',
            data: { distribution: { kind: 'stream', flowRate: action.flowRate }, txHash, ...chain },
            metadata,
          };
    case 'pause':
      return { type: 'PauseSharePool', data: { txHash }, metadata };
    case 'resume':
      return { type: 'ResumeSharePool', data: { txHash }, metadata };
    case 'operator':
      return { type: 'ChangeSharePoolOperator', data: { operator: action.operator, txHash }, metadata };
  }
};

/** A share pool of this DAO created by this DAO's Safe, with its contract deployed; anything else is refused. */
export const requireCreatedPool = (treasury: DeployedTreasury, pool: SharePoolState, poolId: string): ExistingSharePool => {
  if (pool.status === 'ABSENT' || pool.poolId !== poolId || pool.configuration.daoId !== treasury.daoId)
    throw new DomainError('SHARE_POOL.NOT_FOUND', `No share pool ${poolId} in DAO ${treasury.daoId}`, 'not-found');
  if (!sameAddress(pool.configuration.creator, treasury.contracts.safe))
    throw new DomainError(
      'SHARE_POOL.CREATOR_NOT_SAFE',
      `The pool's creator ${pool.configuration.creator} is not the DAO's Safe ${treasury.contracts.safe}`,
      'conflict',
    );
  if (pool.contract === null || pool.gdaPool === null)
    throw new DomainError('SHARE_POOL.NOT_DEPLOYED', "The pool's contract is not deployed yet; try again shortly", 'conflict');
  return pool;
};

/** What the pool's log decides if the Safe gave the action now (its events), or the DomainError refusing it. */
export const decideSharePoolCreatorAction = (
  pool: ExistingSharePool,
  action: SharePoolCreatorAction,
  now: string,
  txHash: Hash = PREVIEW_TX,
  units?: DistributionUnits,
): readonly SharePoolEvent[] =>
  sharePoolDecider.decide(sharePoolCreatorCommand(action, pool.configuration.creator, now, txHash, units), pool);

/** The action in words, as treasurers see it in the Safe queue. */
export const describeSharePoolCreatorAction = (pool: ExistingSharePool, action: SharePoolCreatorAction): string => {
  const { poolId, configuration } = pool;
  switch (action.action) {
    case 'assign':
      return `Assign ${action.shares} shares of share pool ${poolId} to ${action.to} (assign on ${pool.contract})`;
    case 'distribute':
      return `Distribute ${action.amount} wei of ${configuration.distributionToken} to the holders of share pool ${poolId} (GDA distribute into ${pool.gdaPool})`;
    case 'stream':
      return action.flowRate === 0n
        ? `Stop the distribution stream of share pool ${poolId} (GDA distributeFlow 0 into ${pool.gdaPool})`
        : `Stream ${action.flowRate} wei/s of ${configuration.distributionToken} to the holders of share pool ${poolId} (GDA distributeFlow into ${pool.gdaPool})`;
    case 'pause':
      return `Pause share pool ${poolId}: no purchases, grants, contributions, stakes or transfers until resumed; unstaking and claims go on (setPaused(true) on ${pool.contract})`;
    case 'resume':
      return `Resume share pool ${poolId}: its ways in and transfers open again (setPaused(false) on ${pool.contract})`;
    case 'operator':
      return `Replace share pool ${poolId}'s operator ${pool.operator ?? '(the deploying relayer)'} with ${action.operator} (setOperator on ${pool.contract})`;
  }
};

/** The address the Safe's call goes to: the GDAv1Forwarder (distributions) or the pool's contract (everything else). */
const calleeOf = (treasury: DeployedTreasury, pool: ExistingSharePool, action: SharePoolCreatorAction): Address =>
  action.action === 'distribute' || action.action === 'stream' ? treasury.contracts.gdaForwarder : pool.contract!;

/**
 * Puts the Safe's creator call in the treasurers' queue at the queue's next nonce, refused now with the pool's own
 * reason when its log would refuse the Safe's command, or while another creator action of the pool waits for
 * signatures (one at a time, as rotating pools' organiser actions). The same transaction again is a no-op.
 */
export const proposeSharePoolCreatorAction = (
  command: ProposeSharePoolCreatorAction,
  states: SharePoolCreatorStates,
): SafeTransactionProposed[] => {
  const treasury = requireDeployed(states.treasury);
  const { safeTxHash, nonce, onChainNonce, transaction, calls, action } = command.data;
  const pool = requireCreatedPool(treasury, states.sharePool, action.poolId);
  const waiting = sharePoolCreatorTransactionsOf(treasury, action.poolId).find((tx) => tx.status === 'AwaitingSignatures');
  if (waiting?.safeTxHash === safeTxHash) return [];
  if (waiting)
    throw new DomainError(
      'SHARE_POOL.CREATOR_ACTION_PENDING',
      `The Safe transaction ${waiting.safeTxHash} (${waiting.sharePoolAction?.action}) of this pool still waits for signatures`,
      'conflict',
    );
  decideSharePoolCreatorAction(pool, action, command.metadata.now);
  const expected = nextSafeNonce(treasury, onChainNonce);
  if (nonce !== expected) throw new DomainError('SAFE_TX.NONCE_NOT_NEXT', `The next Safe nonce is ${expected}, not ${nonce}`, 'conflict');
  if (!sameAddress(transaction.to, calleeOf(treasury, pool, action)) || transaction.operation !== 0 || transaction.value !== 0n)
    throw new DomainError(
      'SAFE_TX.NOT_A_CREATOR_CALL',
      "A creator action is a plain call of the pool's contract or the GDA forwarder",
      'invalid',
    );
  return [
    {
      type: 'SafeTransactionProposed',
      data: {
        daoId: treasury.daoId,
        proposalId: null,
        purpose: 'share_pool_creator',
        sharePoolAction: action,
        safeTxHash,
        nonce,
        transaction,
        operationId: NO_OPERATION,
        salt: NO_OPERATION,
        calls,
        proposedAt: command.metadata.now,
      },
    },
  ];
};

/**
 * Records a `share_pool_creator` Safe transaction's execution (the relayer's receipt or the indexer, whichever comes
 * first) and, in the same append, the pool's command with the Safe as actor and the execution's transaction hash.
 * A distribution that executed is recorded from the GDA pool's `units` at the execution's block, which the caller
 * reads first: without them it is not recorded at all (a conflict: the caller reads them and tries again), since
 * what the chain paid is what the holders' ledgers must say. A failed execution records nothing on the pool; one
 * the pool's log refuses now is recorded on the treasury as SharePoolCreatorActionRefused with the reason, so it
 * neither retries nor blocks.
 */
export const recordSharePoolCreatorExecution = (
  command: RecordSafeTransactionExecuted,
  states: SharePoolCreatorStates,
  units?: DistributionUnits,
): SharePoolCreatorEvents => {
  const treasury = requireDeployed(states.treasury);
  const recorded = recordSafeTransactionExecuted(command, { treasury, proposal: initialProposalState() }).treasury;
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  const action = tx.sharePoolAction;
  if (recorded.length === 0 || !command.data.success || tx.purpose !== 'share_pool_creator' || !action)
    return { treasury: recorded, sharePool: [] };
  const refused = (error: unknown): SharePoolCreatorEvents => {
    if (!(error instanceof DomainError)) throw error;
    const refusal: TreasuryEvent = {
      type: 'SharePoolCreatorActionRefused',
      data: {
        safeTxHash: tx.safeTxHash,
        poolId: action.poolId,
        action: action.action,
        code: error.code,
        reason: error.message,
        refusedAt: command.metadata.now,
      },
    };
    return { treasury: [...recorded, refusal], sharePool: [] };
  };
  let pool: ExistingSharePool;
  try {
    pool = requireCreatedPool(treasury, states.sharePool, action.poolId);
  } catch (error) {
    return refused(error);
  }
  if (isSharePoolDistribution(action) && units === undefined)
    throw new DomainError(
      'SHARE_POOL.UNITS_NOT_READ',
      `The Safe transaction ${tx.safeTxHash} distributed to share pool ${action.poolId}: its GDA units at that block must be read first`,
      'conflict',
    );
  try {
    return {
      treasury: recorded,
      sharePool: decideSharePoolCreatorAction(pool, action, command.metadata.now, command.data.txHash, units),
    };
  } catch (error) {
    return refused(error);
  }
};

/** The share pool a creator transaction acts on, or null for any other transaction. */
export const sharePoolCreatorPoolOf = (state: TreasuryState, safeTxHash: Hash): string | null => {
  if (state.status !== 'Deployed') return null;
  const tx = state.transactions.get(safeTxHash);
  return tx?.purpose === 'share_pool_creator' ? (tx.sharePoolAction?.poolId ?? null) : null;
};
