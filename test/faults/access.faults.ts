import { startTestApi, TEST_ADMIN_KEY, type TestApi } from '../support/api';
import type { SignedActionName } from '../support/signing';
import { buildAccessWorld, ROLES, SIGNER_ROLES, type AccessWorld, type Role } from './support/access-world';
import { governance, STRATEGY } from './support/governance-fixture';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';

interface WriteRoute {
  readonly name: string;
  readonly method: string;
  readonly path: (w: AccessWorld) => string;
  /** Signed member writes: the action and the intent a role would sign. */
  readonly signed?: { action: SignedActionName; intent: (w: AccessWorld, address: string) => Record<string, unknown> };
  /** Admin writes: the body the admin sends. */
  readonly body?: (w: AccessWorld) => unknown;
  readonly allowed: readonly Role[];
}

const admin = ['admin'] as const;
/**
 * The policy, written down: who may do what. Funds belong to their depositor, so a suspended member may
 * still withdraw or exit; proposals and votes need an ACTIVE member; anyone not seated may ask to join.
 */
const WRITE_ROUTES: readonly WriteRoute[] = [
  { name: 'create DAO', method: 'POST', path: () => '/v1/daos', body: () => ({ name: 'x', founders: [] }), allowed: admin },
  {
    name: 'join',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/join-requests`,
    signed: { action: 'join-request', intent: (_w, a) => ({ address: a }) },
    allowed: ['removed', 'treasurer', 'non-owner signer'],
  },
  {
    name: 'propose',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/proposals`,
    signed: {
      action: 'proposal',
      intent: (_w, a) => ({ proposer: a, type: 'CHANGE_STRATEGY', title: 'access', payload: { strategy: STRATEGY } }),
    },
    allowed: ['member'],
  },
  {
    name: 'vote',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/proposals/${w.pid}/votes`,
    signed: { action: 'vote', intent: (w, a) => ({ voter: a, proposalId: w.pid, support: 'for', reason: '' }) },
    allowed: ['member'],
  },
  {
    name: 'cancel proposal',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/proposals/${w.pid}/cancellation`,
    signed: { action: 'proposal-cancellation', intent: (w, a) => ({ proposer: a, proposalId: w.pid }) },
    // The open proposal is the member's own and nobody has voted: only they may withdraw it.
    allowed: ['member'],
  },
  {
    name: 'withdraw',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/withdrawal-requests`,
    signed: { action: 'withdrawal-request', intent: (_w, a) => ({ member: a, amount: '10' }) },
    allowed: ['member', 'suspended'],
  },
  {
    name: 'emergency exit',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/emergency-exits`,
    signed: { action: 'emergency-exit', intent: (_w, a) => ({ member: a }) },
    allowed: ['member', 'suspended'],
  },
  { name: 'approve', method: 'POST', path: (w) => `/v1/daos/${w.daoId}/members/${w.signers.pending.address}/approval`, allowed: admin },
  {
    name: 'suspend',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/members/${w.signers.member.address}/suspension`,
    body: () => ({ reason: 'r' }),
    allowed: admin,
  },
  {
    name: 'reinstate',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/members/${w.signers.suspended.address}/reinstatement`,
    body: () => ({ reason: 'r' }),
    allowed: admin,
  },
  {
    name: 'veto',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/proposals/${w.pid}/veto`,
    body: () => ({ reason: 'r' }),
    allowed: admin,
  },
  {
    name: 'create webhook',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/webhooks`,
    body: () => ({ url: 'http://127.0.0.1:9/other', events: '*' }),
    allowed: admin,
  },
  {
    name: 'update webhook',
    method: 'PATCH',
    path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}`,
    body: () => ({ description: 'changed' }),
    allowed: admin,
  },
  { name: 'rotate webhook secret', method: 'POST', path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}/secret-rotation`, allowed: admin },
  {
    name: 'replay webhook',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}/replay`,
    body: () => ({ since: '1' }),
    allowed: admin,
  },
  { name: 'delete webhook', method: 'DELETE', path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}`, allowed: admin },
  // No worker runs here, so the webhook has no delivery to send again: the admin gets a 404, everyone else a 401.
  {
    name: 'redeliver notification',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}/deliveries/00000000-0000-4000-8000-000000000000/redelivery`,
    allowed: [],
  },
  // Anyone may ask for a claim, but without contracts and a chain there is nothing to claim: a 4xx for all.
  { name: 'claim payout', method: 'POST', path: (w) => `/v1/daos/${w.daoId}/members/${w.signers.member.address}/claim`, allowed: [] },
  // No chain runs here, so no Safe transaction exists to sign: nobody may pass (the treasurer's own pass is in the chain specs).
  {
    name: 'sign Safe transaction',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/safe-transactions/0x${'ab'.repeat(32)}/signatures`,
    body: (w) => ({ signer: w.signers.treasurer.address, signature: `0x${'11'.repeat(65)}` }),
    allowed: [],
  },
];

describe('Access: every write route × every role', () => {
  let api: TestApi;
  let fingerprint: () => Promise<StateFingerprint>;
  const table: Record<string, Record<string, number>> = {};
  beforeAll(async () => {
    api = await startTestApi();
    fingerprint = await stateFingerprinter(api.db.pool);
  });
  afterAll(async () => {
    process.stdout.write(`access table (status per route × role):\n${JSON.stringify(table, null, 1)}\n`);
    await api?.close();
  });

  const attempt = async (route: WriteRoute, role: Role, w: AccessWorld) => {
    const g = governance(api);
    const headers: Record<string, string> = {};
    if (role === 'admin') headers.authorization = `Bearer ${TEST_ADMIN_KEY}`;
    if (role === 'wrong admin key') headers.authorization = `Bearer ${TEST_ADMIN_KEY.slice(0, -4)}0000`;
    let body = route.body?.(w);
    if (route.signed) {
      // Without a key of their own, a role can only send a member's message unsigned or with a made-up signature.
      const signer = (SIGNER_ROLES as readonly string[]).includes(role)
        ? w.signers[role as keyof AccessWorld['signers']]
        : w.signers.member;
      const signed = await g.sign(w.daoId, route.signed.action, route.signed.intent(w, signer.address), signer);
      body =
        role === 'none'
          ? { message: signed.message }
          : (SIGNER_ROLES as readonly string[]).includes(role)
            ? signed
            : { ...signed, signature: `0x${'00'.repeat(65)}` };
    }
    return api.request(route.method, route.path(w), { ...(body === undefined ? {} : { body }), headers });
  };

  describe.each(WRITE_ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    it.each(ROLES.map((r) => [r] as const))('as %s', async (role) => {
      const w = await buildAccessWorld(api);
      if (route.path(w).includes('/null')) throw new Error('the API refused the test webhook: the webhook rows cannot be checked');
      const before = await fingerprint();
      const res = await attempt(route, role, w);
      (table[route.name] ??= {})[role] = res.status;
      if (route.allowed.includes(role)) {
        if (res.status < 200 || res.status >= 300)
          throw new Error(`${route.name} as ${role} was refused: ${res.status} ${JSON.stringify(res.body)}`);
      } else {
        if (res.status < 400 || res.status >= 500)
          throw new Error(`${route.name} as ${role} answered ${res.status} ${JSON.stringify(res.body)}`);
        expect(await fingerprint()).toEqual(before);
      }
    });
  });
});
