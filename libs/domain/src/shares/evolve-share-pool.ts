import type { Address } from '../shared/address';
import { assertNever } from '../shared/decider';
import type { Hash } from '../shared/hex';
import { evolveSharePoolFunds, type FundsEvent } from './evolve-share-pool-funds';
import { moveShares, settlePending, withPending } from './share-pool-moves';
import { TOTAL_SHARES } from './share-pool-configuration';
import type { SharePoolEvent } from './share-pool-events';
import type { ExistingSharePool, ShareCode, SharePoolState } from './share-pool-state';

/** Events are facts: a history that does not fit is a bug, and folding it throws. */
export const existingFor = (state: SharePoolState, type: string): ExistingSharePool => {
  if (state.status === 'ABSENT') throw new Error(`${type} on an absent share pool`);
  return state;
};

const withCode = (state: ExistingSharePool, codeHash: Hash, change: Partial<ShareCode>): ExistingSharePool => {
  const code = state.codes.get(codeHash);
  if (!code) throw new Error(`No share code ${codeHash}`);
  return { ...state, codes: new Map(state.codes).set(codeHash, { ...code, ...change }) };
};

const withoutJoinRequest = (state: ExistingSharePool, member: Address): ExistingSharePool => {
  const joinRequests = new Map(state.joinRequests);
  joinRequests.delete(member);
  return { ...state, joinRequests };
};

export const evolveSharePool = (state: SharePoolState, event: SharePoolEvent): SharePoolState => {
  switch (event.type) {
    case 'SharePoolCreated': {
      const { configuration } = event.data;
      const holdings = new Map<Address, number>();
      if (configuration.creatorShares > 0) holdings.set(configuration.creator, configuration.creatorShares);
      return {
        status: 'CREATED',
        poolId: event.data.poolId,
        configuration,
        createdAt: event.data.createdAt,
        contract: null,
        gdaPool: null,
        contractBlock: null,
        holdings,
        available: TOTAL_SHARES - configuration.creatorShares,
        reserved: 0,
        pending: new Map(),
        nextKey: 0,
        joinRequests: new Map(),
        codes: new Map(),
        crowdfunding: configuration.crowdfunding ? { contributions: new Map(), raised: 0n, outcome: null } : null,
        stakes: new Map(),
        round: null,
        distributions: 0,
        proceeds: 0n,
        deleted: null,
        paused: false,
        operator: null,
      };
    }
    case 'SharePoolDeployed': {
      const { address, gdaPool, blockNumber, operator } = event.data;
      return { ...existingFor(state, event.type), contract: address, gdaPool, contractBlock: blockNumber, operator: operator ?? null };
    }
    case 'SharePurchaseRequested': {
      const { key, buyer, shares, cost } = event.data;
      return withPending(existingFor(state, event.type), { kind: 'purchase', key, buyer, shares, cost }, shares);
    }
    case 'SharesPurchased': {
      const settled = settlePending(existingFor(state, event.type), event.data.key, 'purchase', (a) => a.shares);
      const next = moveShares(settled.state, null, settled.action.buyer, settled.action.shares);
      return { ...next, proceeds: next.proceeds + settled.action.cost };
    }
    case 'SharePurchaseFailed':
      return settlePending(existingFor(state, event.type), event.data.key, 'purchase', (a) => a.shares).state;
    case 'SharePoolJoinRequested': {
      const s = existingFor(state, event.type);
      return { ...s, joinRequests: new Map(s.joinRequests).set(event.data.member, { requestedAt: event.data.requestedAt }) };
    }
    case 'JoinRequestApproved':
      // The shares moved with the Safe's assignment (SharesAssigned, just before): the request is closed.
      return withoutJoinRequest(existingFor(state, event.type), event.data.member);
    case 'JoinRequestRejected':
      return withoutJoinRequest(existingFor(state, event.type), event.data.member);
    case 'SharesAssigned':
      return moveShares(existingFor(state, event.type), null, event.data.to, event.data.shares);
    case 'ShareCodesGenerated': {
      const s = existingFor(state, event.type);
      const codes = new Map(s.codes);
      let reserve = 0;
      for (const { codeHash, shares } of event.data.codes) {
        codes.set(codeHash, { shares, status: 'outstanding', redeemedBy: null });
        reserve += shares;
      }
      return { ...s, codes, reserved: s.reserved + reserve };
    }
    case 'ShareCodesRevoked': {
      let s = existingFor(state, event.type);
      for (const codeHash of event.data.codeHashes) {
        const code = s.codes.get(codeHash);
        if (code?.status !== 'outstanding') throw new Error(`Share code ${codeHash} is not outstanding`);
        s = { ...withCode(s, codeHash, { status: 'revoked' }), reserved: s.reserved - code.shares };
      }
      return s;
    }
    case 'ShareCodeRedeemed': {
      const { key, codeHash, member, shares } = event.data;
      // The code's reservation passes to the grant: nothing is reserved twice.
      const s = withCode(existingFor(state, event.type), codeHash, { status: 'redeeming', redeemedBy: member });
      return withPending(s, { kind: 'grant', key, to: member, shares, via: 'code', codeHash }, 0);
    }
    case 'SharesGranted': {
      const settled = settlePending(existingFor(state, event.type), event.data.key, 'grant', (a) => a.shares);
      const { to, shares, codeHash } = settled.action;
      const next = moveShares(settled.state, null, to, shares);
      return codeHash === null ? next : withCode(next, codeHash, { status: 'redeemed' });
    }
    case 'ShareGrantFailed': {
      const s = existingFor(state, event.type);
      const grant = s.pending.get(event.data.key);
      // A code whose grant failed is outstanding again, still reserving its shares.
      if (grant?.kind === 'grant' && grant.codeHash !== null) {
        const settled = settlePending(s, event.data.key, 'grant', () => 0);
        return withCode(settled.state, grant.codeHash, { status: 'outstanding', redeemedBy: null });
      }
      return settlePending(s, event.data.key, 'grant', (a) => a.shares).state;
    }
    case 'ShareTransferRequested': {
      const { key, from, to, shares } = event.data;
      return withPending(existingFor(state, event.type), { kind: 'transfer', key, from, to, shares }, 0);
    }
    case 'SharesTransferred': {
      const settled = settlePending(existingFor(state, event.type), event.data.key, 'transfer', () => 0);
      return moveShares(settled.state, settled.action.from, settled.action.to, settled.action.shares);
    }
    case 'ShareTransferFailed':
      return settlePending(existingFor(state, event.type), event.data.key, 'transfer', () => 0).state;
    case 'SharePoolPaused':
      return { ...existingFor(state, event.type), paused: true };
    case 'SharePoolResumed':
      return { ...existingFor(state, event.type), paused: false };
    case 'SharePoolOperatorChanged':
      return { ...existingFor(state, event.type), operator: event.data.operator };
    case 'SharePoolDeleted': {
      const s = existingFor(state, event.type);
      return { ...s, deleted: { reason: event.data.reason, deletedAt: event.data.deletedAt } };
    }
    case 'ContributionRequested':
    case 'ContributionEscrowed':
    case 'ContributionFailed':
    case 'CrowdfundingReached':
    case 'CrowdfundingRefunded':
    case 'StakeRequested':
    case 'Staked':
    case 'StakeFailed':
    case 'UnstakeRequested':
    case 'Unstaked':
    case 'UnstakeFailed':
    case 'StakeSharesAccrued':
    case 'DistributionRecorded':
    case 'DistributionStreamStopped':
    case 'DistributionRoundCompleted':
      return evolveSharePoolFunds(existingFor(state, event.type), event satisfies FundsEvent);
    default:
      return assertNever(event);
  }
};
