import type { DaoEvent } from '../dao/dao-events';
import type { ActiveDao } from '../dao/dao-state';
import { activeDao, daoCreated } from '../testing/dao-history';
import { specFor } from '../testing/given';
import { addressOf, alice, at, bob, carol, DAY, meta } from '../testing/fixtures';
import { applyProposalEffects } from '../proposal/apply-proposal-effects';
import type { ExistingProposal } from '../proposal/proposal-state';
import type { SubmitProposal } from '../proposal/proposal-commands';
import { submitProposal } from '../proposal/submit-proposal';
import { describeAction, proposalActions } from './proposal-actions';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { recordTreasuryChainChange } from './record-treasury-chain-change';
import type { RecordTreasuryChainChange, TreasuryChainChange } from './treasury-commands';
import type { ChainPosition, TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type TreasuryState } from './treasury-state';

const [t1, t2, t3, t4] = [addressOf('treasurer-1'), addressOf('treasurer-2'), addressOf('treasurer-3'), addressOf('treasurer-4')];
const treasuryConfig = { treasurers: [t1, t2, t3], treasurerThreshold: 2, timelockDelaySeconds: 2 * DAY };
const created = daoCreated([alice, bob, carol], treasuryConfig);
const dao = activeDao([created]);

const deployed: TreasuryEvent[] = recordDaoContractsDeployed(
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

const actionsOf = (changes: Record<string, unknown>, on: ActiveDao = dao) =>
  proposalActions({ type: 'CHANGE_PARAMETERS', payload: { changes } } as unknown as ExistingProposal, on.configuration);

describe('CHANGE_PARAMETERS of the treasury: what runs on chain', () => {
  it('replaces a treasurer, changes the threshold and the delay: swap, threshold, updateDelay, in words', () => {
    const actions = actionsOf({ treasurers: [t1, t2, t4], treasurerThreshold: 3, timelockDelaySeconds: 600 });
    expect(actions).toEqual([
      { kind: 'safe.swapOwner', oldOwner: t3, newOwner: t4 },
      { kind: 'safe.changeThreshold', threshold: 3 },
      { kind: 'timelock.updateDelay', delaySeconds: 600 },
    ]);
    expect(actions.map(describeAction)).toEqual([
      `Replace treasurer ${t3} with ${t4} as a Safe owner`,
      'Require 3 treasurer signature(s) for Safe transactions',
      'Set the timelock delay to 600 seconds for operations scheduled afterwards',
    ]);
  });

  it('adds owners keeping the threshold until the last step, which sets the new one', () =>
    expect(actionsOf({ treasurers: [t1, t2, t3, t4, alice], treasurerThreshold: 4 })).toEqual([
      { kind: 'safe.addOwner', owner: t4, threshold: 2 },
      { kind: 'safe.addOwner', owner: alice, threshold: 4 },
    ]));

  it('removes owners each keeping a threshold the Safe accepts in any order, then sets the new one', () => {
    const on = activeDao([daoCreated([alice], { treasurers: [t1, t2, t3, t4], treasurerThreshold: 4 })]);
    expect(actionsOf({ treasurers: [t1, t2], treasurerThreshold: 2 }, on)).toEqual([
      { kind: 'safe.removeOwner', owner: t3, threshold: 2 },
      { kind: 'safe.removeOwner', owner: t4, threshold: 2 },
    ]);
    const actions = actionsOf({ treasurers: [t1, t2], treasurerThreshold: 1 }, on);
    expect(actions).toEqual([
      { kind: 'safe.removeOwner', owner: t3, threshold: 2 },
      { kind: 'safe.removeOwner', owner: t4, threshold: 2 },
      { kind: 'safe.changeThreshold', threshold: 1 },
    ]);
    expect(describeAction(actions[0])).toBe(`Remove ${t3} as a treasurer (Safe owner); the Safe then needs 2 signature(s)`);
  });

  it('a threshold change alone is one changeThreshold; an unchanged value is no step at all', () => {
    expect(actionsOf({ treasurerThreshold: 3 })).toEqual([{ kind: 'safe.changeThreshold', threshold: 3 }]);
    expect(actionsOf({ treasurers: [t3, t2, t1], timelockDelaySeconds: 2 * DAY })).toEqual([
      { kind: 'timelock.marker', note: 'configuration: no change' },
    ]);
  });

  it('the treasury fields are never marked as off-chain changes', () =>
    expect(actionsOf({ quorumBps: 6000, treasurerThreshold: 1 })).toEqual([
      { kind: 'safe.changeThreshold', threshold: 1 },
      { kind: 'timelock.marker', note: 'configuration: quorumBps' },
    ]));
});

describe('CHANGE_PARAMETERS of the treasury: what the vote alone changes in the DAO', () => {
  const executed = (changes: Record<string, unknown>) =>
    applyProposalEffects(
      { proposalId: 'p-1', type: 'CHANGE_PARAMETERS', payload: { changes } } as unknown as ExistingProposal,
      dao,
      meta('system:execution', at(4 * DAY)),
    );

  it('nothing: the new treasurers, threshold and delay come from the chain', () =>
    expect(executed({ treasurers: [t1, t2, t4], treasurerThreshold: 3, timelockDelaySeconds: 600 })).toEqual([]));

  it('only the other fields when the change mixes both', () => {
    const [changed] = executed({ quorumBps: 6000, treasurerThreshold: 3 });
    expect(changed).toMatchObject({ type: 'DaoConfigurationChanged', data: { changes: { quorumBps: 6000 } } });
    if (changed.type !== 'DaoConfigurationChanged') throw new Error('unexpected event');
    expect(changed.data.changes).not.toHaveProperty('treasurerThreshold');
    expect(changed.data.configuration).toMatchObject({ quorumBps: 6000, treasurerThreshold: 2, treasurers: [t1, t2, t3] });
  });
});

describe('CHANGE_PARAMETERS of the treasury: refused at submission', () => {
  const { given } = specFor(
    (events: readonly DaoEvent[]) => activeDao(events),
    (c: SubmitProposal, s: ActiveDao) => submitProposal(c, s),
  );
  const submit = (changes: Record<string, unknown>): SubmitProposal => ({
    type: 'SubmitProposal',
    data: { proposalId: 'p-1', proposer: alice, type: 'CHANGE_PARAMETERS', payload: { changes } },
    metadata: meta(alice),
  });
  const zero = '0x0000000000000000000000000000000000000000';
  const sentinel = '0x0000000000000000000000000000000000000001';

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a threshold above the owner count', { treasurerThreshold: 4 }, ['payload.changes.treasurerThreshold']],
    ['fewer owners than the threshold', { treasurers: [t1] }, ['payload.changes.treasurerThreshold']],
    ['zero owners', { treasurers: [], treasurerThreshold: 0 }, ['payload.changes.treasurers']],
    ['a duplicate owner', { treasurers: [t1, t2, t1] }, ['payload.changes.treasurers[2]']],
    ['the zero address as an owner', { treasurers: [t1, zero] }, ['payload.changes.treasurers[1]']],
    ["the Safe's sentinel as an owner", { treasurers: [sentinel, t1] }, ['payload.changes.treasurers[0]']],
    ['a delay above the limit', { timelockDelaySeconds: 366 * DAY }, ['payload.changes.timelockDelaySeconds']],
    ['a negative delay', { timelockDelaySeconds: -1 }, ['payload.changes.timelockDelaySeconds']],
  ])('%s', (_, changes, fields) => given([created]).when(submit(changes)).thenThrows('PROPOSAL.INVALID_PAYLOAD', fields));

  it('accepts a replaced treasurer with a new threshold and delay', () =>
    expect(
      given([created])
        .when(submit({ treasurers: [t1, t2, t4], treasurerThreshold: 3, timelockDelaySeconds: 600 }))
        .result().proposal,
    ).toHaveLength(1));
});

describe("The treasury follows the chain's owner, threshold and delay events", () => {
  let block = 100n;
  const position = (blockNumber = ++block, logIndex = 0): ChainPosition => ({
    blockNumber,
    logIndex,
    txHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
  });
  const record = (change: TreasuryChainChange, chain: ChainPosition): RecordTreasuryChainChange => ({
    type: 'RecordTreasuryChainChange',
    data: { change, chain },
    metadata: meta('system:indexer', at(5 * DAY)),
  });
  const fold = (events: readonly TreasuryEvent[]): TreasuryState => events.reduce(evolveTreasury, initialTreasuryState());
  const contractsOf = (state: TreasuryState) => {
    if (state.status !== 'Deployed') throw new Error('not deployed');
    return state.contracts;
  };

  it("a swap, a threshold and a delay change: the treasury and the DAO's configuration take the chain's values", () => {
    const history: TreasuryEvent[] = [...deployed];
    let daoState = dao;
    const tx = position();
    for (const [change, logIndex] of [
      [{ kind: 'SafeOwnerRemoved', owner: t3 }, 1],
      [{ kind: 'SafeOwnerAdded', owner: t4 }, 2],
      [{ kind: 'SafeThresholdChanged', threshold: 3 }, 3],
      [{ kind: 'TimelockDelayChanged', delaySeconds: 600 }, 4],
    ] as const) {
      const result = recordTreasuryChainChange(record(change, { ...tx, logIndex }), fold(history), daoState);
      expect(result.treasury).toHaveLength(1);
      expect(result.dao).toHaveLength(1);
      history.push(...result.treasury);
      daoState = activeDao([created, ...result.dao]);
    }
    expect(contractsOf(fold(history))).toMatchObject({ owners: [t4, t1, t2], threshold: 3, timelockDelaySeconds: 600 });
    expect(daoState.configuration).toMatchObject({ treasurers: [t4, t1, t2], treasurerThreshold: 3, timelockDelaySeconds: 600 });
    expect(history.at(-1)).toEqual({
      type: 'TimelockDelayChanged',
      data: { delaySeconds: 600, chain: { ...tx, logIndex: 4 }, observedAt: at(5 * DAY) },
    });
  });

  it('a replayed log (at or before the last one applied) changes nothing', () => {
    const first = position();
    const added = recordTreasuryChainChange(record({ kind: 'SafeOwnerAdded', owner: t4 }, first), fold(deployed), dao).treasury;
    const removed = recordTreasuryChainChange(
      record({ kind: 'SafeOwnerRemoved', owner: t4 }, position()),
      fold([...deployed, ...added]),
      dao,
    ).treasury;
    const state = fold([...deployed, ...added, ...removed]);
    expect(recordTreasuryChainChange(record({ kind: 'SafeOwnerAdded', owner: t4 }, first), state, dao)).toEqual({ treasury: [], dao: [] });
    expect(contractsOf(state).owners).toEqual([t1, t2, t3]);
  });

  it("the deployment's own setup logs (owners it already has, the threshold it already needs) change nothing", () => {
    for (const change of [
      { kind: 'SafeOwnerAdded', owner: t2 },
      { kind: 'SafeOwnerRemoved', owner: addressOf('deployer') },
      { kind: 'SafeThresholdChanged', threshold: 2 },
      { kind: 'TimelockDelayChanged', delaySeconds: 2 * DAY },
    ] as const)
      expect(recordTreasuryChainChange(record(change, position()), fold(deployed), dao)).toEqual({ treasury: [], dao: [] });
  });

  it('nothing before the contracts are recorded', () =>
    expect(recordTreasuryChainChange(record({ kind: 'SafeThresholdChanged', threshold: 1 }, position()), fold([]), dao)).toEqual({
      treasury: [],
      dao: [],
    }));
});
