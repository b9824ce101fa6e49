import { randomUUID } from 'node:crypto';
import {
  lotteryCommitment,
  recordDaoContractsDeployed,
  roscaDecider,
  sharePoolDecider,
  streams,
  type Address,
  type DaoContracts,
  type Hash,
  type RoscaCommand,
  type SharePoolCommand,
} from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { getAddress, keccak256, toHex } from 'viem';
import type { TestApi } from '../../support/api';
import { labelledAccounts } from '../../support/signing';
import type { AccessWorld } from './access-world';

/** A stand-in address derived from a label (a contract recorded as deployed: no chain runs in the matrix). */
const labelled = (label: string): Address => getAddress(`0x${keccak256(toHex(label)).slice(26)}`);
const tx = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

/** The lottery secret a member of the matrix's rotating pools commits to and reveals. */
export const secretOf = (address: string): Hash => `0x${address.slice(2).toLowerCase().padEnd(64, '7')}`;

/**
 * What the share-pool and rotating-pool routes act on, made in an access world's DAO: its contracts recorded as
 * deployed (pools need the Safe as creator or organiser), pools created over the admin API, and what the worker or
 * the Safe would record after their chain steps (a deployment, a confirmed stake, an assignment, a join) appended to
 * the log as they append it. Share pools are private, so only the DAO's ACTIVE members act on them.
 */
export const poolAccess = (api: TestApi, w: AccessWorld) => {
  const store = new PostgresEventStore(api.db.pool);
  const context = (actor: string) => ({ actor, correlationId: randomUUID(), occurredAt: new Date().toISOString() });
  const meta = (actor: string) => ({ actor, now: new Date().toISOString() });
  const safe = labelled(`${w.daoId}:safe`);
  const token = labelled('matrix-token');
  let deployed = false;

  const deployTreasury = async (): Promise<Address> => {
    if (deployed) return safe;
    const contracts: DaoContracts = {
      chainId: 31337,
      safe,
      timelock: labelled(`${w.daoId}:timelock`),
      vault: labelled(`${w.daoId}:vault`),
      pool: labelled(`${w.daoId}:pool`),
      payoutToken: labelled(`${w.daoId}:payout`),
      gdaForwarder: labelled('gda'),
      cfaForwarder: labelled('cfa'),
      owners: [w.signers.treasurer.address],
      threshold: 1,
      timelockDelaySeconds: 3600,
      fromBlock: 1n,
    };
    await store.handle(
      { treasury: streams.treasury.of(w.daoId) },
      ({ treasury }) => ({
        treasury: recordDaoContractsDeployed(
          { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId: w.daoId, attached: false }, metadata: meta('system:test') },
          treasury,
        ),
      }),
      { context: context('system:test') },
    );
    deployed = true;
    return safe;
  };

  const share = async (poolId: string, actor: string, command: Omit<SharePoolCommand, 'metadata'>) => {
    await store.handle(
      { pool: streams.sharePool.of(poolId) },
      ({ pool }) => ({ pool: sharePoolDecider.decide({ ...command, metadata: meta(actor) } as SharePoolCommand, pool) }),
      { context: context(actor) },
    );
  };

  const rosca = async (poolId: string, actor: string, command: Omit<RoscaCommand, 'metadata'>) => {
    await store.handle(
      { pool: streams.rosca.of(poolId) },
      ({ pool }) => ({ pool: roscaDecider.decide({ ...command, metadata: meta(actor) } as RoscaCommand, pool) }),
      { context: context(actor) },
    );
  };

  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    await deployTreasury();
    const res = await api.request<{ poolId: string }>('POST', `/v1/daos/${w.daoId}/${path}`, { admin: true, body });
    if (res.status !== 201) throw new Error(`creating a pool answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.poolId;
  };

  /** A deployed private share pool (a buy pool unless `config` says otherwise). */
  const sharePool = async (config: Record<string, unknown> = {}): Promise<string> => {
    const poolId = await created('share-pools', {
      name: 'Matrix pool',
      ticker: 'MTX',
      visibility: 'private',
      wayToAccess: 'buy',
      creatorShares: 3000,
      pricePerShare: '1000',
      purchaseToken: token,
      ...config,
    });
    await share(poolId, 'system:worker', {
      type: 'RecordSharePoolDeployment',
      data: { address: labelled(`${poolId}:contract`), gdaPool: labelled(`${poolId}:gda`), txHash: tx(1), blockNumber: 7n },
    });
    return poolId;
  };

  /** A deployed rotating pool whose collateral-free members the worker recorded as joined (with a lottery commitment if asked). */
  const rotatingPool = async (members: readonly Address[], config: Record<string, unknown> = {}, memberCount = members.length) => {
    const poolId = await created('rotating-pools', {
      contributionAmount: '100000000000000000000',
      rotationIntervalSeconds: 7 * 24 * 3600,
      memberCount,
      startDate: '2027-01-04T12:00:00Z',
      collateralPercent: 0,
      ...config,
    });
    await rosca(poolId, 'system:worker', {
      type: 'RecordRotatingPoolDeployment',
      data: { address: labelled(`${poolId}:contract`), txHash: tx(2), blockNumber: 7n },
    });
    const lottery = config.rotationMethod === 'lottery';
    for (const member of members)
      await rosca(poolId, 'system:worker', {
        type: 'JoinRotatingPool',
        data: { member, collateral: 0n, ...(lottery ? { commitment: lotteryCommitment(secretOf(member), member) } : {}) },
      });
    return poolId;
  };

  /** Accounts outside the DAO that fill a rotating pool beside the member. */
  const others = (n: number): Address[] => labelledAccounts(`pool-others-${w.daoId}`, n).map((a) => a.address);

  return { safe, token, deployTreasury, share, rosca, sharePool, rotatingPool, others };
};
