import { streams } from '@ayllu/domain';
import { startTestApi, TEST_ADMIN_KEY, type TestApi } from '../support/api';
import { labelledAccounts } from '../support/signing';
import { buildAccessWorld, ROLES, SIGNER_ROLES, type AccessWorld, type Role } from './support/access-world';
import { ADMIN_ROLES, adminCredentials, DAO_ADMINS, PLATFORM_ONLY, type AdminRole } from './support/admin-credentials';
import { governance, STRATEGY } from './support/governance-fixture';
import { POOL_ROUTES } from './support/pool-routes';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';
import type { WriteRoute } from './support/write-route';

const admin = DAO_ADMINS;
/**
 * The policy, written down: who may do what. Funds belong to their depositor, so a suspended member may
 * still withdraw or exit; proposals and votes need an ACTIVE member; anyone not seated may ask to join.
 */
const WRITE_ROUTES: readonly WriteRoute[] = [
  { name: 'create DAO', method: 'POST', path: () => '/v1/daos', body: () => ({ name: 'x', founders: [] }), allowed: PLATFORM_ONLY },
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
  // Admin reads: the DAO's admins see its webhooks, deliveries and admins; nobody else does.
  { name: 'list webhooks', method: 'GET', path: (w) => `/v1/daos/${w.daoId}/webhooks`, allowed: admin },
  { name: 'read webhook', method: 'GET', path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}`, allowed: admin },
  { name: 'list deliveries', method: 'GET', path: (w) => `/v1/daos/${w.daoId}/webhooks/${w.wid}/deliveries`, allowed: admin },
  { name: 'list admin keys', method: 'GET', path: (w) => `/v1/daos/${w.daoId}/admin-keys`, allowed: admin },
  { name: 'list admin wallets', method: 'GET', path: (w) => `/v1/daos/${w.daoId}/admin-wallets`, allowed: admin },
  // Who administers a DAO is the platform admin's decision alone.
  {
    name: 'issue admin key',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/admin-keys`,
    body: () => ({ name: 'issued by the matrix' }),
    allowed: PLATFORM_ONLY,
  },
  {
    name: 'revoke admin key',
    method: 'DELETE',
    prepare: async (api, w) => {
      const res = await api.request<{ id: string }>('POST', `/v1/daos/${w.daoId}/admin-keys`, { admin: true, body: { name: 'to revoke' } });
      return { keyId: res.body.id };
    },
    path: (w, extra) => `/v1/daos/${w.daoId}/admin-keys/${extra.keyId}`,
    allowed: PLATFORM_ONLY,
  },
  {
    name: 'add admin wallet',
    method: 'POST',
    path: (w) => `/v1/daos/${w.daoId}/admin-wallets`,
    body: (w) => ({ address: w.signers['non-owner signer'].address }),
    allowed: PLATFORM_ONLY,
  },
  {
    name: 'remove admin wallet',
    method: 'DELETE',
    prepare: async (api, w) => {
      const [wallet] = labelledAccounts(`to-remove-${w.daoId}`, 1);
      await api.request('POST', `/v1/daos/${w.daoId}/admin-wallets`, { admin: true, body: { address: wallet.address } });
      return { address: wallet.address };
    },
    path: (w, extra) => `/v1/daos/${w.daoId}/admin-wallets/${extra.address}`,
    allowed: PLATFORM_ONLY,
  },
  // Only a signed-in wallet has a session to end.
  { name: 'sign out', method: 'DELETE', path: (w) => `/v1/daos/${w.daoId}/admin-sessions/current`, allowed: ['SIWE admin session'] },
  // No worker runs here: the quarantine a processor would have recorded for the DAO's stream is written as it would.
  {
    name: 'resume quarantined stream',
    method: 'POST',
    prepare: async (api, w) => {
      const streamId = streams.dao.of(w.daoId).streamId;
      await api.db.pool.query(
        `INSERT INTO processor_quarantines (processor, stream_id, dao_id, event_version, event_position, event_type, reason)
         VALUES ('dao', $1, $2, 1, 1, 'DaoCreated', 'access matrix')`,
        [streamId, w.daoId],
      );
      return { streamId };
    },
    path: (_w, extra) => `/v1/admin/quarantines/dao/${extra.streamId}/resume`,
    allowed: admin,
  },
  ...POOL_ROUTES,
];

describe('Access: every write and admin route × every role', () => {
  let api: TestApi;
  let fingerprint: () => Promise<StateFingerprint>;
  let credential: ReturnType<typeof adminCredentials>;
  const table: Record<string, Record<string, number>> = {};
  beforeAll(async () => {
    // Refused credentials are tried hundreds of times from one address: the failed-attempt limit is tested on its own.
    api = await startTestApi({ ADMIN_AUTH_MAX_FAILURES: '1000000' });
    fingerprint = await stateFingerprinter(api.db.pool);
    credential = adminCredentials(api);
  });
  afterAll(async () => {
    process.stdout.write(`access table (status per route × role):\n${JSON.stringify(table, null, 1)}\n`);
    await api?.close();
  });

  const attempt = async (route: WriteRoute, role: Role, w: AccessWorld, extra: Record<string, string>, bearer: string | null) => {
    const g = governance(api);
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (role === 'wrong admin key') headers.authorization = `Bearer ${TEST_ADMIN_KEY.slice(0, -4)}0000`;
    let body = route.body?.(w, extra);
    if (route.signed) {
      // Without a key of their own, a role can only send a member's message unsigned or with a made-up signature.
      const signer = (SIGNER_ROLES as readonly string[]).includes(role)
        ? w.signers[role as keyof AccessWorld['signers']]
        : w.signers.member;
      const signed = await g.sign(w.daoId, route.signed.action, route.signed.intent(w, signer.address, extra), signer);
      body =
        role === 'none'
          ? { message: signed.message }
          : (SIGNER_ROLES as readonly string[]).includes(role)
            ? signed
            : { ...signed, signature: `0x${'00'.repeat(65)}` };
    }
    return api.request(route.method, route.path(w, extra), { ...(body === undefined ? {} : { body }), headers });
  };

  const setUp = async (route: WriteRoute) => {
    const w = await buildAccessWorld(api);
    return { w, extra: (await route.prepare?.(api, w)) ?? {} };
  };
  // A refused request changes nothing (each such case checks it), so a route's refused roles share one world; an
  // allowed role gets a world of its own, as its request changes it.
  const refusedWorlds = new Map<string, ReturnType<typeof setUp>>();

  describe.each(WRITE_ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    it.each(ROLES.map((r) => [r] as const))('as %s', async (role) => {
      let world = route.allowed.includes(role) ? undefined : refusedWorlds.get(route.name);
      if (!world) {
        world = setUp(route);
        if (!route.allowed.includes(role)) refusedWorlds.set(route.name, world);
      }
      const { w, extra } = await world;
      if (route.path(w, extra).includes('/null') || route.path(w, extra).includes('/undefined'))
        throw new Error('the API refused to set up what the route acts on: the rows cannot be checked');
      const bearer = (ADMIN_ROLES as readonly string[]).includes(role) ? await credential(role as AdminRole, w.daoId) : null;
      const before = await fingerprint();
      const res = await attempt(route, role, w, extra, bearer);
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
