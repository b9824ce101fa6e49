import type { RoscaNotificationData } from './rosca-notification-types';

const POOL = 'rosca_0193a1b2c3d4e5f6a7b8c9d0';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CAROL = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const TX = '0x4a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f8d2f4c0b6a1e9d3f7c5b2a4e6d8f';

/** One example `data` per rotating-pool type (see NOTIFICATION_EXAMPLES). */
export const ROSCA_NOTIFICATION_EXAMPLES: { readonly [T in keyof RoscaNotificationData]: RoscaNotificationData[T] } = {
  'rosca.pool_started': {
    poolId: POOL,
    rotationMethod: 'lottery',
    rounds: 3,
    recipients: [BOB, ALICE, CAROL],
    firstDueAt: '2026-12-07T12:00:00.000Z',
    startedAt: '2026-12-01T12:00:00.000Z',
  },
  'rosca.payment_due': {
    poolId: POOL,
    round: 1,
    dueAt: '2026-12-14T12:00:00.000Z',
    amount: '100000000',
    recipient: ALICE,
    announcedAt: '2026-12-13T12:00:00.000Z',
  },
  'rosca.payout_round': {
    poolId: POOL,
    round: 1,
    member: ALICE,
    dueAt: '2026-12-14T12:00:00.000Z',
    announcedAt: '2026-12-13T12:00:00.000Z',
  },
  'rosca.contribution_paid': {
    poolId: POOL,
    round: 1,
    member: BOB,
    amount: '100000000',
    penalty: '0',
    timing: 'on-time',
    paidAt: '2026-12-14T12:00:00.000Z',
  },
  'rosca.contribution_penalized': {
    poolId: POOL,
    round: 1,
    member: CAROL,
    penalty: '5000000',
    strike: 1,
    paidAt: '2026-12-17T09:00:00.000Z',
  },
  'rosca.contributions_late': {
    poolId: POOL,
    round: 1,
    members: [CAROL],
    graceEndsAt: '2026-12-16T12:00:00.000Z',
    markedAt: '2026-12-14T12:00:05.000Z',
  },
  'rosca.contribution_defaulted': {
    poolId: POOL,
    round: 2,
    member: BOB,
    fromCollateral: '60000000',
    fromHoldback: '40000000',
    strike: 1,
  },
  'rosca.payout_sent': {
    poolId: POOL,
    round: 1,
    kind: 'payout',
    recipient: ALICE,
    amount: '305000000',
    fee: '0',
    payments: [{ member: ALICE, amount: '305000000' }],
    txHash: TX,
    confirmedAt: '2026-12-16T12:00:30.000Z',
  },
  'rosca.member_departed': {
    poolId: POOL,
    member: CAROL,
    reason: 'expelled',
    round: 2,
    returnedNow: '0',
    penalty: '0',
    slashed: '60000000',
    bannedFromDao: true,
    departedAt: '2026-12-23T12:00:00.000Z',
  },
  'rosca.pool_completed': { poolId: POOL, completedAt: '2026-12-30T12:00:00.000Z' },
  'rosca.pool_dissolved': {
    poolId: POOL,
    balance: '460000000',
    refunds: [
      { member: BOB, amount: '230000000' },
      { member: CAROL, amount: '230000000' },
    ],
    dissolvedAt: '2026-12-20T12:00:00.000Z',
  },
};
