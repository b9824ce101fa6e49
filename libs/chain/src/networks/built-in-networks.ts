import {
  getCompatibilityFallbackHandlerDeployment,
  getMultiSendCallOnlyDeployment,
  getMultiSendDeployment,
  getProxyFactoryDeployment,
  getSafeL2SingletonDeployment,
  getSignMessageLibDeployment,
  type SingletonDeployment,
} from '@safe-global/safe-deployments';
import sfMeta from '@superfluid-finance/metadata';
import { extendedSuperTokenList } from '@superfluid-finance/tokenlist';
import { getAddress, type Address } from 'viem';
import type { NetworkProfile, ProfileToken, SafeContracts } from './network-profile';

const SAFE_VERSION = '1.4.1';

/**
 * Blocks to wait before the indexer trusts a log, by chain family. Chains with single-slot finality need
 * none; rollups reorg only when their sequencer does; Polygon PoS reorgs tens of blocks now and then.
 */
const CONFIRMATIONS: Record<number, number> = {
  1: 12, // Ethereum: two epochs' worth of head reorg margin
  11155111: 12,
  10: 10, // OP Stack
  11155420: 10,
  8453: 10,
  84532: 10,
  42161: 20, // Arbitrum: fast blocks
  137: 64, // Polygon PoS
  100: 12, // Gnosis
  42220: 1, // Celo: single-block finality
  43114: 1, // Avalanche C-Chain: single-block finality
  43113: 1,
  56: 15, // BNB Smart Chain
  534352: 10, // Scroll
};
const DEFAULT_CONFIRMATIONS = 12;

type SfNetwork = (typeof sfMeta.networks)[number];

/** The canonical 1.4.1 address of a Safe contract on `chainId`, or undefined when it is not deployed there. */
const safeAddress = (get: (filter: { version: string; network: string }) => SingletonDeployment | undefined, chainId: number) => {
  const deployment = get({ version: SAFE_VERSION, network: String(chainId) });
  const listed = deployment?.networkAddresses[String(chainId)];
  if (!deployment || listed === undefined) return undefined;
  const candidates: string[] = Array.isArray(listed) ? listed : [listed];
  const canonical: string | undefined = (deployment.deployments as Partial<Record<string, { address: string }>>).canonical?.address;
  const chosen = canonical && candidates.includes(canonical) ? canonical : candidates[0];
  return chosen ? getAddress(chosen) : undefined;
};

const safeContractsOn = (chainId: number): SafeContracts | undefined => {
  const found = {
    singleton: safeAddress(getSafeL2SingletonDeployment, chainId),
    proxyFactory: safeAddress(getProxyFactoryDeployment, chainId),
    multiSend: safeAddress(getMultiSendDeployment, chainId),
    multiSendCallOnly: safeAddress(getMultiSendCallOnlyDeployment, chainId),
    fallbackHandler: safeAddress(getCompatibilityFallbackHandlerDeployment, chainId),
    signMessageLib: safeAddress(getSignMessageLibDeployment, chainId),
  };
  return Object.values(found).every((a) => a !== undefined) ? (found as SafeContracts) : undefined;
};

type ListedToken = (typeof extendedSuperTokenList.tokens)[number];
type WrapperInfo = { readonly type?: string; readonly underlyingTokenAddress?: string };

let tokensByChain: Map<number, ProfileToken[]> | undefined;

/**
 * The ERC-20 tokens Superfluid's token list pairs with a wrapper Super Token on each chain (USDC with USDCx,
 * and so on), most used first as the list orders them. A token a DAO may hold must have a wrapper: payouts
 * stream in it.
 */
const listedTokens = (chainId: number): readonly ProfileToken[] => {
  if (!tokensByChain) {
    tokensByChain = new Map();
    const byAddress = new Map<string, ListedToken>(
      extendedSuperTokenList.tokens.map((t) => [`${t.chainId}:${t.address.toLowerCase()}`, t]),
    );
    const score = (t: ListedToken) => (t.extensions as { orderingScore?: number } | undefined)?.orderingScore ?? 0;
    const wrappers = extendedSuperTokenList.tokens
      .filter((t) => (t.extensions?.superTokenInfo as WrapperInfo | undefined)?.type === 'Wrapper')
      .sort((a, b) => score(b) - score(a));
    for (const wrapper of wrappers) {
      const underlying = (wrapper.extensions.superTokenInfo as WrapperInfo).underlyingTokenAddress;
      const token = underlying && byAddress.get(`${wrapper.chainId}:${underlying.toLowerCase()}`);
      if (!token) continue;
      const list = tokensByChain.get(wrapper.chainId) ?? [];
      if (list.some((t) => t.address.toLowerCase() === token.address.toLowerCase())) continue;
      list.push({
        symbol: token.symbol,
        address: getAddress(token.address),
        decimals: token.decimals,
        superToken: getAddress(wrapper.address),
      });
      tokensByChain.set(wrapper.chainId, list);
    }
  }
  return tokensByChain.get(chainId) ?? [];
};

const profileOf = (network: SfNetwork): NetworkProfile | undefined => {
  const safe = safeContractsOn(network.chainId);
  const v1 = network.contractsV1 as unknown as Partial<Record<string, string>>;
  const needed = ['host', 'gdaV1', 'gdaV1Forwarder', 'cfaV1Forwarder', 'superTokenFactory', 'resolver'];
  if (!safe || needed.some((k) => typeof v1[k] !== 'string')) return undefined;
  const address = (k: string): Address => getAddress(v1[k]!);
  return {
    name: network.name,
    chainId: network.chainId,
    displayName: network.humanReadableName,
    testnet: network.isTestnet,
    rpcUrls: [...(network.publicRPCs ?? [])],
    confirmations: CONFIRMATIONS[network.chainId] ?? DEFAULT_CONFIRMATIONS,
    ...(network.explorer && { explorer: network.explorer }),
    safe,
    superfluid: {
      host: address('host'),
      gda: address('gdaV1'),
      gdaForwarder: address('gdaV1Forwarder'),
      cfaForwarder: address('cfaV1Forwarder'),
      superTokenFactory: address('superTokenFactory'),
      resolver: address('resolver'),
    },
    tokens: [...listedTokens(network.chainId)],
  };
};

/**
 * Every chain where both Safe 1.4.1 and the Superfluid framework are deployed, read from the two projects'
 * own published address books, with the tokens Superfluid's token list wraps there (so a new release of any
 * of them is one dependency bump away). Deprecated
 * Superfluid networks are left out.
 */
export const builtInNetworks = (): readonly NetworkProfile[] =>
  sfMeta.networks
    .filter((n) => !(n as { isDeprecated?: boolean }).isDeprecated)
    .map(profileOf)
    .filter((p): p is NetworkProfile => p !== undefined)
    .sort((a, b) => Number(a.testnet) - Number(b.testnet) || a.chainId - b.chainId);

/** Short names people type, beside metadata's own (`base-sepolia` as well as `base-sepolia`, `ethereum` for `eth-mainnet`). */
const ALIASES: Record<string, number> = {
  ethereum: 1,
  mainnet: 1,
  optimism: 10,
  base: 8453,
  arbitrum: 42161,
  polygon: 137,
  gnosis: 100,
  celo: 42220,
  avalanche: 43114,
  sepolia: 11155111,
  'op-sepolia': 11155420,
};

/** The built-in profile named `name` (metadata's name, its short name, an alias) or with that chain id. */
export const findBuiltInNetwork = (name: string): NetworkProfile | undefined => {
  const key = name.trim().toLowerCase();
  const networks = builtInNetworks();
  const byId = /^\d+$/.test(key) ? Number(key) : ALIASES[key];
  return networks.find(
    (p) => p.chainId === byId || p.name === key || sfMeta.networks.find((n) => n.chainId === p.chainId)?.shortName.toLowerCase() === key,
  );
};
