import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';

export type SharePool = Schemas['SharePoolView'];
export type Holder = Schemas['ShareHolderView'];
export type WayToAccess = SharePool['wayToAccess'];

/** Every pool has exactly this many shares: one share is one hundredth of a percent. */
export const TOTAL_SHARES = 10_000;

/** The pool's terms as the API serves them in `configuration` (amounts as decimal strings). */
export interface PoolTerms {
  readonly description?: string;
  readonly creator?: string;
  readonly maxParticipants?: number;
  readonly estimatedApr?: string | null;
  readonly distributionToken?: string;
  readonly purchaseToken?: string | null;
  readonly expiration?: string | null;
  readonly creatorShares?: number;
  readonly pricePerShare?: string;
  readonly transfersAllowed?: boolean;
  readonly accessConditions?: readonly (
    | { readonly kind: 'allowlist'; readonly addresses: readonly string[] }
    | { readonly kind: 'minimumBalance'; readonly token: string; readonly amount: string }
  )[];
}

export const termsOf = (p: SharePool): PoolTerms => p.configuration as unknown as PoolTerms;

export const codeCounts = (p: SharePool) => p.codes as unknown as { outstanding: number; redeemed: number; revoked: number };

/** Shares as a person reads them: "5% (500 of 10,000 shares)". */
export const sharesText = (shares: number) =>
  `${(shares / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}% (${shares.toLocaleString('en-US')} of 10,000 shares)`;

export const WAY_IN: Record<WayToAccess, string> = {
  buy: 'Buy shares at a fixed price',
  request: 'Ask to join; the DAO’s Safe decides how many shares you get',
  crowdfunding: 'Crowdfunding: contributions are held until the target and deadline, then shares are shared out by contribution',
  staking: 'Stake tokens: you earn shares for as long as they stay staked',
  codes: 'Redeem a one-time code',
};

/** Shares a way in can still give: what the pool holds, less what pending actions and outstanding codes promised. */
export const unpromised = (p: SharePool) => Math.max(0, p.available - p.reserved);

export const useSharePool = (daoId: string, poolId: string) =>
  useQuery({
    queryKey: ['share-pool', daoId, poolId],
    queryFn: async () => ({
      ...(await ok(api.GET('/v1/daos/{id}/share-pools/{poolId}', { params: { path: { id: daoId, poolId } } }))),
      fetchedAt: Date.now(),
    }),
    refetchInterval: 2000,
  });

export const useStatement = (daoId: string, poolId: string, address: string | undefined) =>
  useQuery({
    queryKey: ['share-statement', daoId, poolId, address],
    enabled: !!address,
    queryFn: () =>
      ok(
        api.GET('/v1/daos/{id}/share-pools/{poolId}/holders/{address}/statement', {
          params: { path: { id: daoId, poolId, address: address! } },
        }),
      ),
    refetchInterval: 10_000,
  });

export const statementCsvUrl = (daoId: string, poolId: string, address: string) =>
  `/v1/daos/${encodeURIComponent(daoId)}/share-pools/${encodeURIComponent(poolId)}/holders/${address}/statement.csv`;

/** Staking positions and crowdfunding contributors (the API document types these arrays loosely). */
export const stakingPositions = (p: SharePool) =>
  (p.staking?.positions ?? []) as unknown as readonly { member: string; amount: string; since: string }[];
export const contributors = (p: SharePool) =>
  (p.crowdfunding?.contributors ?? []) as unknown as readonly { address: string; amount: string }[];
