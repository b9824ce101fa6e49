import { at, DAY, T0 } from '../testing/fixtures';
import { confirmed, creatorSafe, deployedPool, holders, sharePoolInput, stakingInput, tx } from '../testing/share-pool';
import type { DistributionRecorded } from './share-pool-events';
import { expectRefused } from '../testing/given';

const [a, b, c] = holders(3);
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

  it('waits for share movements under way, and refuses holdings the chain does not have', () => {
    const log = seedPool();
    const instant = { distribution: { kind: 'instant' as const, amount: TOKEN }, txHash: tx(28) };
    log.run('RequestSharePurchase', { buyer: a, shares: 1 });
    refused(() => log.run('RecordDistribution', instant), 'SHARE_POOL.ACTIONS_PENDING');
    log.run('FailSharePoolAction', { key: log.lastKey(), reason: 'allowance' });
    const units = [
      { holder: creatorSafe, shares: 3_000 },
      { holder: a, shares: 2_000 },
      { holder: b, shares: 1_500 },
      { holder: c, shares: 500 },
    ];
    refused(() => log.run('RecordDistribution', { ...instant, chainHoldings: units.slice(1) }), 'SHARE_POOL.CHAIN_DISAGREES');
    expect(log.run('RecordDistribution', { ...instant, chainHoldings: [...units, { holder: a, shares: 0 }].reverse() })).toHaveLength(1);
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
