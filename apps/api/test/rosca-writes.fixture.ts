import { expect } from '@jest/globals';
import { recordDaoContractsDeployed, roscaDecider, streams, type Address, type DaoContracts, type RoscaCommand } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { getAddress, keccak256, toHex } from 'viem';
import type { TestApi } from '../../../test/support/api';
import { signIntent, type SignedActionName, type TestSigner } from '../../../test/support/signing';
import type { DaoView } from '../src/daos/dao.view';
import type { RotatingPoolCreatedView } from '../src/rotating-pools/create-pool/rotating-pool-created.view';

/** A stand-in address derived from a label (a contract the test records as deployed). */
export const labelled = (label: string): Address => getAddress(`0x${keccak256(toHex(label)).slice(26)}`);

/** A pool configuration every test can start from. */
export const POOL_CONFIG = {
  contributionAmount: '100000000000000000000',
  rotationIntervalSeconds: 7 * 24 * 3600,
  memberCount: 3,
  startDate: '2027-01-04T12:00:00Z',
  collateralPercent: 20,
} as const;

/** The rotating-pool action routes, by signed action. */
export const ROUTES: Record<string, string> = {
  'rosca-join': 'join-requests',
  'rosca-reveal': 'reveals',
  'rosca-order-vote': 'order-votes',
  'rosca-payment': 'payments',
  'rosca-bid': 'bids',
  'rosca-exit': 'exits',
  'rosca-dissolution-vote': 'dissolution-votes',
};

/**
 * The world the rotating-pool write specs act in: DAOs created over HTTP, and what the worker would record
 * (the DAO's contracts, the pool's contract, pulled collateral, organiser commands from the Safe) appended
 * with the store, as the worker does after its chain steps.
 */
export const roscaWorld = (api: TestApi) => {
  const store = new PostgresEventStore(api.db.pool);
  const system = (actor: string) => ({ actor, correlationId: 'test', occurredAt: new Date().toISOString() });

  const createDao = async (founders: readonly TestSigner[], config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Rotating', founders: founders.map((f) => f.address), ...config },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  /** Records the DAO's contracts as the worker does once deployed; returns the Safe. */
  const deployTreasury = async (daoId: string, owners: readonly TestSigner[]): Promise<Address> => {
    const contracts: DaoContracts = {
      chainId: 31337,
      safe: labelled(`${daoId}:safe`),
      timelock: labelled(`${daoId}:timelock`),
      vault: labelled(`${daoId}:vault`),
      pool: labelled(`${daoId}:pool`),
      payoutToken: labelled(`${daoId}:payout`),
      gdaForwarder: labelled('gda'),
      cfaForwarder: labelled('cfa'),
      owners: owners.map((o) => o.address),
      threshold: 1,
      timelockDelaySeconds: 3600,
      fromBlock: 1n,
    };
    const now = new Date().toISOString();
    await store.handle(
      { treasury: streams.treasury.of(daoId) },
      ({ treasury }) => ({
        treasury: recordDaoContractsDeployed(
          { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId, attached: false }, metadata: { actor: 'system:test', now } },
          treasury,
        ),
      }),
      { context: system('system:test') },
    );
    return contracts.safe;
  };

  const createPool = async (daoId: string, config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request<RotatingPoolCreatedView>('POST', `/v1/daos/${daoId}/rotating-pools`, {
      admin: true,
      body: { ...POOL_CONFIG, ...config },
    });
    expect(res.status).toBe(201);
    return res.body.poolId;
  };

  /** Runs a pool command as `actor` (the worker, or the Safe for organiser commands). */
  const record = async (poolId: string, actor: string, command: Omit<RoscaCommand, 'metadata'>) => {
    const now = new Date().toISOString();
    await store.handle(
      { rosca: streams.rosca.of(poolId) },
      ({ rosca }) => ({ rosca: roscaDecider.decide({ ...command, metadata: { now, actor } } as RoscaCommand, rosca) }),
      { context: system(actor) },
    );
  };

  const deployPool = (poolId: string) =>
    record(poolId, 'system:worker', {
      type: 'RecordRotatingPoolDeployment',
      data: { address: labelled(`${poolId}:contract`), txHash: `0x${'a'.repeat(64)}`, blockNumber: 7n },
    });

  /** The worker pulled `member`'s collateral: they are a member now. */
  const joined = (poolId: string, member: Address, collateral: bigint) =>
    record(poolId, 'system:worker', { type: 'JoinRotatingPool', data: { member, collateral } });

  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner, opts = {}) =>
    signIntent(api, daoId, action, intent, who, opts);

  const act = <T>(daoId: string, poolId: string, action: string, body: unknown) =>
    api.request<T>('POST', `/v1/daos/${daoId}/rotating-pools/${poolId}/${ROUTES[action]}`, { body });

  /** Signs `intent` for `action` on the pool and submits it. */
  const signAndAct = async <T>(
    daoId: string,
    poolId: string,
    action: SignedActionName,
    who: TestSigner,
    fields: Record<string, unknown> = {},
  ) => act<T>(daoId, poolId, action, await sign(daoId, action, { member: who.address, pool: poolId, ...fields }, who));

  const poolState = async (poolId: string) => (await store.load(streams.rosca.of(poolId))).state;
  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  return { store, createDao, deployTreasury, createPool, record, deployPool, joined, sign, act, signAndAct, poolState, eventCount };
};

export type RoscaWorld = ReturnType<typeof roscaWorld>;
