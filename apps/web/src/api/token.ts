import { useQuery } from '@tanstack/react-query';
import { erc20Abi, type Address } from 'viem';
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

const forever = { staleTime: Infinity, gcTime: Infinity, retry: 5 } as const;

/**
 * The two tokens a DAO's amounts are counted in: the vault's asset (deposits, balances, withdrawals, the minimum
 * deposit, WITHDRAW_FUNDS) and the payout Super Token (streams, claims, DISTRIBUTE_YIELDS). Undefined until read.
 */
export const useDaoTokens = (daoId: string): { asset: TokenInfo | undefined; payout: TokenInfo | undefined } => {
  const contracts = useContracts(daoId).data;
  const chainId = contracts?.chainId;
  const vault = contracts?.vault as Address | undefined;
  const payoutToken = contracts?.payoutToken as Address | undefined;
  const asset = useQuery({
    queryKey: ['token', 'vault-asset', chainId, vault],
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
    queryKey: ['token', chainId, payoutToken],
    enabled: !!payoutToken && chainId !== undefined,
    queryFn: () => readToken(chainId!, payoutToken!),
    ...forever,
  });
  return { asset: asset.data, payout: payout.data };
};
