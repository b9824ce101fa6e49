import { DAO_LIMITS, VAULT_LIMITS } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { HARDHAT_KEYS, signerFor, signIntent, type TestSigner } from '../../../test/support/signing';
import type { DaoView } from '../src/daos/dao.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';

// Settings the vault refuses, and numbers the chain cannot carry, never get in: for DAO creation and for
// CHANGE_PARAMETERS alike, at each bound, just inside and just outside.
const [alice, bob, carol] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner];
const UINT256_MAX = 2n ** 256n - 1n;
const INT96_MAX = 2n ** 95n - 1n;
const WAIT_MAX = VAULT_LIMITS.maxEmergencyExitWaitSeconds;

describe('Limits of the vault and the chain over HTTP', () => {
  let api: TestApi;
  let daoId: string;
  beforeAll(async () => {
    api = await startTestApi();
    daoId = (await createDao({ founders: [alice.address, bob.address, carol.address] })).body.id;
  });
  afterAll(() => api.close());

  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  function createDao<T = DaoView>(config: Record<string, unknown>) {
    return api.request<T>('POST', '/v1/daos', { admin: true, body: { name: 'Limits', ...config } });
  }
  /** A proposal signed as the typed-data endpoint issued it, its payload text then replaced by `payloadText` if given. */
  const propose = async <T = ProposalView>(type: string, payload: Record<string, unknown>, payloadText?: (issued: string) => string) => {
    const body = await signIntent(api, daoId, 'proposal', { proposer: alice.address, type, title: 'Limits', payload }, alice, {
      ...(payloadText && { mutate: (m: Record<string, unknown>) => ({ ...m, payload: payloadText(String(m.payload)) }) }),
    });
    return api.request<T>('POST', `/v1/daos/${daoId}/proposals`, { body });
  };
  const expectRefused = async (res: { status: number; body: Problem }, status: number, code: string, field: string, before: number) => {
    expect({ status: res.status, code: res.body.code, fields: res.body.errors?.map((e) => e.field) }).toEqual({
      status,
      code,
      fields: [field],
    });
    expect(res.body.detail).toContain(field);
    expect(await eventCount()).toBe(before);
  };

  describe('creating a DAO', () => {
    it('refuses the two settings the vault refused after a 201: a 3,000,000 s exit wait and a minimum deposit above uint256', async () => {
      const before = await eventCount();
      await expectRefused(
        await createDao<Problem>({ emergencyExitWaitSeconds: 3_000_000 }),
        400,
        'REQUEST.INVALID',
        'emergencyExitWaitSeconds',
        before,
      );
      await expectRefused(
        await createDao<Problem>({ minimumDeposit: (UINT256_MAX + 1n).toString() }),
        422,
        'REQUEST.OUT_OF_RANGE',
        'minimumDeposit',
        before,
      );
      await expectRefused(
        await createDao<Problem>({ minimumDeposit: '9'.repeat(200) }),
        422,
        'REQUEST.OUT_OF_RANGE',
        'minimumDeposit',
        before,
      );
    });

    it.each<[string, Record<string, unknown>]>([
      ['emergencyExitWaitSeconds', { emergencyExitWaitSeconds: WAIT_MAX + 1 }],
      ['smallWithdrawalLimitBps', { smallWithdrawalLimitBps: VAULT_LIMITS.maxSmallWithdrawalLimitBps + 1 }],
      ['maxMembers', { maxMembers: VAULT_LIMITS.maxMembers + 1 }],
    ])('refuses %s just above the vault bound, naming it', async (field, config) => {
      await expectRefused(await createDao<Problem>(config), 400, 'REQUEST.INVALID', field, await eventCount());
    });

    it('accepts every vault-held setting at its bound', async () => {
      const res = await createDao({
        emergencyExitWaitSeconds: WAIT_MAX,
        smallWithdrawalLimitBps: VAULT_LIMITS.maxSmallWithdrawalLimitBps,
        maxMembers: VAULT_LIMITS.maxMembers,
        minimumDeposit: UINT256_MAX.toString(),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ emergencyExitWaitSeconds: WAIT_MAX, minimumDeposit: UINT256_MAX.toString() });
      expect(DAO_LIMITS.emergencyExitWaitSeconds.max).toBe(WAIT_MAX);
    });
  });

  describe('CHANGE_PARAMETERS', () => {
    it('refuses an exit wait the vault would refuse (3,000,000 s, and one second above its bound), naming the field', async () => {
      for (const wait of [3_000_000, WAIT_MAX + 1]) {
        const before = await eventCount();
        const res = await propose<Problem>('CHANGE_PARAMETERS', { changes: { emergencyExitWaitSeconds: wait } });
        await expectRefused(res, 422, 'PROPOSAL.INVALID_PAYLOAD', 'payload.changes.emergencyExitWaitSeconds', before);
      }
    });

    it('refuses a small-withdrawal limit above the whole balance', async () => {
      const res = await propose<Problem>('CHANGE_PARAMETERS', { changes: { smallWithdrawalLimitBps: 10_001 } });
      await expectRefused(res, 422, 'PROPOSAL.INVALID_PAYLOAD', 'payload.changes.smallWithdrawalLimitBps', await eventCount());
    });

    it('refuses a minimum deposit above uint256, signed or not', async () => {
      const before = await eventCount();
      const above = (UINT256_MAX + 1n).toString();
      await expect(propose('CHANGE_PARAMETERS', { changes: { minimumDeposit: above } })).rejects.toThrow(/422.*REQUEST.OUT_OF_RANGE/);
      const signed = await propose<Problem>('CHANGE_PARAMETERS', { changes: { minimumDeposit: '1' } }, (text) =>
        text.replace('"1"', `"${above}"`),
      );
      await expectRefused(signed, 422, 'REQUEST.OUT_OF_RANGE', 'message.payload.changes.minimumDeposit', before);
    });

    it('accepts each vault-held setting at its bound', async () => {
      for (const changes of [
        { emergencyExitWaitSeconds: WAIT_MAX },
        { smallWithdrawalLimitBps: VAULT_LIMITS.maxSmallWithdrawalLimitBps },
        { minimumDeposit: UINT256_MAX.toString() },
      ])
        expect((await propose('CHANGE_PARAMETERS', { changes })).status).toBe(201);
    });
  });

  describe('amounts and flow rates in other proposals', () => {
    it.each<[string, Record<string, unknown>, string, string]>([
      ['WITHDRAW_FUNDS', { recipient: bob.address, amount: '7' }, '"7"', 'message.payload.amount'],
      ['DISTRIBUTE_YIELDS', { mode: 'instant', amount: '7' }, '"7"', 'message.payload.amount'],
      ['DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: '7' }, '"7"', 'message.payload.flowRatePerSecond'],
    ])('refuses a %s value above its chain type (%p), signed, with a 422 naming it', async (type, payload, seven, field) => {
      const limit = field.endsWith('flowRatePerSecond') ? INT96_MAX : UINT256_MAX;
      const before = await eventCount();
      const res = await propose<Problem>(type, payload, (text) => text.replace(seven, `"${limit + 1n}"`));
      await expectRefused(res, 422, 'REQUEST.OUT_OF_RANGE', field, before);
    });

    it('refuses a flow rate above int96 before it is signed', async () => {
      const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/typed-data/proposal`, {
        body: {
          proposer: alice.address,
          type: 'DISTRIBUTE_YIELDS',
          title: 'Too fast',
          payload: { mode: 'stream', flowRatePerSecond: (INT96_MAX + 1n).toString() },
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'payload.flowRatePerSecond', message: 'must be a whole number from 0 to 2^95 - 1 (int96)' },
      ]);
    });

    it('accepts each at its bound', async () => {
      expect((await propose('WITHDRAW_FUNDS', { recipient: bob.address, amount: UINT256_MAX.toString() })).status).toBe(201);
      expect((await propose('DISTRIBUTE_YIELDS', { mode: 'instant', amount: UINT256_MAX.toString() })).status).toBe(201);
      expect((await propose('DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: INT96_MAX.toString() })).status).toBe(201);
    });
  });
});
