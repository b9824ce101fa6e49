import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory';
import { getAddress, parseEther } from 'viem';
import { checkNetworkProfile, readNetworkProfile } from '../networks/load-network-profile';
import { buildSafeTransaction } from '../safe/build-safe-transaction';
import { safeSignatureRefusal } from '../safe/check-safe-execution';
import {
  buildSafeSignatureBytes,
  recordedContractSignature,
  safeTransactionPreimage,
  servedSafeMessageTypedData,
} from '../safe/contract-signature';
import { deploySafe } from '../safe/deploy-safe';
import { executeSafeTransaction } from '../safe/execute-safe-transaction';
import { hashSafeTransaction, safeTransactionTypedData } from '../safe/safe-typed-data';
import type { NetworkProfile } from '../networks/network-profile';
import { canonicalSafeAddresses, deployCanonicalSafe } from './deploy-canonical-safe';
import { deployLocalNetwork } from './deploy-local-network';
import { devAccount, devClients, type DevClients } from './dev-clients';
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

  it('runs a Safe transaction one of whose owners is itself a Safe, which approves it by EIP-1271, on the profile read from its file', async () => {
    const { safe: contracts, chainId } = readNetworkProfile(file);
    const [eoa1, eoa2, eoa5, stranger] = [devAccount(1), devAccount(2), devAccount(5), devAccount(3)];
    const setup = { singleton: contracts.singleton, proxyFactory: contracts.proxyFactory, fallbackHandler: contracts.fallbackHandler };
    const innerSafe = await deploySafe(
      { wallet: clients.wallet(2), public: clients.public },
      { ...setup, owners: [eoa2.address, eoa5.address], threshold: 2n },
    );
    const daoSafe = await deploySafe(
      { wallet: clients.wallet(1), public: clients.public },
      { ...setup, owners: [eoa1.address, innerSafe], threshold: 2n, saltNonce: 1n },
    );
    await clients.test.setBalance({ address: daoSafe, value: parseEther('1') });
    const recipient = devAccount(9).address;
    const before = await clients.public.getBalance({ address: recipient });
    const context = { chainId, safe: daoSafe };
    const tx = buildSafeTransaction({ calls: [{ to: recipient, value: 1000n, data: '0x' }], nonce: 0n });
    const safeTxHash = hashSafeTransaction(context, tx);
    const message = servedSafeMessageTypedData(chainId, innerSafe, safeTransactionPreimage(context, tx));
    const preimage = message.message.message;

    // The inner Safe (2-of-2) is satisfied by both its owners' signatures of its SafeMessage, concatenated as it reads them;
    // with a stranger in place of one owner it refuses (GS026), and so does the DAO's Safe.
    const innerSignature = async (...signers: (typeof eoa1)[]) =>
      buildSafeSignatureBytes(
        await Promise.all(
          signers.map(async (a) => ({ kind: 'ecdsa' as const, signer: a.address, data: await a.signTypedData(message as never) })),
        ),
      );
    const byOwner = recordedContractSignature(innerSafe, await innerSignature(eoa5, eoa2));
    const byStranger = recordedContractSignature(innerSafe, await innerSignature(eoa2, stranger));
    expect(await safeSignatureRefusal(clients.public, daoSafe, safeTxHash, { signer: innerSafe, data: byStranger }, preimage)).toMatch(
      /GS026/,
    );
    expect(await safeSignatureRefusal(clients.public, daoSafe, safeTxHash, { signer: innerSafe, data: byOwner }, preimage)).toBeUndefined();

    const result = await executeSafeTransaction({
      wallet: clients.wallet(4),
      public: clients.public,
      safe: daoSafe,
      chainId,
      transaction: tx,
      signatures: [
        { signer: innerSafe, data: byOwner },
        { signer: eoa1.address, data: await eoa1.signTypedData(safeTransactionTypedData(context, tx)) },
      ],
    });
    expect(result).toMatchObject({ outcome: 'success', safeTxHash });
    expect(await clients.public.getBalance({ address: recipient })).toBe(before + 1000n);
  });
});
