import { daoCreated } from '../testing/dao-history';
import { addressOf, alice, DAY, meta } from '../testing/fixtures';
import { fold } from '../shared/decider';
import { daoDecider } from '../dao/dao-decider';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { recordTreasuryChainChange } from './record-treasury-chain-change';
import { retractTreasuryChainChanges } from './retract-treasury-chain-changes';
import type { TreasuryChainChange } from './treasury-commands';
import type { ChainPosition, TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type TreasuryState } from './treasury-state';

const [t1, t2, t3, t4] = [addressOf('treasurer-1'), addressOf('treasurer-2'), addressOf('treasurer-3'), addressOf('treasurer-4')];
const dao = fold(daoDecider, [daoCreated([alice], { treasurers: [t1, t2, t3], treasurerThreshold: 2, timelockDelaySeconds: 2 * DAY })]);
const position = (blockNumber: number): ChainPosition => ({
  blockNumber: BigInt(blockNumber),
  logIndex: 0,
  txHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
});
const foldTreasury = (events: readonly TreasuryEvent[]): TreasuryState => events.reduce(evolveTreasury, initialTreasuryState());

const deployed = recordDaoContractsDeployed(
  {
    type: 'RecordDaoContractsDeployed',
    data: {
      daoId: 'dao-1',
      attached: false,
      chainId: 31337,
      safe: addressOf('safe'),
      timelock: addressOf('timelock'),
      vault: addressOf('vault'),
      pool: addressOf('pool'),
      payoutToken: addressOf('token'),
      gdaForwarder: addressOf('gda'),
      cfaForwarder: addressOf('cfa'),
      owners: [t1, t2, t3],
      threshold: 2,
      timelockDelaySeconds: 2 * DAY,
      fromBlock: 1n,
    },
    metadata: meta('system:execution'),
  },
  { status: 'Undeployed' },
);

/** The treasury events of `changes` taken from the chain in order, each at its block. */
const taken = (changes: readonly [TreasuryChainChange, number][]): TreasuryEvent[] =>
  changes.reduce<TreasuryEvent[]>((history, [change, block]) => {
    const { treasury } = recordTreasuryChainChange(
      { type: 'RecordTreasuryChainChange', data: { change, chain: position(block) }, metadata: meta('system:indexer') },
      foldTreasury(history),
      dao,
    );
    return [...history, ...treasury];
  }, deployed);

const retract = (history: readonly TreasuryEvent[], rewoundTo: number) =>
  retractTreasuryChainChanges(
    { type: 'RetractTreasuryChainChanges', data: { rewoundTo: BigInt(rewoundTo) }, metadata: meta('system:indexer') },
    foldTreasury(history),
    dao,
  );

describe('Retracting treasury changes after a reorg', () => {
  const history = taken([
    [{ kind: 'SafeThresholdChanged', threshold: 3 }, 10],
    [{ kind: 'SafeOwnerAdded', owner: t4 }, 12],
    [{ kind: 'TimelockDelayChanged', delaySeconds: 600 }, 13],
  ]);

  it('puts the treasury and the DAO back to what the oldest lost change replaced', () => {
    const { treasury, dao: daoEvents } = retract(history, 11);
    expect(treasury).toEqual([
      expect.objectContaining({
        type: 'TreasuryChainChangesRetracted',
        data: expect.objectContaining({
          retracted: [position(12), position(13)],
          owners: [t1, t2, t3],
          threshold: 3,
          timelockDelaySeconds: 2 * DAY,
          chainPosition: position(10),
        }) as unknown,
      }),
    ]);
    expect(daoEvents).toEqual([
      expect.objectContaining({
        type: 'DaoTreasuryChanged',
        data: expect.objectContaining({
          treasurers: [t1, t2, t3],
          treasurerThreshold: 3,
          timelockDelaySeconds: 2 * DAY,
          txHash: null,
        }) as unknown,
      }),
    ]);
    const after = foldTreasury([...history, ...treasury]);
    expect(after).toMatchObject({ contracts: { owners: [t1, t2, t3], threshold: 3 }, chainPosition: position(10) });
  });

  it('finds nothing to retract at or below the last change, or when replayed', () => {
    expect(retract(history, 13).treasury).toEqual([]);
    const { treasury } = retract(history, 11);
    expect(retract([...history, ...treasury], 11).treasury).toEqual([]);
  });

  it('takes a retracted change again when the new chain holds it at another block', () => {
    const { treasury } = retract(history, 11);
    const again = recordTreasuryChainChange(
      {
        type: 'RecordTreasuryChainChange',
        data: { change: { kind: 'SafeOwnerAdded', owner: t4 }, chain: position(14) },
        metadata: meta('system:indexer'),
      },
      foldTreasury([...history, ...treasury]),
      dao,
    );
    expect(again.treasury).toEqual([expect.objectContaining({ type: 'SafeOwnerAdded' })]);
  });

  it('goes back to the deployment values when every change is lost', () => {
    const { treasury } = retract(history, 5);
    expect(treasury[0].data).toMatchObject({ owners: [t1, t2, t3], threshold: 2, chainPosition: null });
  });
});
