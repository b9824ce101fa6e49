import type { RecordedEvent } from '@ayllu/event-store';
import { toDiscordMessage } from '../format/discord-message';
import { mapEvent } from './map-event';
import type { SharePoolInfo } from './map-share-event';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const SAFE = '0x2546BcD3c84621e976D8185a91A922aE77ECEc30';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SUPER = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const TX = `0x${'ab'.repeat(32)}`;
const E18 = 10n ** 18n;
const AT = '2026-12-01T10:00:00.000Z';
const recorded = (type: string, data: unknown, streamId = 'share-pool-share_1'): RecordedEvent => ({
  streamId,
  version: 9,
  position: 70n,
  transactionId: 1n,
  type,
  data,
  metadata: { eventId: 'e1', causationId: null, correlationId: 'c', actor: 'system:worker', idempotencyKey: null, occurredAt: AT },
  recordedAt: new Date(),
});
const pool: SharePoolInfo = { daoId: 'dao_1', purchaseToken: TOKEN, distributionToken: SUPER };

describe('share-pool events to notifications', () => {
  it('announces a confirmed purchase to the DAO, naming the buyer, shares, cost and token', () => {
    const event = recorded('SharesPurchased', {
      key: 'purchase-0',
      buyer: A,
      shares: 2_000,
      cost: 200n * E18,
      txHash: TX,
      purchasedAt: AT,
    });
    expect(mapEvent(event, null, [], pool)).toEqual([
      {
        daoId: 'dao_1',
        type: 'share.purchase_confirmed',
        data: { poolId: 'share_1', member: A, shares: 2_000, cost: (200n * E18).toString(), token: TOKEN, txHash: TX, purchasedAt: AT },
      },
    ]);
  });

  it("pays out the seed's $1,000 example holder by holder, to the wei, with the part the pool kept", () => {
    const ledger = {
      kind: 'instant',
      amount: 1_000n * E18,
      perUnit: E18 / 10n,
      payments: [
        { holder: SAFE, shares: 3_000, amount: 300n * E18 },
        { holder: A, shares: 2_000, amount: 200n * E18 },
      ],
      paid: 500n * E18,
      availableShares: 5_000,
      kept: 500n * E18,
      leftWithDistributor: 0n,
    };
    const [mapped] = mapEvent(
      recorded('DistributionRecorded', { round: 0, index: 0, ledger, txHash: TX, recordedBy: SAFE, recordedAt: AT }),
      null,
      [],
      pool,
    );
    expect(mapped.type).toBe('share.distribution_paid');
    expect(mapped.data).toMatchObject({
      token: SUPER,
      amount: (1_000n * E18).toString(),
      payments: [
        { holder: SAFE, shares: 3_000, amount: (300n * E18).toString() },
        { holder: A, shares: 2_000, amount: (200n * E18).toString() },
      ],
      kept: (500n * E18).toString(),
    });
    const message = toDiscordMessage({
      id: 'n1',
      type: mapped.type,
      timestamp: AT,
      daoId: 'dao_1',
      logPosition: '70',
      eventId: 'e1',
      link: 'https://ayllu.example.org/daos/dao_1/share-pools/pool_1',
      data: mapped.data,
    });
    expect(JSON.stringify(message)).toContain('1K distributed pro rata to 2 holders; 500 kept by the pool');
  });

  it('names the holders whose chain units differed from the log, and says nothing of an agreeing record', () => {
    const ledger = {
      kind: 'instant',
      amount: 10_000n,
      perUnit: 1n,
      payments: [{ holder: A, shares: 2_100, amount: 2_100n }],
      paid: 2_100n,
      availableShares: 7_900,
      kept: 7_900n,
      leftWithDistributor: 0n,
    };
    const base = { round: 0, index: 0, ledger, txHash: TX, recordedBy: SAFE, recordedAt: AT };
    const [differing] = mapEvent(
      recorded('DistributionRecorded', { ...base, holdingsDisagreement: [{ holder: A, log: 2_000, chain: 2_100 }], chainBlock: 9n }),
      null,
      [],
      pool,
    );
    expect(differing.data).toMatchObject({ holdingsDisagreement: [{ holder: A, log: 2_000, chain: 2_100 }] });
    const message = toDiscordMessage({
      id: 'n2',
      type: differing.type,
      timestamp: AT,
      daoId: 'dao_1',
      logPosition: '71',
      eventId: 'e2',
      link: 'https://ayllu.example.org/daos/dao_1/share-pools/pool_1',
      data: differing.data,
    });
    expect(JSON.stringify(message)).toContain('Paid by chain units (log differed)');
    expect(JSON.stringify(message)).toContain('2100 (log 2000)');
    const [agreeing] = mapEvent(recorded('DistributionRecorded', { ...base, holdingsDisagreement: [] }), null, [], pool);
    expect(agreeing.data).not.toHaveProperty('holdingsDisagreement');
  });

  it('tells a started stream from a stopped one', () => {
    const ledger = {
      kind: 'stream',
      flowRate: 10_000n,
      perUnitRate: 1n,
      rates: [{ holder: A, shares: 7_000, rate: 7_000n }],
      paidRate: 7_000n,
      availableShares: 3_000,
      keptRate: 3_000n,
      actualFlowRate: 10_000n,
      notStreamedRate: 0n,
    };
    const started = mapEvent(
      recorded('DistributionRecorded', { round: 1, index: 1, ledger, txHash: TX, recordedBy: SAFE, recordedAt: AT }),
      null,
      [],
      pool,
    );
    expect(started.map((m) => [m.type, m.data])).toEqual([
      [
        'share.stream_started',
        {
          poolId: 'share_1',
          round: 1,
          token: SUPER,
          flowRate: '10000',
          perShareRate: '1',
          rates: [{ holder: A, shares: 7_000, rate: '7000' }],
          keptRate: '3000',
          txHash: TX,
          recordedAt: AT,
        },
      ],
    ]);
    const stopped = mapEvent(
      recorded('DistributionStreamStopped', { round: 1, txHash: TX, stoppedBy: SAFE, stoppedAt: AT }),
      null,
      [],
      pool,
    );
    expect(stopped.map((m) => m.type)).toEqual(['share.stream_stopped']);
  });

  it("announces the Safe's pause, resumption and operator change to the pool's DAO", () => {
    const map = (type: string, data: unknown) => mapEvent(recorded(type, data), null, [], pool).map((m) => [m.daoId, m.type, m.data]);
    expect(map('SharePoolPaused', { txHash: TX, pausedBy: SAFE, pausedAt: AT })).toEqual([
      ['dao_1', 'share.paused', { poolId: 'share_1', pausedBy: SAFE, txHash: TX, pausedAt: AT }],
    ]);
    expect(map('SharePoolResumed', { txHash: TX, resumedBy: SAFE, resumedAt: AT })).toEqual([
      ['dao_1', 'share.resumed', { poolId: 'share_1', resumedBy: SAFE, txHash: TX, resumedAt: AT }],
    ]);
    const changed = mapEvent(
      recorded('SharePoolOperatorChanged', { previous: null, operator: B, txHash: TX, changedBy: SAFE, changedAt: AT }),
      null,
      [],
      pool,
    );
    expect(changed.map((m) => [m.type, m.data])).toEqual([
      ['share.operator_changed', { poolId: 'share_1', previous: null, operator: B, changedBy: SAFE, txHash: TX, changedAt: AT }],
    ]);
    const message = toDiscordMessage({
      id: 'n2',
      type: changed[0].type,
      timestamp: AT,
      daoId: 'dao_1',
      logPosition: '71',
      eventId: 'e2',
      link: 'https://ayllu.example.org/daos/dao_1/share-pools/share_1',
      data: changed[0].data,
    });
    expect(JSON.stringify(message)).toContain('The deploying relayer was replaced by');
  });

  it('names crowdfunding outcomes with every contributor, and a code redemption only once its shares are granted', () => {
    const reached = mapEvent(
      recorded('CrowdfundingReached', {
        raised: 1_000n,
        target: 1_000n,
        allocations: [
          { contributor: A, amount: 600n, shares: 4_200 },
          { contributor: B, amount: 400n, shares: 2_800 },
        ],
        txHash: TX,
        reachedAt: AT,
      }),
      null,
      [],
      pool,
    );
    expect(reached[0].data).toMatchObject({
      raised: '1000',
      allocations: [{ contributor: A, amount: '600', shares: 4_200 }, { contributor: B }],
    });
    const refunded = mapEvent(
      recorded('CrowdfundingRefunded', {
        raised: 7n,
        target: 1_000n,
        refunds: [{ contributor: A, amount: 7n }],
        deferred: [],
        txHash: TX,
        refundedAt: AT,
      }),
      null,
      [],
      pool,
    );
    expect(refunded[0]).toMatchObject({
      type: 'share.crowdfunding_refunded',
      data: { refunds: [{ contributor: A, amount: '7' }], deferred: [] },
    });
    const grant = (via: string) => recorded('SharesGranted', { key: 'grant-3', to: B, shares: 25, via, txHash: TX, grantedAt: AT });
    expect(mapEvent(grant('code'), null, [], pool).map((m) => m.type)).toEqual(['share.code_redeemed']);
    expect(mapEvent(grant('request'), null, [], pool)).toEqual([]);
  });

  it('announces join decisions, and notifies nobody without the pool (or for a stream that is not a share pool)', () => {
    const approved = recorded('JoinRequestApproved', { member: A, shares: 700, txHash: TX, approvedBy: SAFE, approvedAt: AT });
    expect(mapEvent(approved, null, [], pool)).toEqual([
      {
        daoId: 'dao_1',
        type: 'share.join_approved',
        data: { poolId: 'share_1', member: A, shares: 700, approvedBy: SAFE, approvedAt: AT },
      },
    ]);
    const rejected = recorded('JoinRequestRejected', { member: B, reason: 'not yet', rejectedBy: 'admin:ops', rejectedAt: AT });
    expect(mapEvent(rejected, null, [], pool)[0]).toMatchObject({ type: 'share.join_rejected', data: { member: B, reason: 'not yet' } });
    expect(mapEvent(approved, null, [], null)).toEqual([]);
    expect(mapEvent(recorded('JoinRequestApproved', approved.data, 'rosca-rosca_1'), null, [], pool)).toEqual([]);
  });
});
