import { useQuery } from '@tanstack/react-query';
import { erc20Abi, type Address } from 'viem';
import { useConnection } from 'wagmi';
import { readContract } from 'wagmi/actions';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import type { TokenUnits } from '../ui/format';
import { wagmiConfig } from '../wallet/config';
import { useContracts } from './queries';

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

/**
 * Reads go through the wallet's provider once it is connected (on the DAO's chain), else the chain's public RPC; which
 * one can answer changes as the wallet connects or switches, so a read is keyed by it and asked again at once.
 */
export const useReadRoute = () => {
  const { status, chainId } = useConnection();
  return [status === 'connected' ? 'wallet' : 'rpc', chainId ?? 0] as const;
};

/** Retries soon: a read that failed before the wallet connected should not wait out a long backoff. */
export const retrySoon = { retry: 20, retryDelay: (attempt: number) => Math.min(500 * 2 ** attempt, 5000) } as const;

const forever = { staleTime: Infinity, gcTime: Infinity, ...retrySoon } as const;

/**
 * The two tokens a DAO's amounts are counted in: the vault's asset (deposits, balances, withdrawals, the minimum
 * deposit, WITHDRAW_FUNDS) and the payout Super Token (streams, claims, DISTRIBUTE_YIELDS). Undefined until read.
 */
export const useDaoTokens = (daoId: string): { asset: TokenInfo | undefined; payout: TokenInfo | undefined } => {
  const contracts = useContracts(daoId).data;
  const chainId = contracts?.chainId;
  const vault = contracts?.vault as Address | undefined;
  const payoutToken = contracts?.payoutToken as Address | undefined;
  const route = useReadRoute();
  const asset = useQuery({
    queryKey: ['token', 'vault-asset', chainId, vault, ...route],
    enabled: !!vault && chainId !== undefined,
    queryFn: async () => {
      const address = await readContract(wagmiConfig, {
        address: vault!,
        abi: communityVaultAbi,
        functionName: 'asset',
        chainId: chainId as never,
      });
      return readToken(chainId!, address);
    },
    ...forever,
  });
  const payout = useQuery({
    queryKey: ['token', chainId, payoutToken, ...route],
    enabled: !!payoutToken && chainId !== undefined,
    queryFn: () => readToken(chainId!, payoutToken!),
    ...forever,
  });
  return { asset: asset.data, payout: payout.data };
};
