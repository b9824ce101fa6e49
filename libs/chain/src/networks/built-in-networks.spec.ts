import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getAddress } from 'viem';
import { builtInNetworks, findBuiltInNetwork } from './built-in-networks';
import { selectNetworkProfile } from './load-network-profile';

const root = path.resolve(__dirname, '../../../..');
/** The two projects' address books read as raw JSON, not through the code under test. */
const safeAsset = (file: string) =>
  JSON.parse(readFileSync(path.join(root, 'node_modules/@safe-global/safe-deployments/dist/assets/v1.4.1', file), 'utf8')) as {
    deployments: Record<string, { address: string }>;
    networkAddresses: Record<string, string | string[]>;
  };
const superfluidNetworks = JSON.parse(readFileSync(path.join(root, 'node_modules/@superfluid-finance/metadata/networks.json'), 'utf8')) as {
  chainId: number;
  contractsV1: Record<string, string>;
}[];

const REQUIRED = {
  Ethereum: 1,
  Optimism: 10,
  Base: 8453,
  'Arbitrum One': 42161,
  Polygon: 137,
  Gnosis: 100,
  Celo: 42220,
  Avalanche: 43114,
  Sepolia: 11155111,
  'OP Sepolia': 11155420,
  'Base Sepolia': 84532,
};

describe('built-in network profiles', () => {
  const networks = builtInNetworks();

  it.each(Object.entries(REQUIRED))('include %s (chain %i)', (_name, chainId) => {
    expect(networks.map((n) => n.chainId)).toContain(chainId);
  });

  it("carry exactly the Safe 1.4.1 addresses of @safe-global/safe-deployments' address book", () => {
    const files = {
      singleton: 'safe_l2.json',
      proxyFactory: 'safe_proxy_factory.json',
      multiSend: 'multi_send.json',
      multiSendCallOnly: 'multi_send_call_only.json',
      fallbackHandler: 'compatibility_fallback_handler.json',
      signMessageLib: 'sign_message_lib.json',
    } as const;
    for (const network of networks)
      for (const [field, file] of Object.entries(files)) {
        const asset = safeAsset(file);
        const listed = asset.networkAddresses[String(network.chainId)];
        // The raw book names deployment types ("canonical", "eip155"), each with its address.
        const candidates = (Array.isArray(listed) ? listed : [listed]).map((t) => getAddress(asset.deployments[t]?.address ?? t));
        expect(candidates).toContain(network.safe[field as keyof typeof files]);
        if (candidates.includes(getAddress(asset.deployments.canonical.address)))
          expect(network.safe[field as keyof typeof files]).toBe(getAddress(asset.deployments.canonical.address));
      }
  });

  it("carry exactly the Superfluid addresses of @superfluid-finance/metadata's networks.json", () => {
    for (const network of networks) {
      const v1 = superfluidNetworks.find((n) => n.chainId === network.chainId)!.contractsV1;
      expect(network.superfluid).toEqual({
        host: getAddress(v1.host),
        gda: getAddress(v1.gdaV1),
        gdaForwarder: getAddress(v1.gdaV1Forwarder),
        cfaForwarder: getAddress(v1.cfaV1Forwarder),
        superTokenFactory: getAddress(v1.superTokenFactory),
        resolver: getAddress(v1.resolver),
      });
    }
  });

  it("offer the tokens Superfluid's token list wraps, each with its wrapper Super Token", () => {
    const list = JSON.parse(
      readFileSync(path.join(root, 'node_modules/@superfluid-finance/tokenlist/dist/superfluid.extended.tokenlist.json'), 'utf8'),
    ) as {
      tokens: {
        chainId: number;
        address: string;
        symbol: string;
        extensions?: { superTokenInfo?: { type: string; underlyingTokenAddress?: string } };
      }[];
    };
    const base = networks.find((n) => n.chainId === 8453)!;
    const usdc = base.tokens.find((t) => t.symbol === 'USDC')!;
    expect(usdc).toMatchObject({ address: getAddress('0x833589fcd6edb6e08f4c7c32d4f71b54bda02913'), decimals: 6 });
    for (const chainId of Object.values(REQUIRED)) expect(networks.find((n) => n.chainId === chainId)!.tokens.length).toBeGreaterThan(0);
    for (const network of networks) {
      for (const token of network.tokens) {
        const wrapper = list.tokens.find((t) => t.chainId === network.chainId && getAddress(t.address) === token.superToken);
        expect(wrapper?.extensions?.superTokenInfo).toMatchObject({ type: 'Wrapper' });
        expect(getAddress(wrapper!.extensions!.superTokenInfo!.underlyingTokenAddress!)).toBe(token.address);
      }
    }
  });

  it('are found by their name, a short alias or their chain id', () => {
    expect(findBuiltInNetwork('base-sepolia')?.chainId).toBe(84532);
    expect(findBuiltInNetwork('base')?.chainId).toBe(8453);
    expect(findBuiltInNetwork('ethereum')?.chainId).toBe(1);
    expect(findBuiltInNetwork('42161')?.name).toBe('arbitrum-one');
    expect(selectNetworkProfile({ CHAIN: 'Base-Sepolia' })?.chainId).toBe(84532);
  });

  it('refuse an unknown CHAIN with one line that lists the known ones', () => {
    expect(() => selectNetworkProfile({ CHAIN: 'atlantis' })).toThrow(
      /^CHAIN=atlantis is not a built-in network \(.*base-sepolia.*\); .*NETWORK_PROFILE$/,
    );
  });
});
