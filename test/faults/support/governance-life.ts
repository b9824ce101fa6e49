import type { Address } from '@ayllu/domain';
import { labelledAccounts, signIntent, type SignedActionName, type TestSigner } from '../../support/signing';
import { STRATEGY } from './governance-fixture';
import type { retryingClient } from './retrying-client';

type Client = ReturnType<typeof retryingClient>;

/**
 * One short governance life over HTTP, as members and an admin would live it: a DAO with a webhook, a
 * deposit (played by `deposit`, the indexer's part), a join request, a proposal and its votes, a
 * suspension and reinstatement, a withdrawal, and a second proposal vetoed. Faults are injected around it.
 */
export const governanceLife = async (client: Client, label: string, deposit: (daoId: string, member: Address) => Promise<unknown>) => {
  const [a, b, c, d] = labelledAccounts(label, 4) as [TestSigner, TestSigner, TestSigner, TestSigner];
  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner) =>
    signIntent(client, daoId, action, intent, who);
  const ok = (res: { status: number; body: unknown }, what: string): unknown => {
    if (res.status >= 300 && !(res.status === 409 && /REPLAYED/.test(JSON.stringify(res.body)))) {
      throw new Error(`${label} ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  const dao = ok(
    await client.send('create DAO', 'POST', '/v1/daos', { name: label, founders: [a, b, c].map((x) => x.address) }, { admin: true }),
    'create DAO',
  );
  const daoId = (dao as { id: string }).id;
  ok(
    await client.send(
      'webhook',
      'POST',
      `/v1/daos/${daoId}/webhooks`,
      { url: 'http://127.0.0.1:9/hook', events: '*' },
      { admin: true, appends: false },
    ),
    'webhook',
  );
  await deposit(daoId, a.address);
  ok(
    await client.send('join', 'POST', `/v1/daos/${daoId}/join-requests`, await sign(daoId, 'join-request', { address: d.address }, d)),
    'join',
  );
  const proposal = (who: TestSigner, title: string) =>
    sign(daoId, 'proposal', { proposer: who.address, type: 'CHANGE_STRATEGY', title, payload: { strategy: STRATEGY } }, who);
  const submitted = await client.send('propose', 'POST', `/v1/daos/${daoId}/proposals`, await proposal(a, 'first'));
  ok(submitted, 'propose');
  // A replayed proposal (its first copy committed before a crash) has no id in its answer: find it in the
  // list, which may lag behind the log while the worker restarts.
  const listed = async (title: string): Promise<string> => {
    for (let attempt = 0; attempt < 300; attempt++) {
      const items = (await client.request('GET', `/v1/daos/${daoId}/proposals`)).body as { id: string; title: string }[];
      const found = items.find((p) => p.title === title);
      if (found) return found.id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The replayed proposal "${title}" of ${daoId} never appeared in its list`);
  };
  const pid = submitted.status < 300 ? (submitted.body as { id: string }).id : await listed('first');
  for (const [who, support] of [
    [a, 'for'],
    [b, 'for'],
    [c, 'against'],
  ] as const) {
    const body = await sign(daoId, 'vote', { voter: who.address, proposalId: pid, support, reason: '' }, who);
    ok(await client.send('vote', 'POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, body), 'vote');
  }
  ok(
    await client.send('suspend', 'POST', `/v1/daos/${daoId}/members/${c.address}/suspension`, { reason: 'crash test' }, { admin: true }),
    'suspend',
  );
  ok(
    await client.send(
      'reinstate',
      'POST',
      `/v1/daos/${daoId}/members/${c.address}/reinstatement`,
      { reason: 'crash test' },
      { admin: true },
    ),
    'reinstate',
  );
  ok(
    await client.send(
      'withdraw',
      'POST',
      `/v1/daos/${daoId}/withdrawal-requests`,
      await sign(daoId, 'withdrawal-request', { member: a.address, amount: '10' }, a),
    ),
    'withdraw',
  );
  const second = await client.send('propose', 'POST', `/v1/daos/${daoId}/proposals`, await proposal(b, 'second'));
  ok(second, 'second proposal');
  const pid2 = second.status < 300 ? (second.body as { id: string }).id : await listed('second');
  ok(await client.send('veto', 'POST', `/v1/daos/${daoId}/proposals/${pid2}/veto`, { reason: 'crash test' }, { admin: true }), 'veto');
  return { daoId };
};
