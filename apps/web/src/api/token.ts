import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { erc20Abi, type Address } from 'viem';
import { useConnection } from 'wagmi';
import { readContract } from 'wagmi/actions';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import type { TokenUnits } from '../ui/format';
import { wagmiConfig } from '../wallet/config';
import { useContracts, type Contracts } from './queries';

export interface TokenInfo extends TokenUnits {
  readonly address: Address;
  readonly symbol: string;
}

/** A token's decimals and symbol never change: read once from the chain per tab, then kept. */
const readToken = async (chainId: number, address: Address): Promise<TokenInfo> => {
  const read = (functionName: 'decimals' | 'symbol') =>
    readContract(wagmiConfig, { address, abi: erc20Abi, functionName, chainId: chainId as never });
  const [decimals, symbol] = await Promise.all([read('decimals'), read('symbol').catch(() => '')]);
  return { address, decimals: Number(decimals), symbol: String(symbol) };
};

/** Retries soon: a read that failed before the wallet connected should not wait out a long backoff. */
export const retrySoon = { retry: 20, retryDelay: (attempt: number) => Math.min(500 * 2 ** attempt, 4000) } as const;

const forever = { staleTime: Infinity, gcTime: Infinity, ...retrySoon } as const;

const assetQuery = (contracts: Contracts) => ({
  queryKey: ['token', 'vault-asset', contracts.chainId, contracts.vault],
  queryFn: async () => {
    const address = await readContract(wagmiConfig, {
      address: contracts.vault as Address,
      abi: communityVaultAbi,
      functionName: 'asset',
      chainId: contracts.chainId as never,
    });
    return readToken(contracts.chainId, address);
  },
  ...forever,
});

const payoutQuery = (contracts: Contracts) => ({
  queryKey: ['token', contracts.chainId, contracts.payoutToken],
  queryFn: () => readToken(contracts.chainId, contracts.payoutToken as Address),
  ...forever,
});

/** Both tokens, waiting for the chain when they are not known yet: what a write needs before it parses an amount. */
export const loadDaoTokens = async (client: QueryClient, contracts: Contracts) => {
  const [asset, payout] = await Promise.all([
    client.ensureQueryData(assetQuery(contracts)),
    client.ensureQueryData(payoutQuery(contracts)),
  ]);
  return { asset, payout };
};

/**
 * Reads go through the wallet's provider once it is connected, else the chain's public RPC: a read that failed before
 * the wallet connected is asked again as soon as it has.
 */
export const useRetryOnConnect = (prefix: string) => {
  const client = useQueryClient();
  const { status } = useConnection();
  useEffect(() => {
    if (status === 'connected')
      void client.refetchQueries({ queryKey: [prefix], predicate: (q) => q.state.status === 'error' || q.state.data === undefined });
  }, [client, prefix, status]);
};

/**
 * The two tokens a DAO's amounts are counted in: the vault's asset (deposits, balances, withdrawals, the minimum
 * deposit, WITHDRAW_FUNDS) and the payout Super Token (streams, claims, DISTRIBUTE_YIELDS). Undefined until read.
 */
export const useDaoTokens = (daoId: string): { asset: TokenInfo | undefined; payout: TokenInfo | undefined } => {
  const contracts = useContracts(daoId).data;
  useRetryOnConnect('token');
  const placeholder = { chainId: 0, vault: '', payoutToken: '' } as Contracts;
  const asset = useQuery({ ...assetQuery(contracts ?? placeholder), enabled: !!contracts });
  const payout = useQuery({ ...payoutQuery(contracts ?? placeholder), enabled: !!contracts });
  return { asset: asset.data, payout: payout.data };
};
