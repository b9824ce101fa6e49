import type { ShareNotificationData } from './share-notification-types';

const POOL = 'share_0193a1b2c3d4e5f6a7b8c9d0';
const SAFE = '0x2546BcD3c84621e976D8185a91A922aE77ECEc30';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CAROL = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SUPER = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const TX = '0x4a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f8d2f4c0b6a1e9d3f7c5b2a4e6d8f';
const E18 = '000000000000000000';

/** One example `data` per share-pool type (see NOTIFICATION_EXAMPLES): the seed's holders and $1,000 distribution. */
export const SHARE_NOTIFICATION_EXAMPLES: { readonly [T in keyof ShareNotificationData]: ShareNotificationData[T] } = {
  'share.purchase_confirmed': {
    poolId: POOL,
    member: ALICE,
    shares: 2_000,
    cost: `200${E18}`,
    token: TOKEN,
    txHash: TX,
    purchasedAt: '2026-12-01T12:00:00.000Z',
  },
  'share.join_approved': { poolId: POOL, member: BOB, shares: 1_500, approvedBy: SAFE, approvedAt: '2026-12-01T13:00:00.000Z' },
  'share.join_rejected': {
    poolId: POOL,
    member: CAROL,
    reason: 'Not on the allowlist for this round',
    rejectedBy: 'admin-key:key_01',
    rejectedAt: '2026-12-01T13:05:00.000Z',
  },
  'share.code_redeemed': { poolId: POOL, member: CAROL, shares: 500, txHash: TX, redeemedAt: '2026-12-01T14:00:00.000Z' },
  'share.crowdfunding_reached': {
    poolId: POOL,
    raised: `1000${E18}`,
    target: `1000${E18}`,
    token: TOKEN,
    allocations: [
      { contributor: ALICE, amount: `600${E18}`, shares: 4_200 },
      { contributor: BOB, amount: `400${E18}`, shares: 2_800 },
    ],
    txHash: TX,
    reachedAt: '2026-12-03T09:00:00.000Z',
  },
  'share.crowdfunding_refunded': {
    poolId: POOL,
    raised: `423${E18}`,
    target: `1000${E18}`,
    token: TOKEN,
    refunds: [
      { contributor: ALICE, amount: `300${E18}` },
      { contributor: BOB, amount: `123${E18}` },
    ],
    deferred: [],
    txHash: TX,
    refundedAt: '2026-12-08T12:00:00.000Z',
  },
  'share.distribution_paid': {
    poolId: POOL,
    round: 0,
    token: SUPER,
    amount: `1000${E18}`,
    perShare: '100000000000000000',
    payments: [
      { holder: SAFE, shares: 3_000, amount: `300${E18}` },
      { holder: ALICE, shares: 2_000, amount: `200${E18}` },
      { holder: BOB, shares: 1_500, amount: `150${E18}` },
      { holder: CAROL, shares: 500, amount: `50${E18}` },
    ],
    kept: `300${E18}`,
    leftWithDistributor: '0',
    txHash: TX,
    recordedAt: '2026-12-10T12:00:00.000Z',
  },
  'share.stream_started': {
    poolId: POOL,
    round: 1,
    token: SUPER,
    flowRate: '10000000000000000',
    perShareRate: '1000000000000',
    rates: [
      { holder: SAFE, shares: 3_000, rate: '3000000000000000' },
      { holder: ALICE, shares: 2_000, rate: '2000000000000000' },
      { holder: BOB, shares: 1_500, rate: '1500000000000000' },
      { holder: CAROL, shares: 500, rate: '500000000000000' },
    ],
    keptRate: '3000000000000000',
    txHash: TX,
    recordedAt: '2026-12-11T12:00:00.000Z',
  },
  'share.stream_stopped': { poolId: POOL, round: 1, token: SUPER, txHash: TX, stoppedAt: '2026-12-18T12:00:00.000Z' },
  'share.paused': { poolId: POOL, pausedBy: SAFE, txHash: TX, pausedAt: '2026-12-19T09:00:00.000Z' },
  'share.resumed': { poolId: POOL, resumedBy: SAFE, txHash: TX, resumedAt: '2026-12-20T09:00:00.000Z' },
  'share.operator_changed': {
    poolId: POOL,
    previous: CAROL,
    operator: BOB,
    changedBy: SAFE,
    txHash: TX,
    changedAt: '2026-12-21T09:00:00.000Z',
  },
};
