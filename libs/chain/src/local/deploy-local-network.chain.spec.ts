import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory';
import { getAddress } from 'viem';
import { checkNetworkProfile, readNetworkProfile } from '../networks/load-network-profile';
import type { NetworkProfile } from '../networks/network-profile';
import { canonicalSafeAddresses, deployCanonicalSafe } from './deploy-canonical-safe';
import { deployLocalNetwork } from './deploy-local-network';
import { devClients, type DevClients } from './dev-clients';
import { startHardhatNode, type HardhatNode } from './start-hardhat-node';

describe('a local network with Safe 1.4.1 at its canonical addresses', () => {
  let node: HardhatNode;
  let clients: DevClients;
  let profile: NetworkProfile;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    node = await startHardhatNode();
    clients = devClients(node.rpcUrl);
    profile = await deployLocalNetwork(node.rpcUrl, { clients });
    dir = mkdtempSync(path.join(tmpdir(), 'ayllu-local-network-'));
    file = path.join(dir, 'local.json');
    writeFileSync(file, JSON.stringify(profile, null, 2));
  });
  afterAll(async () => {
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('puts every Safe contract where @safe-global/safe-deployments lists it for 1.4.1', () => {
    const canonical = canonicalSafeAddresses();
    expect(canonical.safeSingleton).toBe('0x29fcB43b46531BcA003ddC8FCB67FFE91900C762'); // SafeL2 1.4.1 on every chain
    expect(profile.safe).toEqual({
      singleton: canonical.safeSingleton,
      proxyFactory: canonical.safeProxyFactory,
      multiSend: canonical.multiSend,
      multiSendCallOnly: canonical.multiSendCallOnly,
      fallbackHandler: canonical.fallbackHandler,
      signMessageLib: canonical.signMessageLib,
    });
  });

  it('deployed the singleton factory from its pre-signed transaction', async () => {
    const factory = getAddress(getSingletonFactoryInfo(31337)!.address);
    expect(await clients.public.getCode({ address: factory })).toMatch(/^0x[0-9a-f]+$/);
  });

  it('finds everything in place when run again, sending nothing', async () => {
    const wallet = clients.wallet(0);
    const before = await clients.public.getTransactionCount({ address: wallet.account.address });
    await expect(deployCanonicalSafe({ wallet, public: clients.public })).resolves.toEqual(canonicalSafeAddresses());
    expect(await clients.public.getTransactionCount({ address: wallet.account.address })).toBe(before);
  });

  it('writes a profile file the start-up check accepts, Ayllu section included', async () => {
    const read = readNetworkProfile(file);
    expect(read).toEqual(profile);
    expect(read.ayllu?.communityVaultImplementation).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(read.tokens.map((t) => t.symbol)).toEqual(['TST']);
    await expect(checkNetworkProfile(clients.public, read, node.rpcUrl)).resolves.toBeUndefined();
  });

  it('refuses, in one line naming the field, a profile where a contract is an account without code', async () => {
    const eoa = clients.wallet(7).account.address;
    const broken = { ...profile, safe: { ...profile.safe, fallbackHandler: eoa } };
    const error = await checkNetworkProfile(clients.public, broken, node.rpcUrl).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(`local: no contract at safe.fallbackHandler ${eoa} on chain 31337 (RPC_URL ${node.rpcUrl})`);
    expect(error?.message).not.toContain('\n');
    const noVault = { ...profile, ayllu: { communityVaultImplementation: eoa } };
    await expect(checkNetworkProfile(clients.public, noVault, node.rpcUrl)).rejects.toThrow(
      `no contract at ayllu.communityVaultImplementation ${eoa}`,
    );
  });
});
