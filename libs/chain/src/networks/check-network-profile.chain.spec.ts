import { describe, expect, it } from '@jest/globals';
import { loadDevChain } from '../../../../test/chain/dev-chain';
import { devChainProfile } from './dev-chain-profile';
import { checkNetworkProfile } from './load-network-profile';
import { parseNetworkProfile } from './network-profile';

describe('the start-up check of a network profile', () => {
  const { devChain, clients } = loadDevChain();
  const profile = devChainProfile(devChain);

  it('passes for the development chain, whose profile round-trips through its file format', async () => {
    expect(parseNetworkProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
    await expect(checkNetworkProfile(clients.public, profile, devChain.rpcUrl)).resolves.toBeUndefined();
  });

  it('stops with one line naming every contract the chain does not have', async () => {
    const broken = { ...profile, superfluid: { ...profile.superfluid, gdaForwarder: devChain.deployer } };
    await expect(checkNetworkProfile(clients.public, broken, devChain.rpcUrl)).rejects.toThrow(
      `development: no contract at superfluid.gdaForwarder ${devChain.deployer} on chain ${devChain.chainId} (RPC_URL ${devChain.rpcUrl})`,
    );
  });

  it('stops when RPC_URL is another chain than the profile says', async () => {
    await expect(checkNetworkProfile(clients.public, { ...profile, chainId: 8453 }, devChain.rpcUrl)).rejects.toThrow(
      `development: RPC_URL ${devChain.rpcUrl} is chain ${devChain.chainId}, but the profile is for chain 8453`,
    );
  });

  it('stops when RPC_URL does not answer', async () => {
    const { devClients } = await import('../local/dev-clients');
    const nowhere = 'http://127.0.0.1:9';
    await expect(checkNetworkProfile(devClients(nowhere).public, profile, nowhere)).rejects.toThrow(
      /^development: RPC_URL http:\/\/127\.0\.0\.1:9 does not answer/,
    );
  });
});
