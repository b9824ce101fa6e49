import { expect } from '@jest/globals';
import { sharePoolDecider, streams, type Address, type SharePoolCommand } from '@ayllu/domain';
import { LogProcessor } from '../../worker/src/processing/log-processor';
import { PROJECTIONS } from '../../worker/src/projections/projections';
import type { TestApi } from '../../../test/support/api';
import { signIntent, type SignedActionName, type TestSigner } from '../../../test/support/signing';
import type { SharePoolCreatedView } from '../src/share-pools/create-pool/share-pool-created.view';
import { labelled, roscaWorld } from './rosca-writes.fixture';

/** A buy pool every test can start from: 3,000 shares to the creator, 1 token (10^18 wei) a share. */
export const SHARE_POOL_CONFIG = {
  name: 'Token Studio community solar',
  ticker: 'SOLAR',
  wayToAccess: 'buy',
  creatorShares: 3000,
  pricePerShare: '1000000000000000000',
  purchaseToken: labelled('purchase-token'),
} as const;

/** The share-pool action routes, by signed action. */
export const SHARE_ROUTES: Record<string, string> = {
  'share-purchase': 'purchases',
  'share-join': 'join-requests',
  'share-code': 'code-redemptions',
  'share-transfer': 'transfers',
  'share-contribution': 'contributions',
  'share-stake': 'stakes',
  'share-unstake': 'unstakes',
};

export const txHash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;

/**
 * The world the share-pool specs act in: DAOs over HTTP (roscaWorld's), pools created over HTTP, and what the
 * worker or the Safe would record (deployment, confirmed chain calls, the Safe's assignments and distributions)
 * appended with the store, as they do after their chain steps.
 */
export const shareWorld = (api: TestApi) => {
  const base = roscaWorld(api);
  const { store } = base;

  const createSharePool = async (daoId: string, config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request<SharePoolCreatedView>('POST', `/v1/daos/${daoId}/share-pools`, {
      admin: true,
      body: { ...SHARE_POOL_CONFIG, ...config },
    });
    expect(res.status).toBe(201);
    return res.body.poolId;
  };

  /** Runs a pool command as `actor` (the worker, or the Safe). */
  const recordShare = async (poolId: string, actor: string, command: Omit<SharePoolCommand, 'metadata'>) => {
    const now = new Date().toISOString();
    const { events } = await store.handle(
      { sharePool: streams.sharePool.of(poolId) },
      ({ sharePool }) => ({ sharePool: sharePoolDecider.decide({ ...command, metadata: { now, actor } } as SharePoolCommand, sharePool) }),
      { context: { actor, correlationId: 'test', occurredAt: now } },
    );
    return events.sharePool ?? [];
  };

  const deploySharePool = (poolId: string) =>
    recordShare(poolId, 'system:worker', {
      type: 'RecordSharePoolDeployment',
      data: { address: labelled(`${poolId}:contract`), gdaPool: labelled(`${poolId}:gda`), txHash: txHash(1), blockNumber: 7n },
    });

  /** The worker's keyed chain call for `key` went through. */
  const confirm = (poolId: string, key: string, n: number) =>
    recordShare(poolId, 'system:worker', { type: 'ConfirmSharePoolAction', data: { key, txHash: txHash(n) } });

  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner, opts = {}) =>
    signIntent(api, daoId, action, intent, who, opts);

  const actOn = <T>(daoId: string, poolId: string, action: string, body: unknown) =>
    api.request<T>('POST', `/v1/daos/${daoId}/share-pools/${poolId}/${SHARE_ROUTES[action]}`, { body });

  const signAndActOn = async <T>(
    daoId: string,
    poolId: string,
    action: SignedActionName,
    who: TestSigner,
    fields: Record<string, unknown> = {},
  ) => actOn<T>(daoId, poolId, action, await sign(daoId, action, { member: who.address, pool: poolId, ...fields }, who));

  /** The worker's projections caught up with the log (read models). */
  const runner = new LogProcessor(api.db.pool, store, PROJECTIONS, { batchSize: 50 });
  const project = () => runner.catchUp();

  const sharePoolState = async (poolId: string) => (await store.load(streams.sharePool.of(poolId))).state;

  return { ...base, createSharePool, recordShare, deploySharePool, confirm, sign, actOn, signAndActOn, sharePoolState, project, runner };
};

export type ShareWorld = ReturnType<typeof shareWorld>;
export type { Address };
