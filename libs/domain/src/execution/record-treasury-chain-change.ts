import type { DaoEvent } from '../dao/dao-events';
import type { DaoState } from '../dao/dao-state';
import type { Address } from '../shared/address';
import { assertNever } from '../shared/decider';
import type { RecordTreasuryChainChange } from './treasury-commands';
import type { ChainPosition, TreasuryEvent } from './treasury-events';
import { sameAddress } from './treasury-guards';
import { evolveTreasury, type TreasuryState } from './treasury-state';

const after = (a: ChainPosition, b: ChainPosition): boolean =>
  a.blockNumber === b.blockNumber ? a.logIndex > b.logIndex : a.blockNumber > b.blockNumber;

/**
 * The chain changed the Safe's owners or threshold or the timelock's delay: the treasury takes it, and the
 * DAO's configuration follows the treasury. Facts arrive in chain order; one at or before the last applied
 * position (a replayed range) or one that changes nothing (the deployment's own setup) appends nothing.
 */
export const recordTreasuryChainChange = (
  command: RecordTreasuryChainChange,
  treasury: TreasuryState,
  dao: DaoState,
): { treasury: TreasuryEvent[]; dao: DaoEvent[] } => {
  const none = { treasury: [], dao: [] };
  if (treasury.status !== 'Deployed') return none;
  const { change, chain } = command.data;
  if (treasury.chainPosition && !after(chain, treasury.chainPosition)) return none;
  const { owners, threshold, timelockDelaySeconds } = treasury.contracts;
  const observedAt = command.metadata.now;
  const isOwner = (address: Address) => owners.some((owner) => sameAddress(owner, address));
  let event: TreasuryEvent | undefined;
  switch (change.kind) {
    case 'SafeOwnerAdded':
      if (!isOwner(change.owner)) event = { type: 'SafeOwnerAdded', data: { owner: change.owner, chain, observedAt } };
      break;
    case 'SafeOwnerRemoved':
      if (isOwner(change.owner)) event = { type: 'SafeOwnerRemoved', data: { owner: change.owner, chain, observedAt } };
      break;
    case 'SafeThresholdChanged':
      if (change.threshold !== threshold)
        event = { type: 'SafeThresholdChanged', data: { threshold: change.threshold, chain, observedAt } };
      break;
    case 'TimelockDelayChanged':
      if (change.delaySeconds !== timelockDelaySeconds)
        event = { type: 'TimelockDelayChanged', data: { delaySeconds: change.delaySeconds, chain, observedAt } };
      break;
    default:
      return assertNever(change);
  }
  if (!event) return none;
  const next = evolveTreasury(treasury, event);
  if (next.status !== 'Deployed' || dao.status !== 'Active') return { treasury: [event], dao: [] };
  const daoEvent: DaoEvent = {
    type: 'DaoTreasuryChanged',
    data: {
      treasurers: next.contracts.owners,
      treasurerThreshold: next.contracts.threshold,
      timelockDelaySeconds: next.contracts.timelockDelaySeconds,
      txHash: chain.txHash,
      changedAt: observedAt,
    },
  };
  return { treasury: [event], dao: [daoEvent] };
};
