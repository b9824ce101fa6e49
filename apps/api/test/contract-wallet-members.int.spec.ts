import { mkdtempSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect } from '@jest/globals';
import { createPublicClient, hashTypedData, http, type Address, type Hex, type PublicClient } from 'viem';
import { deploySafe } from '../../../libs/chain/src/safe/deploy-safe';
import { fundedAccounts } from '../../../test/chain/accounts';
import { startPrivateDevChain, type DevChainContext } from '../../../test/chain/dev-chain';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { counterfactualSafe, erc6492, safeMemberSigner } from '../../../test/support/contract-wallets';
import { signIntent, type TestSigner, type TypedDataSigner } from '../../../test/support/signing';
import type { DaoView } from '../src/daos/dao.view';
import type { MemberView } from '../src/governance-reads/members/member.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import type { VoteView } from '../src/proposals/vote.view';
import { verifyWalletSignature } from '../src/signatures/verify-wallet-signature';
import { rpcFaultProxy } from '../../worker/test/rpc-fault-proxy';

jest.setTimeout(120_000);

const CHAIN_ID = 31337;
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

/**
 * Members whose wallet is a contract: a Safe 1.4.1 of one owner signs its members' messages through EIP-1271
 * (the owner signs the Safe's SafeMessage over the message's EIP-712 digest), and a Safe not deployed yet signs
 * through ERC-6492 (the factory call that would deploy it travels with the signature). The API checks them on a
 * real Hardhat chain; keys' signatures are checked without it.
 */
describe('Contract-wallet members (EIP-1271, ERC-6492)', () => {
  let chain: DevChainContext & { stop(): Promise<void> };
  let api: TestApi;
  let owner: TestSigner;
  let stranger: TestSigner;
  let safe: Address;

  beforeAll(async () => {
    chain = await startPrivateDevChain();
    [owner, stranger] = (await fundedAccounts(chain.clients, 'contract-wallet-members', 2)) as [TestSigner, TestSigner];
    const { safeSingleton, safeProxyFactory, fallbackHandler } = chain.devChain.safe;
    safe = await deploySafe(
      { wallet: chain.clients.wallet(owner), public: chain.clients.public },
      { owners: [owner.address], threshold: 1n, singleton: safeSingleton, proxyFactory: safeProxyFactory, fallbackHandler, saltNonce: 1n },
    );
    api = await startTestApi({ RPC_URL: chain.devChain.rpcUrl });
  });
  afterAll(async () => {
    await api?.close();
    await chain?.stop();
  });

  const eventCount = async (on: TestApi = api) =>
    (await on.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const lastEvent = async () =>
    (
      await api.db.pool.query<{ type: string; actor: string; data: Record<string, unknown> }>(
        `SELECT type, metadata->>'actor' AS actor, data FROM events ORDER BY global_position DESC LIMIT 1`,
      )
    ).rows[0];
  const createDao = async (on: TestApi, founders: Address[] = [owner.address]): Promise<string> => {
    const res = await on.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Contract wallets', founders } });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const join = async <T = MemberView>(on: TestApi, daoId: string, body: unknown) =>
    on.request<T>('POST', `/v1/daos/${daoId}/join-requests`, { body });
  const signedJoin = (on: TestApi, daoId: string, who: TypedDataSigner) =>
    signIntent(on, daoId, 'join-request', { address: who.address }, who);

  describe('a deployed Safe (EIP-1271)', () => {
    it('joins with its owner signing: accepted, the event names the Safe as its actor', async () => {
      const daoId = await createDao(api);
      const res = await join(api, daoId, await signedJoin(api, daoId, safeMemberSigner(safe, owner, CHAIN_ID)));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ address: safe, status: 'PENDING' });
      expect(await lastEvent()).toMatchObject({ actor: safe, data: expect.objectContaining({ member: safe }) });
    });

    it('as a founding member, proposes and votes', async () => {
      const daoId = await createDao(api, [safe, owner.address]);
      const signer = safeMemberSigner(safe, owner, CHAIN_ID);
      const intent = { proposer: safe, type: 'CHANGE_STRATEGY', title: 'Move idle funds', payload: { strategy: STRATEGY } };
      const proposed = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, {
        body: await signIntent(api, daoId, 'proposal', intent, signer),
      });
      expect(proposed.status).toBe(201);
      const pid = proposed.body.id;
      const vote = await signIntent(api, daoId, 'vote', { voter: safe, proposalId: pid, support: 'for', reason: 'from the Safe' }, signer);
      const voted = await api.request<VoteView>('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body: vote });
      expect(voted.status).toBe(201);
      expect(await lastEvent()).toMatchObject({ type: 'VoteCast', actor: safe });
    });

    it("refuses the Safe's message signed by someone who does not own it (401), appends nothing and leaves the nonce unused", async () => {
      const daoId = await createDao(api);
      const byStranger = await signedJoin(api, daoId, safeMemberSigner(safe, stranger, CHAIN_ID));
      const before = await eventCount();
      const refused = await join<Problem>(api, daoId, byStranger);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'SIGNATURE.INVALID', detail: expect.stringContaining('EIP-1271') });
      expect(await eventCount()).toBe(before);

      // The same message (same nonce), now signed by the owner, goes through: the refusal used nothing up.
      const byOwner = await safeMemberSigner(safe, owner, CHAIN_ID).signTypedData(await typedDataOf(daoId, byStranger.message));
      expect((await join(api, daoId, { message: byStranger.message, signature: byOwner })).status).toBe(201);
    });
  });

  it('accepts an undeployed Safe through an ERC-6492 signature, and the Safe stays undeployed', async () => {
    const future = await counterfactualSafe(chain.clients.public, chain.devChain.safe, owner.address, 6492n);
    expect(await chain.clients.public.getCode({ address: future.address })).toBeUndefined();
    const daoId = await createDao(api);
    const body = await signedJoin(api, daoId, safeMemberSigner(future.address, owner, CHAIN_ID, erc6492(future)));
    expect((body.signature.length - 2) / 2).toBeGreaterThan(65);
    const res = await join(api, daoId, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ address: future.address, status: 'PENDING' });
    expect(await lastEvent()).toMatchObject({ actor: future.address });
    expect(await chain.clients.public.getCode({ address: future.address })).toBeUndefined();
  });

  it('refuses an ERC-6492 signature the Safe would not accept once deployed (signed by a non-owner): 401', async () => {
    const future = await counterfactualSafe(chain.clients.public, chain.devChain.safe, owner.address, 6493n);
    const daoId = await createDao(api);
    const before = await eventCount();
    const res = await join<Problem>(
      api,
      daoId,
      await signedJoin(api, daoId, safeMemberSigner(future.address, stranger, CHAIN_ID, erc6492(future))),
    );
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SIGNATURE.INVALID');
    expect(await eventCount()).toBe(before);
  });

  describe('signatures that are not well formed: 400 naming `signature`, never a 5xx', () => {
    const cases: [string, unknown][] = [
      ['odd-length hex', `0x${'ab'.repeat(70)}a`],
      ['not hex', `0x${'zz'.repeat(70)}`],
      ['shorter than a key signature', `0x${'ab'.repeat(64)}`],
      ['over 16 KB', `0x${'ab'.repeat(16_385)}`],
      ['a number', 12345],
      ['an array', ['0x00']],
    ];
    it.each(cases)('%s', async (_label, signature) => {
      const daoId = await createDao(api);
      const { message } = await signedJoin(api, daoId, stranger);
      const before = await eventCount();
      const res = await join<Problem>(api, daoId, { message, signature });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain('signature');
      expect(await eventCount()).toBe(before);
    });

    it('long well-formed garbage is asked of the chain and refused with 401', async () => {
      const daoId = await createDao(api);
      const { message } = await signedJoin(api, daoId, safeMemberSigner(safe, owner, CHAIN_ID));
      for (const signature of [`0x${'00'.repeat(65)}`, `0x${'ff'.repeat(130)}`, `0x${'6492'.repeat(2000)}`, erc6492Garbage()]) {
        const res = await join<Problem>(api, daoId, { message, signature });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('SIGNATURE.INVALID');
      }
    });
  });

  describe('without a chain', () => {
    let noChain: TestApi;
    beforeAll(async () => {
      noChain = await startTestApi({ DATA_DIR: mkdtempSync(joinPath(tmpdir(), 'ayllu-no-chain-')) });
    });
    afterAll(() => noChain?.close());

    it("refuses a contract wallet's longer signature with 422 SIGNATURE.CHAIN_REQUIRED naming `signature`", async () => {
      const future = await counterfactualSafe(chain.clients.public, chain.devChain.safe, owner.address, 6494n);
      const daoId = await createDao(noChain);
      const res = await join<Problem>(
        noChain,
        daoId,
        await signedJoin(noChain, daoId, safeMemberSigner(future.address, owner, CHAIN_ID, erc6492(future))),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('SIGNATURE.CHAIN_REQUIRED');
      expect(res.body.errors?.map((e) => e.field)).toEqual(['signature']);
    });

    it("refuses a deployed Safe's 65-byte signature as not the Safe's key's (401), saying a chain is needed", async () => {
      const daoId = await createDao(noChain);
      const res = await join<Problem>(noChain, daoId, await signedJoin(noChain, daoId, safeMemberSigner(safe, owner, CHAIN_ID)));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'SIGNATURE.INVALID', detail: expect.stringContaining('chain') });
    });
  });

  describe('while the chain does not answer', () => {
    let down: TestApi;
    beforeAll(async () => {
      down = await startTestApi({ RPC_URL: 'http://127.0.0.1:9' }); // nothing listens there
    });
    afterAll(() => down?.close());

    it("answers a contract wallet's signature 503 CHAIN.UNAVAILABLE with Retry-After, appending nothing", async () => {
      const daoId = await createDao(down);
      for (const signer of [
        safeMemberSigner(safe, owner, CHAIN_ID),
        safeMemberSigner(
          safe,
          owner,
          CHAIN_ID,
          erc6492(await counterfactualSafe(chain.clients.public, chain.devChain.safe, owner.address, 1n)),
        ),
      ]) {
        const before = await eventCount(down);
        const res = await join<Problem>(down, daoId, await signedJoin(down, daoId, signer));
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(res.body.code).toBe('CHAIN.UNAVAILABLE');
        expect(await eventCount(down)).toBe(before);
      }
    });

    it("accepts a key's signature without asking the chain", async () => {
      const daoId = await createDao(down);
      const res = await join(down, daoId, await signedJoin(down, daoId, stranger));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ address: stranger.address, status: 'PENDING' });
    });
  });

  describe('while the provider refuses the contract call (HTTP 429) but answers the rest', () => {
    let relay: Awaited<ReturnType<typeof rpcFaultProxy>>;
    let limited: TestApi;
    beforeAll(async () => {
      relay = await rpcFaultProxy(chain.devChain.rpcUrl);
      limited = await startTestApi({ RPC_URL: relay.url });
    });
    afterAll(async () => {
      await limited?.close();
      await relay?.close();
    });

    it('answers 503 CHAIN.UNAVAILABLE, not "not signed", and accepts the same message once the call goes through', async () => {
      const daoId = await createDao(limited);
      const body = await signedJoin(limited, daoId, safeMemberSigner(safe, owner, CHAIN_ID));
      relay.refuse((request) => request.method === 'eth_call');
      const before = await eventCount(limited);
      const refused = await join<Problem>(limited, daoId, body);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('CHAIN.UNAVAILABLE');
      expect(relay.refused()).toBeGreaterThan(0);
      expect(await eventCount(limited)).toBe(before);
      relay.heal();
      expect((await join(limited, daoId, body)).status).toBe(201);
    });
  });

  describe('against a node that accepts connections and never replies', () => {
    const sockets = new Set<Socket>();
    let connections = 0;
    const silent = createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    let hung: PublicClient;
    beforeAll(async () => {
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      hung = createPublicClient({ transport: http(`http://127.0.0.1:${port}`, { retryCount: 1 }) });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      // The check given up on goes on in the background until its requests fail (now): let it end while the
      // test environment still exists, or its last steps load modules after teardown.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    const digest = hashTypedData({ types: { M: [{ name: 'n', type: 'uint256' }] }, primaryType: 'M', message: { n: 1n } });

    it("gives up on a contract wallet's check within the budget: CHAIN_UNAVAILABLE", async () => {
      const signature = await owner.signTypedData({
        domain: { chainId: CHAIN_ID, verifyingContract: safe },
        types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
        primaryType: 'SafeMessage',
        message: { message: digest },
      });
      const started = Date.now();
      expect(await verifyWalletSignature(hung, { address: safe, hash: digest, signature }, 300)).toEqual({
        valid: false,
        reason: 'CHAIN_UNAVAILABLE',
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("accepts a key's signature without a request", async () => {
      const signature = await stranger.sign({ hash: digest });
      const before = connections;
      expect(await verifyWalletSignature(hung, { address: stranger.address, hash: digest, signature }, 60_000)).toEqual({
        valid: true,
        by: 'key',
      });
      expect(connections).toBe(before);
    });
  });

  /** The typed data the API serves for a join-request message, rebuilt to sign an issued message again. */
  const typedDataOf = async (daoId: string, message: Record<string, unknown>) => {
    const res = await api.request<{ domain: Record<string, unknown>; types: Record<string, { name: string; type: string }[]> }>(
      'POST',
      `/v1/daos/${daoId}/typed-data/join-request`,
      { body: { address: message.address } },
    );
    const { EIP712Domain: _domain, ...types } = res.body.types;
    return { domain: res.body.domain, types, primaryType: 'JoinRequest', message } as Parameters<TypedDataSigner['signTypedData']>[0];
  };
});

/** Bytes that end in the ERC-6492 magic suffix but wrap nothing decodable. */
const erc6492Garbage = (): Hex => `0x${'11'.repeat(96)}${'6492'.repeat(16)}`;
