import { DomainError, type FieldError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { isAtOrAfter } from '../shared/time';
import type { CreateSharePool, DeleteSharePool, RecordSharePoolDeployment } from './share-pool-commands';
import type { SharePoolEvent } from './share-pool-events';
import { addressIn, byCreatorOrAdmin, existing, reasonIn } from './share-pool-guards';
import type { SharePoolState } from './share-pool-state';
import { validateSharePoolConfiguration } from './validate-share-pool-configuration';

/** A pool's creation: every field checked, and its expiration and crowdfunding deadline still ahead. */
export const createSharePool = (command: CreateSharePool, state: SharePoolState): SharePoolEvent[] => {
  if (state.status !== 'ABSENT')
    throw new DomainError('SHARE_POOL.ALREADY_EXISTS', `Pool ${command.data.poolId} already exists`, 'conflict');
  const { poolId, ...input } = command.data;
  if (typeof poolId !== 'string' || poolId.length === 0)
    throw new DomainError('SHARE_POOL.INVALID_CONFIGURATION', 'The share pool needs an id', 'invalid', [
      { field: 'poolId', message: 'is required' },
    ]);
  const configuration = validateSharePoolConfiguration(input);
  const { now } = command.metadata;
  const errors: FieldError[] = [];
  if (configuration.expiration !== null && isAtOrAfter(now, configuration.expiration))
    errors.push({ field: 'expiration', message: 'must be in the future' });
  if (configuration.crowdfunding && isAtOrAfter(now, configuration.crowdfunding.deadline))
    errors.push({ field: 'crowdfunding.deadline', message: 'must be in the future' });
  if (errors.length > 0)
    throw new DomainError('SHARE_POOL.INVALID_CONFIGURATION', 'The share pool configuration is invalid', 'invalid', errors);
  return [{ type: 'SharePoolCreated', data: { poolId, configuration, createdAt: now, createdBy: command.metadata.actor } }];
};

/** The contract and its GDA pool are on chain; the same address again is a no-op, another is refused. */
export const recordSharePoolDeployment = (command: RecordSharePoolDeployment, state: SharePoolState): SharePoolEvent[] => {
  const s = existing(state);
  const address = addressIn(command.data.address, 'address');
  const gdaPool = addressIn(command.data.gdaPool, 'gdaPool');
  if (s.contract !== null) {
    if (s.contract === address) return [];
    throw new DomainError('SHARE_POOL.ALREADY_DEPLOYED', `The pool's contract is ${s.contract}`, 'conflict');
  }
  const operator = command.data.operator === undefined ? undefined : addressIn(command.data.operator, 'operator');
  const { txHash, blockNumber } = command.data;
  if ((txHash !== null && !isHash(txHash)) || typeof blockNumber !== 'bigint' || blockNumber < 0n)
    throw new DomainError(
      'SHARE_POOL.INVALID_DEPLOYMENT',
      'The deployment needs a transaction hash (or null) and a block number',
      'invalid',
    );
  return [
    {
      type: 'SharePoolDeployed',
      data: { address, gdaPool, ...(operator ? { operator } : {}), txHash, blockNumber, deployedAt: command.metadata.now },
    },
  ];
};

/**
 * Soft deletion by the creator: the pool is left out of lists and takes no further command. Refused while anything
 * is under way that someone's money or shares depend on (a chain call, escrowed contributions, a running stream,
 * staked tokens). Deleting a deleted pool is a no-op.
 */
export const deleteSharePool = (command: DeleteSharePool, state: SharePoolState): SharePoolEvent[] => {
  const s = existing(state);
  if (s.deleted) return [];
  byCreatorOrAdmin(s, command.metadata);
  const reason = reasonIn(command.data.reason);
  const busy = (code: string, message: string) => new DomainError(`SHARE_POOL.${code}`, message, 'conflict');
  if (s.pending.size > 0) throw busy('ACTIONS_PENDING', `${s.pending.size} chain actions of the pool are still under way`);
  if (s.crowdfunding && s.crowdfunding.outcome === null && s.crowdfunding.raised > 0n)
    throw busy('CROWDFUNDING_OPEN', 'Contributions are in escrow: finalize the crowdfunding first');
  if (s.round?.stream) throw busy('STREAM_RUNNING', 'A distribution stream is running: stop it first');
  const stakers = [...s.stakes.values()].filter((p) => p.amount > 0n).length;
  if (stakers > 0) throw busy('STAKES_OPEN', `${stakers} members still have tokens staked`);
  return [{ type: 'SharePoolDeleted', data: { reason, deletedBy: command.metadata.actor, deletedAt: command.metadata.now } }];
};
