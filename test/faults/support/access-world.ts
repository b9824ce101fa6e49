import { PostgresEventStore } from '@ayllu/event-store';
import type { WebhookView } from '../../../apps/api/src/webhooks/webhook.view';
import type { TestApi } from '../../support/api';
import { labelledAccounts, type TestSigner } from '../../support/signing';
import { ADMIN_ROLES } from './admin-credentials';
import { chainFacts } from './chain-facts';
import { governance } from './governance-fixture';

export const SIGNER_ROLES = ['member', 'pending', 'suspended', 'removed', 'treasurer', 'non-owner signer'] as const;
export const ROLES = ['none', 'wrong admin key', ...SIGNER_ROLES, ...ADMIN_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type SignerRole = (typeof SIGNER_ROLES)[number];

export interface AccessWorld {
  readonly daoId: string;
  readonly pid: string;
  readonly wid: string | null;
  readonly signers: Record<SignerRole, TestSigner>;
}

let worlds = 0;

/**
 * A hybrid DAO holding one account of every role: an ACTIVE member, a PENDING joiner, a SUSPENDED and a
 * REMOVED member (each with a deposit), a Safe owner who is not a member, and a stranger; one open proposal
 * (opened while the suspended one was still active) and, where the API accepts it, one webhook.
 */
export const buildAccessWorld = async (api: TestApi): Promise<AccessWorld> => {
  const [member, pending, suspended, removed, treasurer, stranger] = labelledAccounts(`access-${++worlds}`, 6) as [
    TestSigner,
    TestSigner,
    TestSigner,
    TestSigner,
    TestSigner,
    TestSigner,
  ];
  const g = governance(api);
  const facts = chainFacts(new PostgresEventStore(api.db.pool));
  const daoId = await g.createDao([member, suspended, removed], {
    access: 'hybrid',
    minimumDeposit: '10',
    treasurers: [treasurer.address],
    treasurerThreshold: 1,
  });
  for (const who of [member, suspended, removed]) await facts.deposit(daoId, who.address, 1000n);
  const pid = await g.propose(daoId, member);
  const joined = await api.request('POST', `/v1/daos/${daoId}/join-requests`, {
    body: await g.sign(daoId, 'join-request', { address: pending.address }, pending),
  });
  if (joined.status !== 201) throw new Error(`join answered ${joined.status}`);
  const suspension = await api.request('POST', `/v1/daos/${daoId}/members/${suspended.address}/suspension`, {
    admin: true,
    body: { reason: 'test' },
  });
  if (suspension.status !== 201) throw new Error(`suspension answered ${suspension.status}`);
  await facts.removed(daoId, removed.address);
  const hook = await api.request<WebhookView>('POST', `/v1/daos/${daoId}/webhooks`, {
    admin: true,
    body: { url: 'http://127.0.0.1:9/hook', events: '*' },
  });
  return {
    daoId,
    pid,
    wid: hook.status === 201 ? hook.body.id : null,
    signers: { member, pending, suspended, removed, treasurer, 'non-owner signer': stranger },
  };
};
