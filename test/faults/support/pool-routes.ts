import type { Address } from '@ayllu/domain';
import { DAO_ADMINS } from './admin-credentials';
import { poolAccess, secretOf } from './pool-access';
import type { WriteRoute } from './write-route';

const admin = DAO_ADMINS;
const DEADLINE = '2030-01-01T00:00:00Z';
const share = (w: { daoId: string }, extra: Record<string, string>, tail: string) =>
  `/v1/daos/${w.daoId}/share-pools/${extra.poolId}/${tail}`;
const rotating = (w: { daoId: string }, extra: Record<string, string>, tail: string) =>
  `/v1/daos/${w.daoId}/rotating-pools/${extra.poolId}/${tail}`;
const noPrice = { pricePerShare: undefined, purchaseToken: undefined };

/**
 * Share pools and rotating pools. Their pools here are private (share pools) or the DAO's own (rotating pools), so a
 * member's signed action is the DAO's ACTIVE member's alone; a public share pool takes any wallet. Admin decisions
 * are the DAO admins'. No chain runs here, so the Safe's creator and organiser actions cannot read the Safe's nonce:
 * the admin's ask is one the pool refuses first (resuming a running pool, 409), everyone else's is refused at the door.
 */
export const POOL_ROUTES: readonly WriteRoute[] = [
  {
    name: 'create share pool',
    method: 'POST',
    prepare: async (api, w) => {
      await poolAccess(api, w).deployTreasury();
      return {};
    },
    path: (w) => `/v1/daos/${w.daoId}/share-pools`,
    body: () => ({ name: 'Matrix', ticker: 'MTX', wayToAccess: 'request', creatorShares: 3000 }),
    allowed: admin,
  },
  {
    name: 'share pool creator action',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool() }),
    path: (w, x) => share(w, x, 'creator-actions'),
    body: () => ({ action: 'resume' }),
    allowed: [],
  },
  {
    name: 'generate share codes',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool({ wayToAccess: 'codes', ...noPrice }) }),
    path: (w, x) => share(w, x, 'codes'),
    body: () => ({ count: 1, shares: 10 }),
    allowed: admin,
  },
  {
    name: 'revoke share codes',
    method: 'POST',
    prepare: async (api, w) => {
      const poolId = await poolAccess(api, w).sharePool({ wayToAccess: 'codes', ...noPrice });
      const res = await api.request<{ codes: { codeHash: string }[] }>('POST', `/v1/daos/${w.daoId}/share-pools/${poolId}/codes`, {
        admin: true,
        body: { count: 1, shares: 10 },
      });
      return { poolId, codeHash: res.body.codes[0].codeHash };
    },
    path: (w, x) => share(w, x, 'codes/revocations'),
    body: (_w, x) => ({ codeHashes: [x.codeHash] }),
    allowed: admin,
  },
  {
    name: 'share code QR',
    method: 'POST',
    prepare: async (api, w) => {
      const poolId = await poolAccess(api, w).sharePool({ wayToAccess: 'codes', ...noPrice });
      const res = await api.request<{ codes: { code: string }[] }>('POST', `/v1/daos/${w.daoId}/share-pools/${poolId}/codes`, {
        admin: true,
        body: { count: 1, shares: 10 },
      });
      return { poolId, code: res.body.codes[0].code };
    },
    path: (w, x) => share(w, x, 'codes/qr'),
    body: (_w, x) => ({ code: x.code }),
    allowed: admin,
  },
  {
    name: 'reject share join request',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const poolId = await pools.sharePool({ wayToAccess: 'request', ...noPrice });
      const member = w.signers.member.address;
      await pools.share(poolId, member, { type: 'RequestToJoinSharePool', data: { member } });
      return { poolId };
    },
    path: (w, x) => share(w, x, `join-requests/${w.signers.member.address}/rejection`),
    body: () => ({ reason: 'matrix' }),
    allowed: admin,
  },
  {
    name: 'complete share distribution round',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const poolId = await pools.sharePool();
      await pools.share(poolId, pools.safe, {
        type: 'RecordDistribution',
        data: { distribution: { kind: 'instant', amount: 10_000n }, txHash: `0x${'c'.repeat(64)}` },
      });
      return { poolId };
    },
    path: (w, x) => share(w, x, 'rounds/completion'),
    allowed: admin,
  },
  {
    name: 'delete share pool',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool() }),
    path: (w, x) => share(w, x, 'deletion'),
    body: () => ({ reason: 'matrix' }),
    allowed: admin,
  },
  {
    name: 'share purchase',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool() }),
    path: (w, x) => share(w, x, 'purchases'),
    signed: { action: 'share-purchase', intent: (_w, a, x) => ({ member: a, pool: x.poolId, shares: 10 }) },
    allowed: ['member'],
  },
  {
    name: 'share purchase (public pool)',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool({ visibility: 'public' }) }),
    path: (w, x) => share(w, x, 'purchases'),
    signed: { action: 'share-purchase', intent: (_w, a, x) => ({ member: a, pool: x.poolId, shares: 10 }) },
    // A public pool takes any wallet; the DAO's membership does not enter into it.
    allowed: ['member', 'pending', 'suspended', 'removed', 'treasurer', 'non-owner signer'],
  },
  {
    name: 'share join request',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).sharePool({ wayToAccess: 'request', ...noPrice }) }),
    path: (w, x) => share(w, x, 'join-requests'),
    signed: { action: 'share-join', intent: (_w, a, x) => ({ member: a, pool: x.poolId }) },
    allowed: ['member'],
  },
  {
    name: 'share code redemption',
    method: 'POST',
    prepare: async (api, w) => {
      const poolId = await poolAccess(api, w).sharePool({ wayToAccess: 'codes', ...noPrice });
      const res = await api.request<{ codes: { code: string }[] }>('POST', `/v1/daos/${w.daoId}/share-pools/${poolId}/codes`, {
        admin: true,
        body: { count: 1, shares: 10 },
      });
      return { poolId, code: res.body.codes[0].code };
    },
    path: (w, x) => share(w, x, 'code-redemptions'),
    signed: { action: 'share-code', intent: (_w, a, x) => ({ member: a, pool: x.poolId, code: x.code }) },
    allowed: ['member'],
  },
  {
    name: 'share transfer',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const poolId = await pools.sharePool({ transfersAllowed: true });
      await pools.share(poolId, pools.safe, {
        type: 'AssignShares',
        data: { to: w.signers.member.address, shares: 100, txHash: `0x${'d'.repeat(64)}` },
      });
      return { poolId };
    },
    path: (w, x) => share(w, x, 'transfers'),
    signed: {
      action: 'share-transfer',
      intent: (w, a, x) => ({ member: a, pool: x.poolId, to: w.signers.treasurer.address, shares: 10 }),
    },
    // Only the holder's own shares move.
    allowed: ['member'],
  },
  {
    name: 'share contribution',
    method: 'POST',
    prepare: async (api, w) => ({
      poolId: await poolAccess(api, w).sharePool({
        wayToAccess: 'crowdfunding',
        pricePerShare: undefined,
        crowdfunding: { target: '1000000', deadline: DEADLINE },
      }),
    }),
    path: (w, x) => share(w, x, 'contributions'),
    signed: { action: 'share-contribution', intent: (_w, a, x) => ({ member: a, pool: x.poolId, amount: '100' }) },
    allowed: ['member'],
  },
  {
    name: 'share stake',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return {
        poolId: await pools.sharePool({ wayToAccess: 'staking', ...noPrice, staking: { token: pools.token, ratePerTokenSecond: '1000' } }),
      };
    },
    path: (w, x) => share(w, x, 'stakes'),
    signed: { action: 'share-stake', intent: (_w, a, x) => ({ member: a, pool: x.poolId, amount: '100' }) },
    allowed: ['member'],
  },
  {
    name: 'share unstake',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const poolId = await pools.sharePool({
        wayToAccess: 'staking',
        ...noPrice,
        staking: { token: pools.token, ratePerTokenSecond: '1000' },
      });
      const member = w.signers.member.address;
      await pools.share(poolId, member, { type: 'Stake', data: { member, amount: 100n } });
      await pools.share(poolId, 'system:worker', {
        type: 'ConfirmSharePoolAction',
        data: { key: 'stake-0', txHash: `0x${'e'.repeat(64)}` },
      });
      return { poolId };
    },
    path: (w, x) => share(w, x, 'unstakes'),
    signed: { action: 'share-unstake', intent: (_w, a, x) => ({ member: a, pool: x.poolId, amount: '100' }) },
    // Only the staker's own tokens come back.
    allowed: ['member'],
  },
  {
    name: 'create rotating pool',
    method: 'POST',
    prepare: async (api, w) => {
      await poolAccess(api, w).deployTreasury();
      return {};
    },
    path: (w) => `/v1/daos/${w.daoId}/rotating-pools`,
    body: () => ({
      contributionAmount: '100000000000000000000',
      rotationIntervalSeconds: 604800,
      memberCount: 3,
      startDate: '2027-01-04T12:00:00Z',
    }),
    allowed: admin,
  },
  {
    name: 'rotating pool organiser action',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return { poolId: await pools.rotatingPool([w.signers.member.address, ...pools.others(1)]) };
    },
    path: (w, x) => rotating(w, x, 'organiser-actions'),
    body: () => ({ action: 'resume' }),
    allowed: [],
  },
  {
    name: 'rotating pool join',
    method: 'POST',
    prepare: async (api, w) => ({ poolId: await poolAccess(api, w).rotatingPool([], {}, 3) }),
    path: (w, x) => rotating(w, x, 'join-requests'),
    signed: { action: 'rosca-join', intent: (_w, a, x) => ({ member: a, pool: x.poolId }) },
    allowed: ['member'],
  },
  {
    name: 'rotating pool lottery reveal',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return { poolId: await pools.rotatingPool([w.signers.member.address, ...pools.others(1)], { rotationMethod: 'lottery' }) };
    },
    path: (w, x) => rotating(w, x, 'reveals'),
    signed: { action: 'rosca-reveal', intent: (_w, a, x) => ({ member: a, pool: x.poolId, secret: secretOf(a) }) },
    allowed: ['member'],
  },
  {
    name: 'rotating pool order vote',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const [other] = pools.others(1) as [Address];
      return { poolId: await pools.rotatingPool([w.signers.member.address, other], { rotationMethod: 'consensus' }), other };
    },
    path: (w, x) => rotating(w, x, 'order-votes'),
    signed: {
      action: 'rosca-order-vote',
      intent: (w, a, x) => ({ member: a, pool: x.poolId, order: [w.signers.member.address, x.other] }),
    },
    allowed: ['member'],
  },
  {
    name: 'rotating pool early payment',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return { poolId: await pools.rotatingPool([w.signers.member.address, ...pools.others(1)]) };
    },
    path: (w, x) => rotating(w, x, 'payments'),
    signed: { action: 'rosca-payment', intent: (_w, a, x) => ({ member: a, pool: x.poolId, round: 0 }) },
    allowed: ['member'],
  },
  {
    name: 'rotating pool bid',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return { poolId: await pools.rotatingPool([w.signers.member.address, ...pools.others(1)], { rotationMethod: 'bidding' }) };
    },
    path: (w, x) => rotating(w, x, 'bids'),
    signed: { action: 'rosca-bid', intent: (_w, a, x) => ({ member: a, pool: x.poolId, round: 0, discountBps: 500 }) },
    allowed: ['member'],
  },
  {
    name: 'rotating pool exit',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      return { poolId: await pools.rotatingPool([w.signers.member.address, ...pools.others(2)]) };
    },
    path: (w, x) => rotating(w, x, 'exits'),
    signed: { action: 'rosca-exit', intent: (_w, a, x) => ({ member: a, pool: x.poolId }) },
    allowed: ['member'],
  },
  {
    name: 'rotating pool dissolution vote',
    method: 'POST',
    prepare: async (api, w) => {
      const pools = poolAccess(api, w);
      const poolId = await pools.rotatingPool([w.signers.member.address, ...pools.others(2)]);
      await pools.rosca(poolId, pools.safe, { type: 'PauseRotatingPool', data: { reason: 'matrix' } });
      return { poolId };
    },
    path: (w, x) => rotating(w, x, 'dissolution-votes'),
    signed: { action: 'rosca-dissolution-vote', intent: (_w, a, x) => ({ member: a, pool: x.poolId }) },
    allowed: ['member'],
  },
];
