import { at, DAY, T0 } from '../testing/fixtures';
import { confirmed, creatorSafe, deployedPool, holders, poolContract, sharePoolInput, stakingInput, tx } from '../testing/share-pool';
import type { DistributionRecorded } from './share-pool-events';
import { restoreSharePoolHistory, storeSharePoolHistory } from './share-pool-history-codec';
import { evolveSharePoolHistory, holderStatement, initialSharePoolHistory } from './share-pool-history';
import { expectRefused } from '../testing/given';

const [a, b, c, d] = holders(4);
const TOKEN = 10n ** 18n;

const refused = expectRefused;

/** The seed's example: the creator keeps 3,000; A, B and C buy 2,000, 1,500 and 500; 3,000 stay available. */
const seedPool = () => {
  const log = deployedPool(sharePoolInput({ transfersAllowed: true }));
  confirmed(log, 'RequestSharePurchase', { buyer: a, shares: 2_000 });
  confirmed(log, 'RequestSharePurchase', { buyer: b, shares: 1_500 });
  confirmed(log, 'RequestSharePurchase', { buyer: c, shares: 500 });
  return log;
};
const recorded = (events: readonly { type: string }[]) => events[0] as DistributionRecorded;

describe('Share pool distributions', () => {
  it("pays the seed's $1,000 example exactly: 300 / 200 / 150 / 50 to holders, 300 kept by the pool", () => {
    const log = seedPool();
    const event = recorded(log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 1_000n * TOKEN }, txHash: tx(20) }));
    expect(event.data).toMatchObject({ round: 0, index: 0, recordedBy: creatorSafe });
    const ledger = event.data.ledger;
    if (ledger.kind !== 'instant') throw new Error('expected an instant ledger');
    expect(ledger.payments).toEqual([
      { holder: creatorSafe, shares: 3_000, amount: 300n * TOKEN },
      { holder: a, shares: 2_000, amount: 200n * TOKEN },
      { holder: b, shares: 1_500, amount: 150n * TOKEN },
      { holder: c, shares: 500, amount: 50n * TOKEN },
    ]);
    expect([ledger.kept, ledger.leftWithDistributor, ledger.availableShares]).toEqual([300n * TOKEN, 0n, 3_000]);
    expect(log.pool().status).toBe('DISTRIBUTING');
  });

  it('streams at per-unit rates, keeps distributing in the open round, and opens a new round after completion', () => {
    const log = seedPool();
    const stream = recorded(log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 10_007n }, txHash: tx(21) }));
    expect(stream.data.ledger).toMatchObject({
      kind: 'stream',
      perUnitRate: 1n,
      actualFlowRate: 10_000n,
      notStreamedRate: 7n,
      keptRate: 3_000n,
    });
    refused(() => log.run('CompleteDistributionRound', {}), 'SHARE_POOL.STREAM_RUNNING');
    log.run('StopDistributionStream', { txHash: tx(22) }, at(DAY));
    refused(() => log.run('StopDistributionStream', { txHash: tx(22) }), 'SHARE_POOL.NO_STREAM');
    expect(
      recorded(log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 20_000n }, txHash: tx(23) })).data,
    ).toMatchObject({
      round: 0,
      index: 1,
    });
    log.run('CompleteDistributionRound', {});
    expect(log.pool().status).toBe('COMPLETED');
    refused(() => log.run('CompleteDistributionRound', {}), 'SHARE_POOL.NO_OPEN_ROUND');
    expect(
      recorded(log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 10_000n }, txHash: tx(24) })).data,
    ).toMatchObject({
      round: 1,
      index: 2,
    });
    expect(log.pool()).toMatchObject({ status: 'DISTRIBUTING', round: { index: 1, distributions: 1, completed: false } });
  });

  it('refuses a distribution asked while shares are moving, before its Safe transaction exists (no chain units yet)', () => {
    const log = seedPool();
    log.run('RequestSharePurchase', { buyer: a, shares: 1 });
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'instant', amount: TOKEN }, txHash: tx(28) }),
      'SHARE_POOL.ACTIONS_PENDING',
    );
    log.run('FailSharePoolAction', { key: log.lastKey(), reason: 'allowance' });
    expect(log.run('RecordDistribution', { distribution: { kind: 'instant', amount: TOKEN }, txHash: tx(28) })).toHaveLength(1);
  });

  describe('executed by the Safe, recorded from the GDA units at its block', () => {
    const seedUnits = () => [
      { holder: creatorSafe, shares: 3_000 },
      { holder: a, shares: 2_000 },
      { holder: b, shares: 1_500 },
      { holder: c, shares: 500 },
    ];

    it("records a distribution executed while a purchase is under way, paying the buyer the chain's units", () => {
      const log = seedPool();
      log.run('RequestSharePurchase', { buyer: d, shares: 100 });
      const key = log.lastKey();
      // The worker's buy() went through on chain before the Safe's distribute; its confirmation is not in the log yet.
      const event = recorded(
        log.run('RecordDistribution', {
          distribution: { kind: 'instant', amount: 1_000n * TOKEN + 7n },
          txHash: tx(28),
          chainHoldings: [...seedUnits(), { holder: d.toLowerCase() as typeof d, shares: 100 }],
          chainBlock: 77n,
        }),
      );
      const ledger = event.data.ledger;
      if (ledger.kind !== 'instant') throw new Error('expected an instant ledger');
      expect(ledger.payments).toEqual([
        { holder: creatorSafe, shares: 3_000, amount: 300n * TOKEN },
        { holder: a, shares: 2_000, amount: 200n * TOKEN },
        { holder: b, shares: 1_500, amount: 150n * TOKEN },
        { holder: c, shares: 500, amount: 50n * TOKEN },
        { holder: d, shares: 100, amount: 10n * TOKEN },
      ]);
      expect([ledger.availableShares, ledger.kept, ledger.leftWithDistributor]).toEqual([2_900, 290n * TOKEN, 7n]);
      expect(ledger.paid + ledger.kept + ledger.leftWithDistributor).toBe(ledger.amount);
      expect(event.data).toMatchObject({ holdingsDisagreement: [{ holder: d, log: 0, chain: 100 }], chainBlock: 77n });
      // The purchase is still the log's to confirm, and then the log agrees with what the chain paid by.
      expect(log.pool().pending.has(key)).toBe(true);
      log.run('ConfirmSharePoolAction', { key, txHash: tx(29) }, T0, 'system:worker');
      expect(log.pool().holdings.get(d)).toBe(100);
      const history = log.events.reduce(evolveSharePoolHistory, initialSharePoolHistory());
      expect(holderStatement(history, d, at(10)).map((l) => [l.shares, l.amount])).toEqual([[100, 10n * TOKEN]]);
      expect(history.keptByPool).toBe(290n * TOKEN);
      expect(history.distributions[0].holdingsDisagreement).toEqual([{ holder: d, log: 0, chain: 100 }]);
    });

    it('records where the units differ from the log, in both directions, and an empty difference when they agree', () => {
      const log = seedPool();
      const instant = { distribution: { kind: 'instant' as const, amount: 10_000n }, txHash: tx(30) };
      const agreeing = recorded(
        log.run('RecordDistribution', { ...instant, chainHoldings: [...seedUnits(), { holder: d, shares: 0 }].reverse() }),
      );
      expect(agreeing.data.holdingsDisagreement).toEqual([]);
      expect(agreeing.data.ledger).toMatchObject({ kind: 'instant', paid: 7_000n, kept: 3_000n });
      // A transfer of 500 from a to b done on chain and never confirmed in the log.
      const units = seedUnits().map((h) => (h.holder === a ? { ...h, shares: 1_500 } : h.holder === b ? { ...h, shares: 2_000 } : h));
      const differing = recorded(log.run('RecordDistribution', { ...instant, txHash: tx(31), chainHoldings: units }));
      expect(differing.data.holdingsDisagreement).toEqual([
        { holder: a, log: 2_000, chain: 1_500 },
        { holder: b, log: 1_500, chain: 2_000 },
      ]);
      expect(differing.data.chainBlock).toBeUndefined();
      // A holder the chain no longer counts receives nothing; the pool's contract keeps the rest of the 10,000.
      const missing = recorded(log.run('RecordDistribution', { ...instant, txHash: tx(32), chainHoldings: seedUnits().slice(1) }));
      expect(missing.data.holdingsDisagreement).toEqual([{ holder: creatorSafe, log: 3_000, chain: 0 }]);
      expect(missing.data.ledger).toMatchObject({ paid: 4_000n, kept: 6_000n, availableShares: 6_000 });
    });

    it('credits a stream at the chain’s units until the log confirms the movement the chain already made', () => {
      const log = seedPool();
      log.run('RequestSharePurchase', { buyer: d, shares: 100 });
      const key = log.lastKey();
      log.run(
        'RecordDistribution',
        {
          distribution: { kind: 'stream', flowRate: 10_000n },
          txHash: tx(33),
          chainHoldings: [...seedUnits(), { holder: d, shares: 100 }],
        },
        at(0),
      );
      log.run('ConfirmSharePoolAction', { key, txHash: tx(34), at: at(100) }, at(100), 'system:worker');
      log.run('StopDistributionStream', { txHash: tx(35) }, at(200));
      const history = log.events.reduce(evolveSharePoolHistory, initialSharePoolHistory());
      // One wei per unit per second: d's 100 units for the whole 200 s, the pool's 2,900 likewise; nothing counted twice.
      expect(holderStatement(history, d, at(300)).map((l) => l.amount)).toEqual([100n * 200n]);
      expect(holderStatement(history, a, at(300)).map((l) => l.amount)).toEqual([2_000n * 200n]);
      expect(history.keptByPool).toBe(2_900n * 200n);
    });

    it('refuses units that cannot be a pool’s holdings, naming the field', () => {
      const log = seedPool();
      const instant = { distribution: { kind: 'instant' as const, amount: TOKEN }, txHash: tx(36) };
      const bad = (chainHoldings: { holder: typeof a; shares: number }[], field: string) =>
        refused(() => log.run('RecordDistribution', { ...instant, chainHoldings }), 'SHARE_POOL.INVALID_CHAIN_HOLDINGS', field);
      bad([{ holder: a, shares: 10_001 }], 'chainHoldings[0].shares');
      bad([{ holder: a, shares: 1.5 }], 'chainHoldings[0].shares');
      bad(
        [
          { holder: a, shares: 1 },
          { holder: a.toLowerCase() as typeof a, shares: 1 },
        ],
        'chainHoldings[1].holder',
      );
      bad([{ holder: poolContract, shares: 3_000 }], 'chainHoldings[0].holder');
      refused(
        () => log.run('RecordDistribution', { ...instant, chainHoldings: [{ holder: '0x12' as typeof a, shares: 1 }] }),
        'SHARE_POOL.INVALID_ADDRESS',
        'chainHoldings[0].holder',
      );
      bad(
        [
          { holder: a, shares: 6_000 },
          { holder: b, shares: 5_000 },
        ],
        'chainHoldings',
      );
      refused(
        () => log.run('RecordDistribution', { ...instant, chainHoldings: seedUnits(), chainBlock: -1n }),
        'SHARE_POOL.INVALID_CHAIN_HOLDINGS',
        'chainBlock',
      );
      expect(log.pool().distributions).toBe(0);
    });

    it('replays distributions recorded before units were read (no difference field): ledgers and statements as they were', () => {
      const log = seedPool();
      const old = recorded(log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 1_000n * TOKEN }, txHash: tx(37) }));
      expect('holdingsDisagreement' in old.data || 'chainBlock' in old.data).toBe(false);
      log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 10_000n }, txHash: tx(38) }, at(0));
      log.run('StopDistributionStream', { txHash: tx(39) }, at(10));
      const history = log.events.reduce(evolveSharePoolHistory, initialSharePoolHistory());
      const restored = restoreSharePoolHistory(storeSharePoolHistory(history));
      expect(holderStatement(restored, b, at(20)).map((l) => l.amount)).toEqual([150n * TOKEN, 1_500n * 10n]);
      expect(restored.distributions.map((e) => e.holdingsDisagreement)).toEqual([undefined, undefined]);
      expect(restored.keptByPool).toBe(300n * TOKEN + 3_000n * 10n);
      expect(log.pool()).toMatchObject({ distributions: 2, round: { index: 0, distributions: 2, stream: null } });
    });
  });

  it('is the Safe’s alone, and refuses what would pay nothing per share', () => {
    const log = seedPool();
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'instant', amount: TOKEN }, txHash: tx(25) }, T0, a),
      'SHARE_POOL.NOT_CREATOR',
    );
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 9_999n }, txHash: tx(25) }),
      'SHARE_POOL.INVALID_DISTRIBUTION',
      'distribution.amount',
    );
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 2n ** 95n }, txHash: tx(25) }),
      'SHARE_POOL.INVALID_DISTRIBUTION',
      'distribution.flowRate',
    );
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'instant', amount: TOKEN }, txHash: '0x12' as `0x${string}` }),
      'SHARE_POOL.INVALID_TX',
      'txHash',
    );
  });
});

describe('Share pool deletion', () => {
  it('soft-deletes once nothing is under way, and the pool then takes no command', () => {
    const log = seedPool();
    log.run('RequestSharePurchase', { buyer: a, shares: 1 });
    refused(() => log.run('DeleteSharePool', { reason: 'asset sold' }), 'SHARE_POOL.ACTIONS_PENDING');
    log.run('FailSharePoolAction', { key: log.lastKey(), reason: 'allowance' });
    refused(() => log.run('DeleteSharePool', { reason: 'asset sold' }, T0, a), 'SHARE_POOL.NOT_CREATOR');
    expect(log.run('DeleteSharePool', { reason: 'asset sold' })[0]).toMatchObject({
      type: 'SharePoolDeleted',
      data: { reason: 'asset sold' },
    });
    expect(log.run('DeleteSharePool', { reason: 'again' })).toEqual([]);
    refused(() => log.run('RequestSharePurchase', { buyer: a, shares: 1 }), 'SHARE_POOL.DELETED');
    refused(
      () => log.run('RecordDistribution', { distribution: { kind: 'instant', amount: TOKEN }, txHash: tx(26) }),
      'SHARE_POOL.DELETED',
    );
  });

  it('waits for a running stream to stop and for stakers to leave', () => {
    const log = seedPool();
    log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 10_000n }, txHash: tx(27) });
    refused(() => log.run('DeleteSharePool', { reason: 'x' }), 'SHARE_POOL.STREAM_RUNNING');
    const staking = deployedPool(stakingInput(1n));
    confirmed(staking, 'Stake', { member: a, amount: 1n });
    refused(() => staking.run('DeleteSharePool', { reason: 'x' }), 'SHARE_POOL.STAKES_OPEN');
  });
});
