import fc from 'fast-check';
import { buildSafeTransaction, hashSafeTransaction, safeTransactionTypedData, type SafeTransaction } from '@ayllu/chain';
import {
  executionSalt,
  proposeSafeTransaction,
  recordDaoContractsDeployed,
  streams,
  type DaoContracts,
  type DeployedTreasury,
  type Hash,
} from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { hexToBigInt, isAddressEqual, keccak256, numberToHex, recoverAddress, size, slice, toHex, type Address, type Hex } from 'viem';
import type { DaoView } from '../../apps/api/src/daos/dao.view';
import { appendExecution } from '../../apps/worker/src/execution/execution-streams';
import { passProposal, type ExecutionWorld } from '../../apps/worker/test/execution-harness';
import { startTestApi, type TestApi } from '../support/api';
import { labelledAccounts, type TestSigner } from '../support/signing';
import { hostileString } from './support/hostile-values';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';

const TOTAL_CASES = Number(process.env.FAULTS_SAFE_SIGNATURE_CASES ?? 2_000);
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const [t0, t1, t2, stranger] = labelledAccounts('safe-signature-fuzz', 4) as [TestSigner, TestSigner, TestSigner, TestSigner];
const founders = labelledAccounts('safe-signature-fuzz-founder', 3);
const address = (label: string): Address => `0x${keccak256(toHex(label)).slice(26)}`;

type Mutation = 'none' | 'v-minus-27' | 'v-plus-4' | 'v-random' | 'high-s' | 'swap-r-s' | 'truncate' | 'extend' | 'zero-r' | 'random';

/** One signature's bytes changed the ways wallets and attackers change them. */
const mutate = (signature: Hex, mutation: Mutation, noise: number): Hex => {
  const r = slice(signature, 0, 32);
  const s = slice(signature, 32, 64);
  const v = Number(hexToBigInt(slice(signature, 64, 65)));
  const join = (rr: Hex, ss: Hex, vv: number): Hex => `0x${rr.slice(2)}${ss.slice(2)}${numberToHex(vv, { size: 1 }).slice(2)}`;
  switch (mutation) {
    case 'none':
      return signature;
    case 'v-minus-27':
      return join(r, s, v - 27);
    case 'v-plus-4':
      return join(r, s, v + 4);
    case 'v-random':
      return join(r, s, noise % 256);
    case 'high-s':
      return join(r, numberToHex(SECP256K1_N - hexToBigInt(s), { size: 32 }), v === 27 ? 28 : 27);
    case 'swap-r-s':
      return join(s, r, v);
    case 'truncate':
      return slice(signature, 0, 64);
    case 'extend':
      return `${signature}00`;
    case 'zero-r':
      return join(`0x${'00'.repeat(32)}`, s, v);
    case 'random':
      return keccak256(toHex(noise)).concat(keccak256(toHex(noise + 1)).slice(2), '1b') as Hex;
  }
};

/**
 * The treasurer route fuzzed with real keys: owners and strangers sign the served Safe transaction, or another
 * one (another nonce, Safe or chain), and the bytes are bent the ways wallets and attackers bend them (v 0/1,
 * v+4, high s, swapped halves, wrong lengths). No answer may be a 5xx, a refusal changes nothing, and every
 * signature the API records is one the Safe itself accepts: v 27/28, low s, recovering to its owner over the
 * transaction's hash.
 */
describe('Treasurer signatures, fuzzed and signed with real keys', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  let fingerprint: () => Promise<StateFingerprint>;
  let daoId: string;
  let safeTxHash: Hash;
  let transaction: SafeTransaction;
  let contracts: DaoContracts;
  const figures = { cases: 0, accepted: 0, byStatus: {} as Record<number, number> };

  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
    fingerprint = await stateFingerprinter(api.db.pool);
    const created = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: {
        name: 'Treasurer fuzz',
        founders: founders.map((f) => f.address),
        treasurers: [t0.address, t1.address, t2.address],
        treasurerThreshold: 2,
        votingPeriodSeconds: 3600,
      },
    });
    if (created.status !== 201) throw new Error(`DAO refused: ${JSON.stringify(created.body)}`);
    daoId = created.body.id;
    // Deployed as the worker records it; without a chain the API checks owners against this record.
    contracts = {
      chainId: 31337,
      safe: address('safe'),
      timelock: address('timelock'),
      vault: address('vault'),
      pool: address('pool'),
      payoutToken: address('payout-token'),
      gdaForwarder: address('gda-forwarder'),
      cfaForwarder: address('cfa-forwarder'),
      owners: [t0.address, t1.address, t2.address],
      threshold: 2,
      timelockDelaySeconds: 3600,
      fromBlock: 1n,
    };
    const now = new Date().toISOString();
    await store.handle(
      { treasury: streams.treasury.of(daoId) },
      ({ treasury }) => ({
        treasury: recordDaoContractsDeployed(
          { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId, attached: false }, metadata: { actor: 'system:test', now } },
          treasury,
        ),
      }),
      { context: { actor: 'system:test', correlationId: daoId, occurredAt: now } },
    );
    const world = { store, founders } as unknown as ExecutionWorld;
    const proposalId = await passProposal(world, daoId, 'ADD_MEMBER', { member: stranger.address });
    const call = { to: contracts.timelock, value: 0n, data: '0x' as Hex };
    transaction = buildSafeTransaction({ calls: [call], nonce: 0n });
    safeTxHash = hashSafeTransaction({ chainId: contracts.chainId, safe: contracts.safe }, transaction);
    const { nonce: _nonce, ...fields } = transaction;
    await appendExecution(
      store,
      { daoId, proposalId },
      (states) =>
        proposeSafeTransaction(
          {
            type: 'ProposeSafeTransaction',
            data: {
              proposalId,
              purpose: 'schedule',
              safeTxHash,
              nonce: 0n,
              onChainNonce: 0n,
              transaction: fields,
              operationId: keccak256(toHex('operation')),
              salt: executionSalt(proposalId),
              calls: [{ ...call, description: 'A call that does nothing' }],
            },
            metadata: { actor: 'system:test', now },
          },
          states,
        ),
      { actor: 'system:test', now: () => now, correlationId: proposalId },
    );
  });
  afterAll(async () => {
    process.stdout.write(`safe signature fuzz figures: ${JSON.stringify(figures)}\n`);
    await api?.close();
  });

  const signedCase = fc.record({
    signer: fc.constantFrom(t0, t1, t2, stranger),
    claimed: fc.oneof(
      { arbitrary: fc.constant<'signer' | 'other-owner' | 'hostile'>('signer'), weight: 6 },
      { arbitrary: fc.constantFrom<'signer' | 'other-owner' | 'hostile'>('other-owner', 'hostile'), weight: 1 },
    ),
    target: fc.oneof(
      { arbitrary: fc.constant<'served' | 'other-nonce' | 'other-safe' | 'other-chain'>('served'), weight: 6 },
      {
        arbitrary: fc.constantFrom<'served' | 'other-nonce' | 'other-safe' | 'other-chain'>('other-nonce', 'other-safe', 'other-chain'),
        weight: 1,
      },
    ),
    mutation: fc.oneof(
      { arbitrary: fc.constant<Mutation>('none'), weight: 3 },
      {
        arbitrary: fc.constantFrom<Mutation>(
          'v-minus-27',
          'v-plus-4',
          'v-random',
          'high-s',
          'swap-r-s',
          'truncate',
          'extend',
          'zero-r',
          'random',
        ),
        weight: 4,
      },
    ),
    noise: fc.nat(),
    hostileSigner: hostileString,
  });

  it(`answers ${TOTAL_CASES} fuzzed treasurer signatures with no 5xx, and records only signatures the Safe accepts`, async () => {
    const failures = new Map<string, string>();
    let before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(signedCase, async ({ signer, claimed, target, mutation, noise, hostileSigner }) => {
        const context = {
          chainId: target === 'other-chain' ? 1 : contracts.chainId,
          safe: target === 'other-safe' ? address('another-safe') : contracts.safe,
        };
        const tx = target === 'other-nonce' ? { ...transaction, nonce: 7n } : transaction;
        const signature = mutate(await signer.signTypedData(safeTransactionTypedData(context, tx)), mutation, noise);
        const claimedSigner = claimed === 'signer' ? signer.address : claimed === 'other-owner' ? t2.address : hostileSigner;
        const res = await api.request<{ code?: string }>('POST', `/v1/daos/${daoId}/safe-transactions/${safeTxHash}/signatures`, {
          body: { signer: claimedSigner, signature },
        });
        figures.cases++;
        figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
        const label = `${mutation} ${target} by ${claimed} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        if (res.status >= 500) failures.set(`5xx ${mutation}`, label);
        const after = await fingerprint();
        if (res.status >= 400) {
          if (JSON.stringify(after) !== JSON.stringify(before)) failures.set(`refused-but-changed ${mutation}`, label);
          if (!(res.headers.get('content-type') ?? '').includes('application/problem+json'))
            failures.set(`not-a-problem ${mutation}`, label);
        } else figures.accepted++;
        before = after;
      }),
      { numRuns: TOTAL_CASES, seed: Number(process.env.FAULTS_SEED ?? 8) },
    );
    expect(Object.fromEntries(failures)).toEqual({});
    expect(figures.accepted).toBeGreaterThan(0);

    // Every recorded signature is what the Safe reads: 65 bytes, v 27/28, low s, recovering to its owner.
    const treasury = (await store.load(streams.treasury.of(daoId))).state as DeployedTreasury;
    const recorded = treasury.transactions.get(safeTxHash)!.signatures;
    expect(recorded.size).toBeGreaterThan(0);
    for (const [owner, signature] of recorded) {
      expect(size(signature)).toBe(65);
      expect([27n, 28n]).toContain(hexToBigInt(slice(signature, 64, 65)));
      expect(hexToBigInt(slice(signature, 32, 64)) <= SECP256K1_N / 2n).toBe(true);
      expect(isAddressEqual(await recoverAddress({ hash: safeTxHash, signature }), owner)).toBe(true);
      expect([t0.address, t1.address, t2.address].some((o) => isAddressEqual(o, owner))).toBe(true);
    }
  });
});
