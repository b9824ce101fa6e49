import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import { HARDHAT_KEYS, signerFor, signIntent, type TestSigner } from '../../../test/support/signing';

const [alice, bob, carol, dave] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner, TestSigner];
const DAY = 86_400;

describe('CHANGE_PARAMETERS of the treasury: what the Safe or the timelock would refuse is refused at submission', () => {
  let api: TestApi;
  let daoId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const res = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: {
        name: 'Ayllu',
        founders: [alice.address, bob.address, carol.address],
        treasurers: [alice.address, bob.address, carol.address],
        treasurerThreshold: 2,
      },
    });
    expect(res.status).toBe(201);
    daoId = res.body.id;
  });
  afterAll(() => api.close());

  const events = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const propose = async <T = ProposalView>(changes: Record<string, unknown>) => {
    const payload = { changes };
    const body = await signIntent(
      api,
      daoId,
      'proposal',
      { proposer: alice.address, type: 'CHANGE_PARAMETERS', title: 'Treasury', payload },
      alice,
    );
    return api.request<T>('POST', `/v1/daos/${daoId}/proposals`, { body });
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['a threshold above the owner count', { treasurerThreshold: 4 }, 'payload.changes.treasurerThreshold'],
    ['zero owners', { treasurers: [], treasurerThreshold: 0 }, 'payload.changes.treasurers'],
    ['a duplicate owner', { treasurers: [alice.address, bob.address, alice.address] }, 'payload.changes.treasurers[2]'],
    [
      'the zero address as an owner',
      { treasurers: [alice.address, '0x0000000000000000000000000000000000000000'] },
      'payload.changes.treasurers[1]',
    ],
    ['a delay outside the timelock limits', { timelockDelaySeconds: 366 * DAY }, 'payload.changes.timelockDelaySeconds'],
  ])('%s: 422 naming the field, nothing appended', async (_, changes, field) => {
    const before = await events();
    const res = await propose<Problem>(changes);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PROPOSAL.INVALID_PAYLOAD');
    expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
    expect(await events()).toBe(before);
  });

  it('takes a treasurer replaced with a new threshold and delay', async () => {
    const res = await propose({ treasurers: [alice.address, bob.address, dave.address], treasurerThreshold: 3, timelockDelaySeconds: 600 });
    expect(res.status).toBe(201);
  });
});
