import { DomainError } from '../shared/domain-error';
import type { Hash } from '../shared/hex';
import { addressOf, T0 } from '../testing/fixtures';
import { members, poolInput, poolLog, safe } from '../testing/rosca-pool';
import type { RotatingPoolConfigurationInput } from './rosca-configuration';
import type { RoscaEvent } from './rosca-events';
import { evolveRoscaHistory, initialRoscaHistory, roscaTotals } from './rosca-history';
import { poolHeld, type RoscaState } from './rosca-state';

// A pool whose contract invests in the DAO's strategy: the yield a settlement recognises reaches the recipient and
// the chain call, and a confirmation records what the chain actually paid (a dissolution's share of the yield the
// log had not recognised, or less on a strategy loss), keeping tokens in = out + fees + held to the wei.
const [m0, m1, m2] = members(3);
const contract = addressOf('pool-contract');
const strategy = addressOf('dao-strategy');
const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

const started = (config: RotatingPoolConfigurationInput = {}) => {
  const log = poolLog();
  log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput(config) });
  log.run('RecordRotatingPoolDeployment', { address: contract, txHash: hash(1), blockNumber: 10n, strategy });
  const collateral = (100n * 3n * BigInt((config.collateralPercent as number | undefined) ?? 0)) / 100n;
  for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral });
  log.run('ConfirmRotatingPoolEffect', { key: 'begin', txHash: hash(2), deferred: [] });
  return log;
};

const running = (state: RoscaState) => {
  if (state.status === 'ABSENT' || state.status === 'FORMING') throw new Error(state.status);
  return state;
};
/** tokens in − tokens out − fees − held: zero when the ledger and the pool's parts agree. */
const imbalance = (state: RoscaState) => {
  const s = running(state);
  return s.ledger.tokensIn - s.ledger.tokensOut - s.ledger.fees - poolHeld(s);
};
const totalsOf = (events: readonly RoscaEvent[]) => roscaTotals(events.reduce(evolveRoscaHistory, initialRoscaHistory()));

describe('Rotating pool with a strategy', () => {
  it('records the strategy its contract was deployed with; none when the DAO had none', () => {
    expect(running(started().state()).strategy).toBe(strategy);
    const plain = poolLog();
    plain.run('CreateRotatingPool', { poolId: 'p2', ...poolInput() });
    const [deployed] = plain.run('RecordRotatingPoolDeployment', { address: contract, txHash: null, blockNumber: 1n });
    expect(deployed).toMatchObject({ type: 'RotatingPoolDeployed', data: { strategy: null } });
  });

  it('pays the recognised yield to the recipient and asks the contract to recognise exactly that', () => {
    const log = started({ platformFeeBps: 1000 });
    for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n });
    const [settled] = log.run('SettleRound', { round: 0, yieldEarned: 7n });
    // gross 300 + 7 = 307, fee 30 (floor), the recipient 277 less the 200 held back for their contributions to come.
    expect(settled).toMatchObject({ type: 'RoundSettled', data: { gross: 307n, fee: 30n, paid: 77n, holdback: 200n, yieldEarned: 7n } });
    const effect = running(log.state()).effects.find((e) => e.key === 'round-0');
    expect(effect).toMatchObject({ kind: 'settle', payments: [{ member: m0, amount: 77n }], fee: 30n, yieldEarned: 7n });
    expect(imbalance(log.state())).toBe(0n);
    expect(totalsOf(log.events).yieldEarned).toBe(7n);
  });

  it('records the dissolution refunds the chain paid, with the yield not yet recognised shared among them', () => {
    const log = started({ collateralPercent: 50 });
    log.run('PayContribution', { member: m0, round: 0, amount: 100n }, T0);
    log.run('PauseRotatingPool', { reason: 'review' });
    log.run('VoteToDissolve', { member: m0 }, T0, m0);
    const [, dissolved] = log.run('VoteToDissolve', { member: m1 }, T0, m1);
    if (dissolved.type !== 'RotatingPoolDissolved') throw new Error(dissolved.type);
    // The contract scaled the refunds to what it held: 11 more than the log's balance.
    const paid = dissolved.data.refunds.map((r, i) => ({ member: r.member, amount: r.amount + (i === 0 ? 5n : 3n) }));
    const [confirmed] = log.run('ConfirmRotatingPoolEffect', { key: 'dissolution', txHash: hash(3), deferred: [], paid });
    expect(confirmed).toMatchObject({ type: 'RotatingPoolEffectConfirmed', data: { payments: paid, surplus: 11n } });
    const state = running(log.state());
    expect(state.effects.find((e) => e.key === 'dissolution')).toMatchObject({ payments: paid, confirmed: true });
    expect(state.ledger.tokensOut).toBe(dissolved.data.balance + 11n + state.ledger.fees);
    expect(imbalance(state)).toBe(0n);
    expect(totalsOf(log.events).yieldEarned).toBe(11n);
  });

  it('records a settlement the chain paid short on a strategy loss: the fee absorbs it first', () => {
    const log = started({ platformFeeBps: 1000 });
    for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n });
    log.run('SettleRound', { round: 0 });
    const [confirmed] = log.run('ConfirmRotatingPoolEffect', {
      key: 'round-0',
      txHash: hash(3),
      deferred: [],
      paid: [{ member: m0, amount: 70n }],
      fee: 26n,
    });
    expect(confirmed).toMatchObject({ data: { fee: 26n, surplus: -4n } });
    const state = running(log.state());
    expect(state.ledger.fees).toBe(26n);
    expect(imbalance(state)).toBe(0n);
  });

  it('refuses a negative amount paid', () => {
    const log = started();
    for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n });
    log.run('SettleRound', { round: 0 });
    let caught: unknown;
    try {
      log.run(
        'ConfirmRotatingPoolEffect',
        { key: 'round-0', txHash: hash(3), deferred: [], paid: [{ member: m0, amount: -1n }] },
        T0,
        safe,
      );
    } catch (error) {
      caught = error;
    }
    expect((caught as DomainError).code).toBe('ROSCA.INVALID_CONFIRMATION');
  });
});
