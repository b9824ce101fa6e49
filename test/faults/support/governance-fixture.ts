import type { TestApi } from '../../support/api';
import { signIntent, type SignedActionName, type TestSigner } from '../../support/signing';

export const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

/** Small steps of a governance life over the real HTTP API, shared by the fault tests. */
export const governance = (api: Pick<TestApi, 'request'>) => {
  const createDao = async (founders: readonly TestSigner[], config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Faults', founders: founders.map((f) => f.address), ...config },
    });
    if (res.status !== 201) throw new Error(`create DAO answered ${res.status}: ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner, opts = {}) =>
    signIntent(api, daoId, action, intent, who, opts);
  const proposalBody = (daoId: string, who: TestSigner, title = 'Move idle funds') =>
    sign(daoId, 'proposal', { proposer: who.address, type: 'CHANGE_STRATEGY', title, payload: { strategy: STRATEGY } }, who);
  const propose = async (daoId: string, who: TestSigner, title?: string): Promise<string> => {
    const res = await api.request('POST', `/v1/daos/${daoId}/proposals`, { body: await proposalBody(daoId, who, title) });
    if (res.status !== 201) throw new Error(`proposal answered ${res.status}: ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const voteBody = (daoId: string, pid: string, who: TestSigner, support = 'for', opts = {}) =>
    sign(daoId, 'vote', { voter: who.address, proposalId: pid, support, reason: '' }, who, opts);
  const vote = async (daoId: string, pid: string, who: TestSigner, support = 'for') =>
    api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body: await voteBody(daoId, pid, who, support) });
  return { createDao, sign, proposalBody, propose, voteBody, vote };
};
