import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signTypedData, SignTypedDataVersion, type MessageTypes, type TypedMessage } from '@metamask/eth-sig-util';
import { deploySafe, superTokenAbi, type NetworkProfile } from '@ayllu/chain';
import { getAddress, keccak256, parseEther, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { communityVaultAbi } from '../../contracts/abi/community-vault';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { deployLocalNetwork } from '../../libs/chain/src/local/deploy-local-network';
import { devClients, type DevClients } from '../../libs/chain/src/local/dev-clients';
import { startHardhatNode, type HardhatNode } from '../../libs/chain/src/local/start-hardhat-node';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, startPlatformProcess, type PlatformProcess } from './platform-process';

jest.setTimeout(600_000);

const ADMIN_KEY = 'real-network-admin-key-0123456789abcdef';
const key = (label: string): Hex => keccak256(toHex(`ayllu:real-network:${label}`));
const DAY = 86_400;

type Json = Record<string, unknown>;
type ServedTypedData = TypedMessage<MessageTypes>;

/**
 * Ayllu on a chain it did not deploy itself, run the way an operator runs it. A Hardhat node started here (not by
 * `npm start`) gets Safe 1.4.1 at its canonical addresses through the Safe singleton factory and the Superfluid
 * framework; their addresses go into a profile file; the API and the worker run as their own processes with
 * only RPC_URL and NETWORK_PROFILE to find the chain. A DAO attaches an existing Safe whose owners are a wallet and
 * another Safe; members sign with their keys; the wallet treasurer signs every Safe transaction exactly as the
 * API serves it, with MetaMask's signing library; the Safe treasurer signs by EIP-1271 (its owner signs the
 * SafeMessage the API serves for it). The DISTRIBUTE_YIELDS proposal passes, executes, and the stream runs.
 */
describe('a real network: canonical Safe, profile file, attached Safe with a Safe owner', () => {
  let node: HardhatNode;
  let chain: DevClients;
  let profile: NetworkProfile;
  let db: TestDatabase;
  let dir: string;
  const processes: PlatformProcess[] = [];
  let base: string;

  const relayer = privateKeyToAccount(key('relayer'));
  const walletTreasurerKey = key('treasurer-wallet');
  const walletTreasurer = privateKeyToAccount(walletTreasurerKey);
  const innerOwnerKey = key('treasurer-inner-owner');
  const innerOwner = privateKeyToAccount(innerOwnerKey);
  const founders = ['ana', 'bruno', 'carla'].map((n) => privateKeyToAccount(key(n)));
  const yieldSource = privateKeyToAccount(key('yield'));
  let innerSafe: Address;
  let daoSafe: Address;

  beforeAll(async () => {
    node = await startHardhatNode();
    chain = devClients(node.rpcUrl);
    profile = await deployLocalNetwork(node.rpcUrl, { name: 'local-canonical' });
    dir = mkdtempSync(path.join(tmpdir(), 'ayllu-real-network-'));
    const profileFile = path.join(dir, 'local-canonical.json');
    writeFileSync(profileFile, JSON.stringify(profile, null, 2));
    for (const account of [relayer, walletTreasurer, innerOwner, ...founders, yieldSource])
      await chain.test.setBalance({ address: account.address, value: parseEther('100') });

    // The treasury the community already has: a 2-of-2 Safe whose owners are a wallet and another Safe (1-of-1).
    const deployer = { wallet: chain.wallet(0), public: chain.public };
    const safeContracts = {
      singleton: profile.safe.singleton,
      proxyFactory: profile.safe.proxyFactory,
      fallbackHandler: profile.safe.fallbackHandler,
    };
    innerSafe = await deploySafe(deployer, { ...safeContracts, owners: [innerOwner.address], threshold: 1n, saltNonce: 1n });
    daoSafe = await deploySafe(deployer, { ...safeContracts, owners: [walletTreasurer.address, innerSafe], threshold: 2n, saltNonce: 2n });

    db = await createTestDatabase();
    const port = await freePort();
    const env = {
      RPC_URL: node.rpcUrl,
      NETWORK_PROFILE: profileFile,
      DATABASE_URL: db.url,
      ADMIN_API_KEY: ADMIN_KEY,
      RELAYER_PRIVATE_KEY: key('relayer'),
      DATA_DIR: dir,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '0',
      WORKER_OPERATIONS_PORT: '0',
      PAYOUT_CACHE_REFRESH_SECONDS: '1',
    };
    processes.push(await startPlatformProcess('apps/worker/src/main.ts', env, { ready: /worker started/ }));
    processes.push(await startPlatformProcess('apps/api/src/main.ts', env, { ready: new RegExp(`http://127\\.0\\.0\\.1:${port}`) }));
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    for (const p of processes.reverse()) await p.stop();
    await db?.drop();
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const api = async (method: string, route: string, body?: unknown, admin = false) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (admin) headers.authorization = `Bearer ${ADMIN_KEY}`;
    const response = await fetch(`${base}${route}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const ok = async (method: string, route: string, body?: unknown, admin = false) => {
    const res = await api(method, route, body, admin);
    if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${processes.map((p) => p.output()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const send = async (
    account: PrivateKeyAccount,
    request: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] },
  ) => {
    const hash = await chain.wallet(account).writeContract(request as never);
    const receipt = await chain.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${request.functionName} reverted`);
  };
  /** A member's signed write: the API's typed data, signed with the member's key as a wallet would. */
  const signed = async (daoId: string, action: string, intent: Json, signer: PrivateKeyAccount) => {
    const typed = await ok('POST', `/v1/daos/${daoId}/typed-data/${action}`, intent);
    const { EIP712Domain: _domain, ...types } = typed.types as Record<string, unknown>;
    const signature = await signer.signTypedData({
      domain: typed.domain,
      types,
      primaryType: typed.primaryType,
      message: typed.message,
    } as never);
    return { message: typed.message, signature };
  };
  const metamaskSign = (privateKey: Hex, document: ServedTypedData): Hex =>
    signTypedData({ privateKey: Buffer.from(privateKey.slice(2), 'hex'), data: document, version: SignTypedDataVersion.V4 }) as Hex;

  /** Both treasurers approve a Safe transaction: the wallet over the served SafeTx, the Safe by EIP-1271. */
  const approve = async (daoId: string, safeTxHash: string) => {
    const servedText = await (await fetch(`${base}/v1/daos/${daoId}/safe-transactions/${safeTxHash}`)).text();
    const served = JSON.parse(servedText) as {
      typedData: ServedTypedData;
      contractOwners: { owner: Address; typedData: ServedTypedData }[] | null;
    };
    expect(Object.keys(served.typedData.types)).toContain('EIP712Domain');
    const byWallet = metamaskSign(walletTreasurerKey, JSON.parse(JSON.stringify(served.typedData)) as ServedTypedData);
    const first = await api('POST', `/v1/daos/${daoId}/safe-transactions/${safeTxHash}/signatures`, {
      signer: walletTreasurer.address,
      signature: byWallet,
    });
    expect(first.status).toBe(200);
    const forSafe = served.contractOwners?.find((o) => getAddress(o.owner) === innerSafe);
    expect(forSafe).toBeDefined();
    const byInnerOwner = metamaskSign(innerOwnerKey, forSafe!.typedData);
    const second = await api('POST', `/v1/daos/${daoId}/safe-transactions/${safeTxHash}/signatures`, {
      signer: innerSafe,
      signature: byInnerOwner,
    });
    expect(second.status).toBe(200);
  };

  it('runs a DAO on an attached Safe through a DISTRIBUTE_YIELDS stream', async () => {
    // The profile file is the canonical Safe deployment.
    expect(profile.safe.singleton).toBe('0x29fcB43b46531BcA003ddC8FCB67FFE91900C762');

    const created = await ok(
      'POST',
      '/v1/daos',
      {
        name: 'Attached treasury',
        safe: daoSafe,
        founders: founders.map((f) => f.address),
        timelockDelaySeconds: 0,
        votingPeriodSeconds: 3600,
        earlyClose: true,
      },
      true,
    );
    const daoId = created.id as string;
    const contracts = await until('the DAO contracts', async () => {
      const res = await api('GET', `/v1/daos/${daoId}/contracts`);
      return res.status === 200 ? res.body : undefined;
    });
    expect(getAddress(contracts.safe as string)).toBe(daoSafe);
    expect((contracts.owners as string[]).map((o) => getAddress(o)).sort()).toEqual([walletTreasurer.address, innerSafe].sort());

    // The treasurers enable the DAO's timelock relay as the Safe's module, signing like any other Safe transaction.
    const setup = await until('the module-enabling Safe transaction', async () => {
      const list = await ok('GET', `/v1/daos/${daoId}/safe-transactions?status=awaiting-signatures`);
      return (list.items as { safeTxHash: string; purpose: string }[]).find((t) => t.purpose === 'enable_module');
    });
    await approve(daoId, setup.safeTxHash);
    await until('the module to be enabled', async () => {
      const res = await ok('GET', `/v1/daos/${daoId}/safe-transactions/${setup.safeTxHash}`);
      return res.status === 'executed' ? res : undefined;
    });

    // Members deposit; yield reaches the treasury as Super Tokens.
    const token = profile.tokens[0];
    const vault = contracts.vault as Address;
    for (const founder of founders) {
      const amount = parseEther('100');
      await send(founder, { address: token.address, abi: testTokenAbi, functionName: 'mint', args: [founder.address, amount] });
      await send(founder, { address: token.address, abi: testTokenAbi, functionName: 'approve', args: [vault, amount] });
      await send(founder, { address: vault, abi: communityVaultAbi, functionName: 'deposit', args: [amount] });
    }
    const yieldAmount = parseEther('1000');
    await send(yieldSource, { address: token.address, abi: testTokenAbi, functionName: 'mint', args: [yieldSource.address, yieldAmount] });
    await send(yieldSource, { address: token.address, abi: testTokenAbi, functionName: 'approve', args: [token.superToken, yieldAmount] });
    await send(yieldSource, { address: token.superToken, abi: superTokenAbi, functionName: 'upgrade', args: [yieldAmount] });
    await send(yieldSource, { address: token.superToken, abi: superTokenAbi, functionName: 'transfer', args: [daoSafe, yieldAmount] });

    // A DISTRIBUTE_YIELDS stream proposal passes with the founders' signed votes.
    const rate = parseEther('300') / BigInt(30 * DAY);
    const proposal = await ok(
      'POST',
      `/v1/daos/${daoId}/proposals`,
      await signed(
        daoId,
        'proposal',
        {
          proposer: founders[0].address,
          type: 'DISTRIBUTE_YIELDS',
          title: 'Stream the yield',
          payload: { mode: 'stream', flowRatePerSecond: rate.toString() },
        },
        founders[0],
      ),
    );
    const proposalId = proposal.id as string;
    // Early close: the vote ends as soon as its outcome can no longer change.
    for (const voter of founders) {
      if ((await ok('GET', `/v1/daos/${daoId}/proposals/${proposalId}`)).state !== 'Active') break;
      await ok(
        'POST',
        `/v1/daos/${daoId}/proposals/${proposalId}/votes`,
        await signed(daoId, 'vote', { voter: voter.address, proposalId, support: 'for' }, voter),
      );
    }

    const schedule = await until('the schedule Safe transaction', async () => {
      const list = await ok('GET', `/v1/daos/${daoId}/safe-transactions?status=awaiting-signatures`);
      return (list.items as { safeTxHash: string; proposalId: string }[]).find((t) => t.proposalId === proposalId);
    });
    await approve(daoId, schedule.safeTxHash);
    await until('the proposal to execute', async () => {
      const state = (await ok('GET', `/v1/daos/${daoId}/proposals/${proposalId}`)).state as string;
      if (state === 'Failed') throw new Error('the proposal failed on chain');
      return state === 'Executed' ? state : undefined;
    });

    // The stream runs: the pool receives the flow, and members' received amounts grow as chain time passes.
    const payouts = await until('a stream in the payouts', async () => {
      const res = await ok('GET', `/v1/daos/${daoId}/payouts`);
      return BigInt(res.totalFlowRate as string) > 0n ? res : undefined;
    });
    expect(BigInt(payouts.totalFlowRate as string)).toBeLessThanOrEqual(rate);
    await chain.test.increaseTime({ seconds: DAY });
    await chain.test.mine({ blocks: 1 });
    const after = await until('payouts read after a day', async () => {
      const res = await ok('GET', `/v1/daos/${daoId}/payouts`);
      const members = res.members as { received: string }[];
      return members.length === founders.length && members.every((m) => BigInt(m.received) > 0n) ? res : undefined;
    });
    expect((after.members as unknown[]).length).toBe(3);
  });
});
