import { defineChain } from 'viem';

/**
 * The local Hardhat chain (id 31337). Defined here rather than imported from `viem/chains`: that entry point loads
 * every chain viem knows (about 1,000 modules, some 28 MiB of memory in each process that imports it).
 */
export const hardhatChain = defineChain({
  id: 31_337,
  name: 'Hardhat',
  nativeCurrency: { decimals: 18, name: 'Ether', symbol: 'ETH' },
  rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
});
