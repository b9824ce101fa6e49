import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from './client';
import { ServedTypedData, signServed } from '../wallet/actions';

const path = (id: string) => ({ params: { path: { id } } });

export const useDao = (daoId: string) =>
  useQuery({ queryKey: ['dao', daoId], queryFn: () => ok(api.GET('/v1/daos/{id}', path(daoId))), refetchInterval: 5000 });

/** The DAO's contracts; null while they are being deployed (the API answers 404/409 until then). */
export const useContracts = (daoId: string) =>
  useQuery({
    queryKey: ['contracts', daoId],
    queryFn: async () => {
      const { data, response } = await api.GET('/v1/daos/{id}/contracts', path(daoId));
      return response.ok && data ? data : null;
    },
    refetchInterval: (q) => (q.state.data ? 30_000 : 2000),
  });

export const useMember = (daoId: string, address: string | undefined) =>
  useQuery({
    queryKey: ['member', daoId, address],
    enabled: !!address,
    queryFn: async () => {
      const answer = await api.GET('/v1/daos/{id}/members/{address}', { params: { path: { id: daoId, address: address! } } });
      return answer.response.status === 404 ? null : ok(Promise.resolve(answer));
    },
    refetchInterval: 3000,
  });

export const useMembers = (daoId: string) =>
  useQuery({
    queryKey: ['members', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/members', { params: { path: { id: daoId }, query: { limit: '500' } } })),
    refetchInterval: 4000,
  });

/** Payouts as the worker last read them from the chain; null until the first read (503). */
export const usePayouts = (daoId: string) =>
  useQuery({
    queryKey: ['payouts', daoId],
    queryFn: async () => {
      const { data, response } = await api.GET('/v1/daos/{id}/payouts', path(daoId));
      return response.ok && data ? { ...data, fetchedAt: Date.now() } : null;
    },
    refetchInterval: 3000,
  });

export const useProposals = (daoId: string) =>
  useQuery({
    queryKey: ['proposals', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/proposals', { params: { path: { id: daoId }, query: { limit: '1000' } } })),
    refetchInterval: 3000,
  });

export const useProposal = (daoId: string, pid: string) =>
  useQuery({
    queryKey: ['proposal', daoId, pid],
    queryFn: () => ok(api.GET('/v1/daos/{id}/proposals/{pid}', { params: { path: { id: daoId, pid } } })),
    refetchInterval: 2000,
  });

/** Whether `address` may vote on the proposal (one of the voters it froze when submitted); undefined while unknown. */
export const useEligibility = (daoId: string, pid: string, address: string | undefined) =>
  useQuery({
    queryKey: ['eligible', daoId, pid, address],
    enabled: !!address,
    queryFn: async () => {
      const page = await ok(
        api.GET('/v1/daos/{id}/proposals/{pid}/eligible-voters', { params: { path: { id: daoId, pid }, query: { voter: address! } } }),
      );
      return page.items.length > 0;
    },
    // Frozen at submission: it never changes.
    staleTime: Infinity,
  });

export const useBallots = (daoId: string, pid: string) =>
  useQuery({
    queryKey: ['ballots', daoId, pid],
    queryFn: () => ok(api.GET('/v1/daos/{id}/proposals/{pid}/votes', { params: { path: { id: daoId, pid }, query: { limit: '1000' } } })),
    refetchInterval: 2000,
  });

export const useSafeTransactions = (daoId: string) =>
  useQuery({
    queryKey: ['safe-transactions', daoId],
    queryFn: () => ok(api.GET('/v1/daos/{id}/safe-transactions', { params: { path: { id: daoId }, query: { limit: '1000' } } })),
    refetchInterval: 2000,
  });

export type Dao = Schemas['DaoView'];
export type Contracts = Schemas['DaoContractsView'];

/**
 * A member's signed write: asks the API for the typed data of the intent, has the wallet sign it exactly as served,
 * and returns the `{ message, signature }` body the write route takes.
 */
export const signIntent = async <A extends TypedDataAction>(
  daoId: string,
  chainId: number,
  action: A,
  intent: TypedDataBody<A>,
): Promise<{ message: Record<string, never>; signature: string }> => {
  const typed = await ok(
    api.POST(`/v1/daos/{id}/typed-data/${action}` as TypedDataPath, { params: { path: { id: daoId } }, body: intent as never }),
  );
  const signature = await signServed(typed as unknown as ServedTypedData, chainId);
  return { message: (typed as Schemas['TypedDataView']).message, signature };
};

type TypedDataPath = Extract<keyof import('./schema').paths, `/v1/daos/{id}/typed-data/${string}`>;
export type TypedDataAction = TypedDataPath extends `/v1/daos/{id}/typed-data/${infer A}` ? A : never;
type TypedDataBody<A extends TypedDataAction> = import('./schema').paths[`/v1/daos/{id}/typed-data/${A}`]['post'] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;
