import { startTestApi, type TestApi } from '../support/api';
import type { SignedActionName, TestSigner } from '../support/signing';
import { buildAccessWorld, type AccessWorld } from './support/access-world';
import { governance, STRATEGY } from './support/governance-fixture';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';

interface SignedRoute {
  readonly action: SignedActionName;
  readonly path: (w: AccessWorld) => string;
  /** The member this write is for (a founder, or a stranger for a join) and what they sign. */
  readonly actor: (w: AccessWorld) => TestSigner;
  readonly intent: (w: AccessWorld, address: string) => Record<string, unknown>;
}

const SIGNED_ROUTES: readonly SignedRoute[] = [
  {
    action: 'join-request',
    path: (w) => `/v1/daos/${w.daoId}/join-requests`,
    actor: (w) => w.signers['non-owner signer'],
    intent: (_w, a) => ({ address: a }),
  },
  {
    action: 'proposal',
    path: (w) => `/v1/daos/${w.daoId}/proposals`,
    actor: (w) => w.signers.member,
    intent: (_w, a) => ({ proposer: a, type: 'CHANGE_STRATEGY', title: 'sig', payload: { strategy: STRATEGY } }),
  },
  {
    action: 'proposal-cancellation',
    path: (w) => `/v1/daos/${w.daoId}/proposals/${w.pid}/cancellation`,
    actor: (w) => w.signers.member,
    intent: (w, a) => ({ proposer: a, proposalId: w.pid }),
  },
  {
    action: 'vote',
    path: (w) => `/v1/daos/${w.daoId}/proposals/${w.pid}/votes`,
    actor: (w) => w.signers.member,
    intent: (w, a) => ({ voter: a, proposalId: w.pid, support: 'for', reason: '' }),
  },
  {
    action: 'withdrawal-request',
    path: (w) => `/v1/daos/${w.daoId}/withdrawal-requests`,
    actor: (w) => w.signers.member,
    intent: (_w, a) => ({ member: a, amount: '10' }),
  },
  {
    action: 'emergency-exit',
    path: (w) => `/v1/daos/${w.daoId}/emergency-exits`,
    actor: (w) => w.signers.member,
    intent: (_w, a) => ({ member: a }),
  },
];

const ATTACKS = ['forged', 'replayed', 'expired', 'cross-DAO', 'cross-chain'] as const;

/** Each signed write, attacked five ways: refused with a 4xx, and nothing in the database changes. */
describe('Signatures: forged, replayed, expired, cross-DAO and cross-chain messages are refused', () => {
  let api: TestApi;
  let fingerprint: () => Promise<StateFingerprint>;
  const refusals: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi();
    fingerprint = await stateFingerprinter(api.db.pool);
  });
  afterAll(async () => {
    process.stdout.write(`signature refusals: ${JSON.stringify(refusals, null, 1)}\n`);
    await api?.close();
  });

  describe.each(SIGNED_ROUTES.map((r) => [r.action, r] as const))('%s', (_name, route) => {
    it.each(ATTACKS.map((a) => [a] as const))('%s', async (attack) => {
      const g = governance(api);
      const w = await buildAccessWorld(api);
      const actor = route.actor(w);
      const intent = route.intent(w, actor.address);
      let body: unknown;
      const path = route.path(w);
      if (attack === 'forged') {
        // Signed by another key than the actor the message names.
        body = await g.sign(
          w.daoId,
          route.action,
          intent,
          w.signers['non-owner signer'] === actor ? w.signers.member : w.signers['non-owner signer'],
        );
      } else if (attack === 'replayed') {
        body = await g.sign(w.daoId, route.action, intent, actor);
        const first = await api.request('POST', path, { body });
        if (first.status >= 300) throw new Error(`the original was refused: ${first.status} ${JSON.stringify(first.body)}`);
      } else if (attack === 'expired') {
        body = await g.sign(w.daoId, route.action, intent, actor, {
          mutate: (m: Record<string, unknown>) => ({ ...m, deadline: Math.floor(Date.now() / 1000) - 1 }),
        });
      } else if (attack === 'cross-DAO') {
        // A valid message for another DAO the actor also belongs to, sent to this DAO's route.
        const other = await g.createDao([w.signers.member]);
        body = await g.sign(other, route.action, intent, actor);
      } else {
        body = await g.sign(w.daoId, route.action, intent, actor, { chainId: 1 });
      }
      const before = await fingerprint();
      const res = await api.request('POST', path, { body });
      refusals[`${route.action} ${attack}`] = `${res.status} ${(res.body as { code?: string } | undefined)?.code}`;
      if (res.status < 400 || res.status >= 500)
        throw new Error(`${attack} ${route.action} answered ${res.status} ${JSON.stringify(res.body)}`);
      expect(await fingerprint()).toEqual(before);
    });
  });
});
