import { at, T0 } from '../testing/fixtures';
import { confirmed, creatorSafe, deployedPool, holders, sharePoolInput, tx } from '../testing/share-pool';
import { restoreSharePoolHistory, storeSharePoolHistory } from './share-pool-history-codec';
import { evolveSharePoolHistory, holderStatement, initialSharePoolHistory } from './share-pool-history';

const [a, b, c] = holders(3);
const TOKEN = 10n ** 18n;

/** The seed's holdings (3,000 / 2,000 / 1,500 / 500, 3,000 unallocated), an instant distribution and a stream. */
const history = () => {
  const log = deployedPool(sharePoolInput({ transfersAllowed: true }));
  confirmed(log, 'RequestSharePurchase', { buyer: a, shares: 2_000 });
  confirmed(log, 'RequestSharePurchase', { buyer: b, shares: 1_500 });
  confirmed(log, 'RequestSharePurchase', { buyer: c, shares: 500 });
  log.run('RecordDistribution', { distribution: { kind: 'instant', amount: 1_000n * TOKEN }, txHash: tx(30) });
  // 10,000 wei a second: one wei per share per second.
  log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 10_000n }, txHash: tx(31) }, at(0));
  confirmed(log, 'TransferShares', { from: a, to: b, shares: 1_000 }, at(100));
  log.run('StopDistributionStream', { txHash: tx(32) }, at(200));
  return { log, folded: log.events.reduce(evolveSharePoolHistory, initialSharePoolHistory()) };
};

describe('Share pool history', () => {
  it('gives each holder a statement: the instant payment exactly, and what the stream paid at each holding', () => {
    const { folded } = history();
    const amounts = (holder: typeof a) => holderStatement(folded, holder, at(500)).map((l) => [l.kind, l.amount]);
    expect(amounts(creatorSafe)).toEqual([
      ['instant', 300n * TOKEN],
      ['stream', 600_000n],
    ]);
    expect(amounts(a)).toEqual([
      ['instant', 200n * TOKEN],
      ['stream', 2_000n * 100n + 1_000n * 100n],
    ]);
    expect(amounts(b)).toEqual([
      ['instant', 150n * TOKEN],
      ['stream', 1_500n * 100n + 2_500n * 100n],
    ]);
    expect(amounts(c.toLowerCase() as typeof c)).toEqual([
      ['instant', 50n * TOKEN],
      ['stream', 100_000n],
    ]);
    // The pool's 3,000 available units kept 300 tokens and 3,000 wei a second for 200 seconds.
    expect(folded.keptByPool).toBe(300n * TOKEN + 600_000n);
    expect(folded.distributions.map((d) => [d.kind, d.stoppedAt])).toEqual([
      ['instant', null],
      ['stream', at(200)],
    ]);
  });

  it('credits a running stream up to the time asked for', () => {
    const log = deployedPool();
    confirmed(log, 'RequestSharePurchase', { buyer: a, shares: 10 });
    log.run('RecordDistribution', { distribution: { kind: 'stream', flowRate: 20_000n }, txHash: tx(33) }, at(0));
    const folded = log.events.reduce(evolveSharePoolHistory, initialSharePoolHistory());
    expect(holderStatement(folded, a, at(30)).map((l) => l.amount)).toEqual([2n * 10n * 30n]);
    expect(holderStatement(folded, a, T0).map((l) => l.amount)).toEqual([0n]);
  });

  it('records every change of a holding with its reason', () => {
    const movements = history()
      .folded.movements.get(b)
      ?.map((m) => [m.change, m.reason, m.counterparty]);
    expect(movements).toEqual([
      [1_500, 'purchase', null],
      [1_000, 'transfer', a],
    ]);
  });

  it('stores and restores to the same history', () => {
    const { folded } = history();
    expect(restoreSharePoolHistory(storeSharePoolHistory(folded))).toEqual(folded);
  });
});
