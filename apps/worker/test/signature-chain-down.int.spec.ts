import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { privateKeyToAccount } from 'viem/accounts';
import { keccak256, toHex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, passProposal, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(180_000);

describe('A treasurer signs while the chain does not answer', () => {
  let world: ExecutionWorld;
  const apps: NestFastifyApplication[] = [];
  const apiOn = async (rpcUrl: string) => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: rpcUrl });
    const app = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'chain-down-test-admin-key-0123456789' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  };
  beforeAll(async () => {
    world = await startExecutionWorld();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await world?.stop();
  });

  it('gets 503 with Retry-After and nothing recorded, then succeeds once the chain answers', async () => {
    await world.startDriver();
    const dao = await createDao(world);
    const proposalId = await passProposal(world, dao.daoId, 'ADD_MEMBER', {
      member: privateKeyToAccount(keccak256(toHex('chain-down:newcomer'))).address,
    });
    const live = treasurersOf(world, await apiOn(world.devChain.rpcUrl), dao);
    const { safeTxHash } = await live.pendingTx(proposalId);
    const signature = await live.signature(world.treasurers[0], safeTxHash);

    const downBase = await apiOn('http://127.0.0.1:9'); // nothing listens there
    const res = await fetch(`${downBase}/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signer: world.treasurers[0].address, signature }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { code: string }).code).toBe('CHAIN.UNAVAILABLE');
    const view = await live.get<{ signedBy: string[] }>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    expect(view.signedBy).toEqual([]);

    const accepted = await live.sign(world.treasurers[0], safeTxHash);
    expect(accepted.status).toBe(200);
  });
});
