import { randomUUID } from 'node:crypto';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { startPrivateDevChain } from '../../../test/chain/dev-chain';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { findOrphanedDaos } from '../src/execution/orphaned-daos';

jest.setTimeout(120_000);

describe('DAOs left behind by a restarted development chain', () => {
  let db: TestDatabase;
  let chain: Awaited<ReturnType<typeof startPrivateDevChain>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    chain = await startPrivateDevChain();
  });
  afterAll(async () => {
    await chain?.stop();
    await db?.drop();
  });

  it('are the ones whose Safe has no code on the chain the platform now runs on', async () => {
    const store = new PostgresEventStore(db.pool);
    const deployed = async (daoId: string, safe: string, chainId: number) =>
      store.append(
        [
          {
            streamId: streams.treasury.of(daoId).streamId,
            expectedVersion: 'any',
            events: [
              { type: 'DaoContractsDeployed', data: { daoId, chainId, safe, attached: false, deployedAt: new Date().toISOString() } },
            ],
          },
        ],
        { actor: 'system:test', correlationId: randomUUID(), occurredAt: new Date().toISOString() },
      );
    const { devChain, clients } = chain;
    await deployed('dao_alive', devChain.safe.safeSingleton, devChain.chainId); // code there
    await deployed('dao_gone', devChain.deployer, devChain.chainId); // an account with no code
    await deployed('dao_elsewhere', devChain.deployer, 8453); // another chain: not this one's to judge
    expect(await findOrphanedDaos(db.pool, clients.public, devChain.chainId)).toEqual([{ daoId: 'dao_gone', safe: devChain.deployer }]);
  });
});
