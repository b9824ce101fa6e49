import type { RecordedEvent } from '@ayllu/event-store';
import { mapEvent } from './map-event';
import type { RoscaPoolInfo } from './map-rosca-event';
import { outboxId } from '../outbox/notification-id';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TX = `0x${'ab'.repeat(32)}`;
const recorded = (type: string, data: unknown): RecordedEvent => ({
  streamId: 'rosca-rosca_1',
  version: 9,
  position: 70n,
  transactionId: 1n,
  type,
  data,
  metadata: {
    eventId: 'e1',
    causationId: null,
    correlationId: 'c',
    actor: 'system:worker',
    idempotencyKey: null,
    occurredAt: '2026-12-01T10:00:00.000Z',
  },
  recordedAt: new Date(),
});
const pool: RoscaPoolInfo = { daoId: 'dao_1', contributionAmount: 100n, rotationMethod: 'join-order', settlement: null };

describe('rotating-pool events to notifications', () => {
  it('reminds everyone of a payment due, naming time, amount and recipient, and tells the recipient it is their round', () => {
    const mapped = mapEvent(
      recorded('RoundAnnounced', { round: 1, dueAt: '2026-12-08T00:00:00.000Z', recipient: A, announcedAt: '2026-12-07T00:00:00.000Z' }),
      null,
      [],
      pool,
    );
    expect(mapped).toEqual([
      {
        daoId: 'dao_1',
        type: 'rosca.payment_due',
        data: {
          poolId: 'rosca_1',
          round: 1,
          dueAt: '2026-12-08T00:00:00.000Z',
          amount: '100',
          recipient: A,
          announcedAt: '2026-12-07T00:00:00.000Z',
        },
      },
      {
        daoId: 'dao_1',
        type: 'rosca.payout_round',
        discriminator: 'payout_round',
        data: { poolId: 'rosca_1', round: 1, member: A, dueAt: '2026-12-08T00:00:00.000Z', announcedAt: '2026-12-07T00:00:00.000Z' },
      },
    ]);
    // Two notifications of one event for one endpoint: two rows, the first keeping the plain id.
    expect(outboxId('ep', 'e1', mapped[0])).not.toBe(outboxId('ep', 'e1', mapped[1]));
    const open = mapEvent(recorded('RoundAnnounced', { round: 0, dueAt: 'x', recipient: null, announcedAt: 'y' }), null, [], pool);
    expect(open.map((n) => n.type)).toEqual(['rosca.payment_due']);
  });

  it('notifies a payment, and a penalty when it paid one', () => {
    const paid = { member: B, round: 0, amount: 100n, penalty: 0n, timing: 'on-time', strike: null, paidAt: 't' };
    expect(mapEvent(recorded('ContributionPaid', paid), null, [], pool).map((n) => n.type)).toEqual(['rosca.contribution_paid']);
    const late = mapEvent(recorded('ContributionPaid', { ...paid, penalty: 5n, timing: 'after-grace', strike: 2 }), null, [], pool);
    expect(late.map((n) => [n.type, n.data])).toEqual([
      [
        'rosca.contribution_paid',
        { poolId: 'rosca_1', round: 0, member: B, amount: '100', penalty: '5', timing: 'after-grace', paidAt: 't' },
      ],
      ['rosca.contribution_penalized', { poolId: 'rosca_1', round: 0, member: B, penalty: '5', strike: 2, paidAt: 't' }],
    ]);
  });

  it('sends the payout with its transaction hash, and nothing for other chain effects', () => {
    const confirmed = (key: string) =>
      recorded('RotatingPoolEffectConfirmed', {
        key,
        txHash: TX,
        payments: [{ member: A, amount: 207n }],
        fee: 3n,
        deferred: [],
        confirmedAt: 'c',
      });
    const settled = { ...pool, settlement: { kind: 'payout' as const, recipient: A, paid: 207n } };
    expect(mapEvent(confirmed('round-0'), null, [], settled)).toEqual([
      {
        daoId: 'dao_1',
        type: 'rosca.payout_sent',
        data: {
          poolId: 'rosca_1',
          round: 0,
          kind: 'payout',
          recipient: A,
          amount: '207',
          fee: '3',
          payments: [{ member: A, amount: '207' }],
          txHash: TX,
          confirmedAt: 'c',
        },
      },
    ]);
    expect(mapEvent(confirmed('begin'), null, [], pool)).toEqual([]);
  });

  it('notifies defaults, late marks, departures, start, completion and dissolution', () => {
    const types = (type: string, data: unknown) => mapEvent(recorded(type, data), null, [], pool).map((n) => n.type);
    expect(types('ContributionDefaulted', { member: A, round: 1, fromCollateral: 100n, fromHoldback: 0n, strike: 1 })).toEqual([
      'rosca.contribution_defaulted',
    ]);
    expect(types('ContributionsLate', { round: 1, members: [B], graceEndsAt: 'g', markedAt: 'm' })).toEqual(['rosca.contributions_late']);
    expect(
      types('RotatingPoolMemberDeparted', {
        member: A,
        round: 1,
        reason: 'expelled',
        returnedNow: 0n,
        penalty: 0n,
        penaltyFromRefund: 0n,
        slashed: 2n,
        toReserve: 0n,
        refundSlot: null,
        bannedFromDao: true,
        departedAt: 'd',
      }),
    ).toEqual(['rosca.member_departed']);
    expect(
      types('RotatingPoolStarted', {
        order: [{ kind: 'recipient', member: A }],
        draw: null,
        orderVotes: null,
        firstDueAt: 'f',
        startedAt: 's',
        startedBy: 'x',
      }),
    ).toEqual(['rosca.pool_started']);
    expect(types('RotatingPoolCompleted', { completedAt: 'c' })).toEqual(['rosca.pool_completed']);
    expect(types('RotatingPoolDissolved', { balance: 4n, refunds: [{ member: A, amount: 4n }], dissolvedAt: 'd' })).toEqual([
      'rosca.pool_dissolved',
    ]);
    expect(types('BidPlaced', { member: A, round: 0, discountBps: 100, placedAt: 'p' })).toEqual([]);
  });

  it('notifies nobody when the pool is unknown', () => {
    expect(mapEvent(recorded('RotatingPoolCompleted', { completedAt: 'c' }), null)).toEqual([]);
  });
});
