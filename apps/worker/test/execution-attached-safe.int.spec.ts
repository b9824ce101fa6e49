import { deploySafe, devChainProfile, safeAbi, type SelectedNetwork } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getAddress, keccak256, toHex, type Address } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import {
  eventsOf,
  passProposal,
  readModelsAndRebuild,
  startExecutionWorld,
  TIMELOCK_DELAY,
  waitFor,
  type ExecutionWorld,
} from './execution-harness';
import { treasurersOf, type SafeTransactionListItem } from './execution-treasurers';

jest.setTimeout(240_000);

const ADMIN_KEY = 'attached-safe-test-admin-key-0123456789';

/**
 * A DAO that attaches a Safe its treasurers already own: the API checks the Safe, the worker deploys the rest
 * and proposes the Safe's enableModule(relay), the owners sign it through the treasurer API, and then a
 * proposal runs through that Safe, its timelock and the relay.
 */
describe('Execution: a DAO with an attached Safe', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let safe: Address;
  let owners: Address[];

  const createDao = async (body: Record<string, unknown>) => {
    const response = await fetch(`${base}/v1/daos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ name: 'Attached Safe DAO', timelockDelaySeconds: TIMELOCK_DELAY, votingPeriodSeconds: 3600, ...body }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const eventCount = async () => (await world.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const safeRead = <T>(functionName: 'getThreshold' | 'isModuleEnabled', args: unknown[] = []) =>
    world.clients.public.readContract({ address: safe, abi: safeAbi, functionName, args } as never) as Promise<T>;

  beforeAll(async () => {
    world = await startExecutionWorld();
    const profile = devChainProfile(world.devChain);
    const network: SelectedNetwork = { profile, rpcUrl: world.devChain.rpcUrl, source: 'test' };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY, network });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    // A Safe 1.4.1 the treasurers own, 2 of 2, made before the DAO exists.
    owners = [world.treasurers[0].address, world.treasurers[2].address];
    const creator = world.clients.wallet(world.founders[0]);
    safe = await deploySafe(
      { wallet: creator, public: world.clients.public },
      {
        owners,
        threshold: 2n,
        singleton: profile.safe.singleton,
        proxyFactory: profile.safe.proxyFactory,
        fallbackHandler: profile.safe.fallbackHandler,
        saltNonce: 7n,
      },
    );
    await world.startDriver();
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  describe('the API refuses, appending nothing', () => {
    it('treasurers that are not the Safe owners', async () => {
      const before = await eventCount();
      const t = world.treasurers;
      const answer = await createDao({ safe, treasurers: [t[0].address, t[1].address], treasurerThreshold: 2 });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'DAO.SAFE_MISMATCH' });
      expect((answer.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['safe', 'treasurers']);
      expect(String(answer.body.detail)).toContain(owners[0]);
      expect(await eventCount()).toBe(before);
    });

    it('the right owners with another threshold', async () => {
      const before = await eventCount();
      const answer = await createDao({ safe, treasurers: owners, treasurerThreshold: 1 });
      expect(answer.status).toBe(422);
      expect((answer.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['safe', 'treasurerThreshold']);
      expect(await eventCount()).toBe(before);
    });

    it('an EOA as the Safe', async () => {
      const before = await eventCount();
      const answer = await createDao({ safe: world.treasurers[1].address });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'DAO.NOT_A_SAFE', errors: [{ field: 'safe' }] });
      expect(await eventCount()).toBe(before);
    });

    it('a contract that is not a Safe', async () => {
      const answer = await createDao({ safe: world.devChain.testToken });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'DAO.NOT_A_SAFE', errors: [{ field: 'safe' }] });
    });

    it('an asset the network does not offer, listing the ones it does', async () => {
      const before = await eventCount();
      const answer = await createDao({ asset: getAddress(keccak256(toHex('not a token')).slice(0, 42)) });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'DAO.ASSET_NOT_OFFERED', errors: [{ field: 'asset' }] });
      expect(String(answer.body.detail)).toContain(getAddress(world.devChain.testToken));
      expect(await eventCount()).toBe(before);
    });
  });

  describe('attached with the treasurers left out', () => {
    let daoId: string;
    let dao: { daoId: string; contracts: DaoContracts };
    let treasurers: ReturnType<typeof treasurersOf>;

    beforeAll(async () => {
      const created = await createDao({ safe, asset: world.devChain.testToken, founders: world.founders.map((f) => f.address) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ treasurers: owners, treasurerThreshold: 2 });
      daoId = String(created.body.id);
      const deployed = await waitFor('DaoContractsDeployed', async () =>
        (await eventsOf(world.store, streams.treasury.of(daoId).streamId)).find((e) => e.type === 'DaoContractsDeployed'),
      );
      dao = { daoId, contracts: deployed.data as DaoContracts };
      treasurers = treasurersOf(world, base, dao);
    });

    it('deploys around the Safe: recorded as attached, with the owners and threshold the chain reports', async () => {
      expect(dao.contracts).toMatchObject({ safe, owners, threshold: 2, attached: true });
      const contracts = await treasurers.get<Record<string, unknown>>(`/v1/daos/${daoId}/contracts`);
      expect(contracts).toMatchObject({ attached: true, moduleEnabled: false, moduleRelay: dao.contracts.moduleRelay });
      expect(await safeRead<boolean>('isModuleEnabled', [dao.contracts.moduleRelay])).toBe(false);
    });

    it('a passed proposal waits for the module instead of failing', async () => {
      const proposalId = await passProposal(world, daoId, 'CHANGE_PARAMETERS', { changes: { treasurerThreshold: 1 } });
      const row = await waitFor('the proposal to wait', async () => {
        const { rows } = await world.db.pool.query<{ last_step: string; last_error: string | null }>(
          'SELECT last_step, last_error FROM execution_processes WHERE proposal_id = $1',
          [proposalId],
        );
        return rows[0]?.last_step === 'Wait' ? rows[0] : undefined;
      });
      expect(row.last_error).toBeNull();
      const list = await treasurers.get<{ items: SafeTransactionListItem[] }>(`/v1/daos/${daoId}/safe-transactions`);
      expect(list.items.some((t) => t.proposalId === proposalId)).toBe(false);

      // The setup transaction, as treasurers see it, signed by both owners through the treasurer API.
      const setup = await waitFor('the setup Safe transaction', async () => {
        const queue = await treasurers.get<{ items: SafeTransactionListItem[] }>(
          `/v1/daos/${daoId}/safe-transactions?status=awaiting-signatures`,
        );
        return queue.items.find((t) => t.purpose === 'enable_module');
      });
      expect(setup).toMatchObject({ purpose: 'enable_module', proposalId: null });
      expect(setup.description[0]).toContain("Enable the DAO's timelock module on the Safe (DAO setup)");
      for (const owner of [world.treasurers[0], world.treasurers[2]]) {
        const signed = await treasurers.sign(owner, setup.safeTxHash);
        expect(signed.status).toBe(200);
      }
      await waitFor('SafeModuleEnabled', async () =>
        (await eventsOf(world.store, streams.treasury.of(daoId).streamId)).find((e) => e.type === 'SafeModuleEnabled'),
      );
      expect(await safeRead<boolean>('isModuleEnabled', [dao.contracts.moduleRelay])).toBe(true);
      const view = await treasurers.get<{ status: string }>(`/v1/daos/${daoId}/safe-transactions/${setup.safeTxHash}`);
      expect(view.status).toBe('executed');
      expect(await treasurers.get(`/v1/daos/${daoId}/contracts`)).toMatchObject({ moduleEnabled: true });
      expect(await treasurers.get(`/v1/daos/${daoId}`)).toMatchObject({
        deployment: { status: 'deployed', attached: true, moduleEnabled: true },
      });

      // Then the waiting proposal runs through the Safe, the timelock and the relay: the Safe's threshold changes.
      const end = await treasurers.carryOut(proposalId);
      expect(end.type).toBe('ProposalExecuted');
      expect(await safeRead<bigint>('getThreshold')).toBe(1n);
    });

    it('its read models rebuild from the log to the same rows', async () => {
      const { kept, rebuilt } = await readModelsAndRebuild(world);
      expect(rebuilt).toEqual(kept);
      expect(kept.rm_dao_deployments.find((row) => row.includes(dao.daoId))).toMatch(/,t,t\)$/);
    });
  });
});
