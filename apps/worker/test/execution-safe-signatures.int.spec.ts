import { expect } from '@jest/globals';
import { safeTransactionTypedData } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { concat, hashTypedData, hexToBigInt, keccak256, numberToHex, slice, toHex, type Hex } from 'viem';
import { setSignEntropy, sign, type PrivateKeyAccount } from 'viem/accounts';
import { createApiApp } from '../../api/src/bootstrap';
import { outboxProjection } from '../src/notifications/outbox/outbox.projection';
import { Receiver } from '../src/notifications/testing/receiver';
import { LogProcessor } from '../src/processing/log-processor';
import { createDao, eventsOf, passProposal, proposalRow, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { transactionOf, treasurersOf, type SafeTransactionView } from './execution-treasurers';

jest.setTimeout(300_000);

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const ADMIN_KEY = 'safe-signatures-admin-key-0123456789';

/** The same ECDSA signature with v given as y-parity (0/1): the Safe reads v 0 as a contract signature, 1 as an approved hash. */
const asYParity = (signature: Hex): Hex =>
  concat([slice(signature, 0, 64), numberToHex(Number(hexToBigInt(slice(signature, 64))) - 27, { size: 1 })]);
/** The same ECDSA signature as (r, n − s) with the other v: recovers to the same signer. */
const asHighS = (signature: Hex): Hex => {
  const s = hexToBigInt(slice(signature, 32, 64));
  const v = Number(hexToBigInt(slice(signature, 64)));
  return concat([slice(signature, 0, 32), numberToHex(N - s, { size: 32 }), numberToHex(v === 27 ? 28 : 27, { size: 1 })]);
};
const withV = (signature: Hex, v: number): Hex => concat([slice(signature, 0, 64), numberToHex(v, { size: 1 })]);

/** Appends a treasury event as an earlier version of the platform recorded it, without today's checks. */
const appendRaw = (store: PostgresEventStore, daoId: string, event: { type: string; data: Record<string, unknown> }) =>
  store.append([{ streamId: streams.treasury.of(daoId).streamId, expectedVersion: 'any', events: [event] }], {
    actor: 'system:test',
    correlationId: `legacy:${daoId}`,
    occurredAt: new Date().toISOString(),
  });

describe('Safe signatures: only what the Safe accepts; a bad one never blocks the rest; a transaction that cannot run stops', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let treasurers: ReturnType<typeof treasurersOf>;
  const receiver = new Receiver();

  const treasuryEvents = async () => eventsOf(world.store, streams.treasury.of(dao.daoId).streamId);
  const txEvents = async (safeTxHash: string, type: string) =>
    (await treasuryEvents()).filter((e) => e.type === type && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash);
  const digestOf = async (safeTxHash: string) => {
    const { typedData } = await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    return safeTransactionTypedData({ chainId: dao.contracts.chainId, safe: dao.contracts.safe }, transactionOf(typedData.message));
  };
  const postSignature = (safeTxHash: string, signer: PrivateKeyAccount, signature: Hex) =>
    treasurers.post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, { signer: signer.address, signature });
  const scheduledOrFailed = (proposalId: string, timeoutMs = 40_000) =>
    waitFor(
      'the proposal to be scheduled or failed',
      async () =>
        (await eventsOf(world.store, streams.proposal.of(proposalId).streamId)).find((e) =>
          ['ProposalScheduled', 'ProposalExecutionFailed'].includes(e.type),
        ),
      timeoutMs,
    );
  /** Treasurers sorted by address, as the Safe orders signatures. */
  const byAddress = () => [...world.treasurers].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));

  beforeAll(async () => {
    world = await startExecutionWorld();
    await receiver.start();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);
    treasurers = treasurersOf(world, base, dao);
    const hook = await fetch(`${base}/v1/daos/${dao.daoId}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({
        url: receiver.url,
        events: ['safe_transaction.execution_failed', 'safe_transaction.signature_dropped'],
        format: 'standard',
      }),
    });
    expect(hook.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
    await receiver.stop();
    await world?.stop();
  });

  it('v 0/1 and a high s are rewritten to the form the Safe reads; with the threshold of them the transaction executes', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 5500 } });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const [first, second] = [world.treasurers[0], world.treasurers[2]];
    const good1 = await first.signTypedData(await digestOf(safeTxHash));
    const good2 = await second.signTypedData(await digestOf(safeTxHash));
    expect((await postSignature(safeTxHash, first, asYParity(good1))).status).toBe(200);
    expect((await postSignature(safeTxHash, second, asHighS(good2))).status).toBe(200);
    const recorded = (await txEvents(safeTxHash, 'SafeTransactionSignatureAdded')).map((e) => (e.data as { signature: string }).signature);
    expect(recorded).toEqual([good1.toLowerCase(), good2.toLowerCase()]);
    expect((await scheduledOrFailed(proposalId)).type).toBe('ProposalScheduled');
  });

  it('any other v is refused with a 422 naming the field, and nothing is recorded', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 5600 } });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const signer = world.treasurers[1];
    const good = await signer.signTypedData(await digestOf(safeTxHash));
    for (const v of [31, 2]) {
      const response = await postSignature(safeTxHash, signer, withV(good, v));
      expect(response).toMatchObject({
        status: 422,
        body: { code: 'SIGNATURE.UNSUPPORTED_V', errors: [{ field: 'signature' }] },
      });
    }
    expect(await txEvents(safeTxHash, 'SafeTransactionSignatureAdded')).toHaveLength(0);
    // Signed properly, it runs (and frees the Safe's nonce queue for the next tests).
    for (const t of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(t, safeTxHash)).status).toBe(200);
    expect((await scheduledOrFailed(proposalId)).type).toBe('ProposalScheduled');
  });

  it('an owner replaces their signature with a newer one, recorded as a replacement', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 5700 } });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const signer = world.treasurers[1];
    const first = await signer.signTypedData(await digestOf(safeTxHash));
    expect((await postSignature(safeTxHash, signer, first)).status).toBe(200);
    // Another valid ECDSA signature of the same digest by the same key, made with a random nonce k instead of
    // RFC 6979's (some wallets and hardware signers do so): viem's signer takes the entropy for every later
    // signature in this file, which stay valid.
    setSignEntropy(true);
    const key = keccak256(toHex('ayllu:execution:1')); // world.treasurers[1] (test/chain/accounts.ts)
    const newer = await sign({ hash: hashTypedData(await digestOf(safeTxHash)), privateKey: key, to: 'hex' });
    expect(newer).not.toBe(first);
    const replaced = await postSignature(safeTxHash, signer, newer);
    expect(replaced).toMatchObject({ status: 200, body: { signedBy: [signer.address], signaturesMissing: 1 } });
    expect(await txEvents(safeTxHash, 'SafeTransactionSignatureReplaced')).toMatchObject([
      { data: { signer: signer.address, signature: newer.toLowerCase(), previous: first.toLowerCase() } },
    ]);
    expect((await treasurers.sign(world.treasurers[0], safeTxHash)).status).toBe(200);
    expect((await scheduledOrFailed(proposalId)).type).toBe('ProposalScheduled');
  });

  it('a signature recorded before these checks that the Safe refuses is dropped with the reason; the others execute', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 5800 } });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    // The lowest address signs first in the Safe's order, so its bad signature would be read.
    const [bad, ...good] = byAddress();
    const legacy = asYParity(await bad.signTypedData(await digestOf(safeTxHash)));
    await appendRaw(world.store, dao.daoId, {
      type: 'SafeTransactionSignatureAdded',
      data: { safeTxHash, signer: bad.address, signature: legacy, addedAt: new Date().toISOString() },
    });
    for (const signer of good) expect((await treasurers.sign(signer, safeTxHash)).status).toBe(200);
    expect((await scheduledOrFailed(proposalId)).type).toBe('ProposalScheduled');
    expect(await txEvents(safeTxHash, 'SafeTransactionSignatureDropped')).toMatchObject([
      { data: { signer: bad.address, signature: legacy, reason: expect.stringMatching(/The Safe refuses this signature \(GS02\d\)/) } },
    ]);
    const executed = await txEvents(safeTxHash, 'SafeTransactionExecuted');
    expect(executed).toMatchObject([{ data: { success: true } }]);
  });

  it('a transaction that can never run ends abandoned with the reason, fails its proposal, tells treasurers and stops', async () => {
    const proposalId = await passProposal(world, dao.daoId, 'CHANGE_PARAMETERS', { changes: { quorumBps: 5900 } });
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    // The timelock now refuses everything: scheduling through the Safe reverts (GS013) however often it is tried.
    await world.clients.test.setCode({ address: dao.contracts.timelock, bytecode: '0x60006000fd' });
    for (const signer of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(signer, safeTxHash)).status).toBe(200);
    expect((await scheduledOrFailed(proposalId)).type).toBe('ProposalExecutionFailed');
    const [abandoned] = await txEvents(safeTxHash, 'SafeTransactionAbandoned');
    expect(abandoned.data).toMatchObject({ proposalId, reason: expect.stringContaining('GS013') });
    const view = await treasurers.get<{ status: string; failureReason: string }>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    expect(view).toMatchObject({ status: 'abandoned', failureReason: expect.stringContaining('GS013') });
    expect(await proposalRow(world, proposalId)).toMatchObject({ state: 'Failed' });
    const proposal = await treasurers.get<{ state: string; resolution: { reason: string } }>(
      `/v1/daos/${dao.daoId}/proposals/${proposalId}`,
    );
    expect(proposal).toMatchObject({ state: 'Failed', resolution: { reason: expect.stringContaining(`${safeTxHash} cannot run`) } });

    // Stopped: nothing was ever sent for it, and nothing more happens.
    const before = (await treasuryEvents()).length;
    await new Promise((r) => setTimeout(r, 4000));
    expect((await treasuryEvents()).length).toBe(before);
    const { rows: sent } = await world.db.pool.query(`SELECT 1 FROM chain_calls WHERE key LIKE $1`, [`safe-exec:%:${safeTxHash}`]);
    expect(sent).toHaveLength(0);
    const { rows: process } = await world.db.pool.query(
      'SELECT last_step, due_at, attempts FROM execution_processes WHERE proposal_id = $1',
      [proposalId],
    );
    expect(process).toEqual([{ last_step: 'Done', due_at: null, attempts: 0 }]);

    // Treasurers and admins hear of it (and of the dropped signature) through the DAO's webhooks.
    const outbox = new LogProcessor(world.db.pool, world.store, [outboxProjection(() => new Date())]);
    await outbox.catchUp();
    const { rows } = await world.db.pool.query<{ type: string; data: Record<string, string> }>(
      `SELECT type, payload->'data' AS data FROM notifications WHERE dao_id = $1 ORDER BY log_position`,
      [dao.daoId],
    );
    expect(rows).toMatchObject([
      { type: 'safe_transaction.signature_dropped', data: { signer: byAddress()[0].address } },
      { type: 'safe_transaction.execution_failed', data: { proposalId, safeTxHash, reason: expect.stringContaining('GS013') } },
    ]);
  });
});
