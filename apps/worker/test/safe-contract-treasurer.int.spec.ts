import { deploySafe, type ServedSafeMessageTypedData, type ServedTypedData } from '@ayllu/chain';
import { streams } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isAddressEqual, keccak256, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, eventsOf, passProposal, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(180_000);

type ServedView = {
  signedBy: string[];
  typedData: ServedTypedData;
  contractOwners: { owner: Address; typedData: ServedSafeMessageTypedData }[] | null;
};

const signServed = (account: PrivateKeyAccount, document: ServedTypedData | ServedSafeMessageTypedData): Promise<Hex> =>
  account.signTypedData(JSON.parse(JSON.stringify(document)) as never);

/**
 * A treasurer that is itself a Safe (1.4.1, CompatibilityFallbackHandler, one owner) approves the DAO's Safe
 * transaction with an EIP-1271 contract signature: its own owner signs the SafeMessage the API serves for it, the
 * API asks the DAO's Safe whether it accepts that (as execTransaction will), and the worker executes with one
 * ECDSA and one contract signature.
 */
describe('a Safe as a treasurer (EIP-1271 contract signature)', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'contract-treasurer-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
  });
  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it("accepts the owner Safe's signature over the served SafeMessage, refuses a stranger's, and the transaction executes", async () => {
    const [eoa1, eoa2, stranger] = world.treasurers;
    const { safe } = world.devChain;
    const innerSafe = await deploySafe(
      { wallet: world.clients.wallet(eoa2), public: world.clients.public },
      {
        owners: [eoa2.address],
        threshold: 1n,
        singleton: safe.safeSingleton,
        proxyFactory: safe.safeProxyFactory,
        fallbackHandler: safe.fallbackHandler,
        saltNonce: BigInt(keccak256(toHex('contract-treasurer:inner'))),
      },
    );
    const dao = await createDao(world, { treasurers: [eoa1.address, innerSafe], treasurerThreshold: 2 });
    const proposalId = await passProposal(world, dao.daoId, 'ADD_MEMBER', {
      member: privateKeyToAccount(keccak256(toHex('contract-treasurer:newcomer'))).address,
    });
    const treasurers = treasurersOf(world, base, dao);
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const path = `/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`;
    const view = await treasurers.get<ServedView>(path);

    // The inner Safe is served the SafeMessage of its own domain over the transaction's encoded data.
    expect(view.contractOwners).toHaveLength(1);
    const [{ owner, typedData: message }] = view.contractOwners!;
    expect(isAddressEqual(owner, innerSafe)).toBe(true);
    expect(message).toMatchObject({ primaryType: 'SafeMessage', domain: { chainId: dao.contracts.chainId, verifyingContract: innerSafe } });
    expect(Object.keys(message.types)).toEqual(['EIP712Domain', 'SafeMessage']);
    expect(keccak256(message.message.message)).toBe(safeTxHash);

    // A signature by someone who does not own the inner Safe: refused, naming the signature, nothing recorded.
    const before = (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).length;
    const refused = await treasurers.post(`${path}/signatures`, { signer: innerSafe, signature: await signServed(stranger, message) });
    expect(refused).toMatchObject({
      status: 422,
      body: { code: 'SIGNATURE.CONTRACT_REFUSED', errors: [{ field: 'signature' }] },
    });
    expect((await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).length).toBe(before);
    expect((await treasurers.get<ServedView>(path)).signedBy).toEqual([]);
    // A contract that is not an owner, bytes that are not hex, and an owner account's signature of the wrong length.
    const goodInner = await signServed(eoa2, message);
    expect(await treasurers.post(`${path}/signatures`, { signer: world.devChain.safe.multiSend, signature: goodInner })).toMatchObject({
      status: 403,
      body: { code: 'SIGNATURE.NOT_AN_OWNER', errors: [{ field: 'signer' }] },
    });
    expect(await treasurers.post(`${path}/signatures`, { signer: innerSafe, signature: '0xzz' })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'signature' }] },
    });
    expect(await treasurers.post(`${path}/signatures`, { signer: eoa1.address, signature: `${goodInner}00` })).toMatchObject({
      status: 400,
      body: { code: 'SIGNATURE.MALFORMED', errors: [{ field: 'signature' }] },
    });
    expect((await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).length).toBe(before);

    // EOA1 signs the served SafeTx document; EOA2, the inner Safe's owner, signs its SafeMessage.
    expect(
      await treasurers.post(`${path}/signatures`, { signer: eoa1.address, signature: await signServed(eoa1, view.typedData) }),
    ).toMatchObject({ status: 200 });
    const accepted = await treasurers.post(`${path}/signatures`, { signer: innerSafe, signature: goodInner });
    expect(accepted).toMatchObject({ status: 200, body: { signaturesMissing: 0 } });
    expect((accepted.body as { signedBy: string[] }).signedBy).toHaveLength(2);

    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    const executed = (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find(
      (e) => e.type === 'SafeTransactionExecuted' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
    );
    expect(executed?.data).toMatchObject({ success: true });
  });
});
