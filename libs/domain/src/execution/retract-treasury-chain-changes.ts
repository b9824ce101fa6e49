import type { DaoEvent } from '../dao/dao-events';
import type { DaoState } from '../dao/dao-state';
import type { RetractTreasuryChainChanges } from './treasury-commands';
import type { TreasuryEvent } from './treasury-events';
import type { TreasuryState } from './treasury-state';

/**
 * A reorg rewound the chain to `rewoundTo`: the owner, threshold and delay changes the treasury took from
 * blocks above it are void. The treasury goes back to what the oldest of them replaced, and the DAO's
 * configuration follows it as it follows every treasury change. A replay finds nothing left to retract.
 */
export const retractTreasuryChainChanges = (
  command: RetractTreasuryChainChanges,
  treasury: TreasuryState,
  dao: DaoState,
): { treasury: TreasuryEvent[]; dao: DaoEvent[] } => {
  if (treasury.status !== 'Deployed') return { treasury: [], dao: [] };
  const { rewoundTo } = command.data;
  const lost = treasury.chainChanges.filter((c) => c.chain.blockNumber > rewoundTo);
  if (lost.length === 0) return { treasury: [], dao: [] };
  const { before, positionBefore } = lost[0];
  const retractedAt = command.metadata.now;
  const retracted: TreasuryEvent = {
    type: 'TreasuryChainChangesRetracted',
    data: { rewoundTo, retracted: lost.map((c) => c.chain), ...before, chainPosition: positionBefore, retractedAt },
  };
  if (dao.status !== 'Active') return { treasury: [retracted], dao: [] };
  const daoEvent: DaoEvent = {
    type: 'DaoTreasuryChanged',
    data: {
      treasurers: before.owners,
      treasurerThreshold: before.threshold,
      timelockDelaySeconds: before.timelockDelaySeconds,
      txHash: null,
      changedAt: retractedAt,
    },
  };
  return { treasury: [retracted], dao: [daoEvent] };
};
