import {
  concat,
  encodeFunctionData,
  getAddress,
  hexToBigInt,
  numberToHex,
  parseEther,
  slice,
  type Address,
  type Hex,
  type WalletClient,
} from 'viem';
import { safeAbi } from '../abi/safe-l2';
import { deploySafeSingletons, type SafeSingletons } from '../local/deploy-safe-singletons';
import { startLocalNode, testAccount, type LocalNode } from '../testing/local-node';
import { buildSafeTransaction } from './build-safe-transaction';
import { safeCallRefusal, safeSignatureRefusal } from './check-safe-execution';
import { deploySafe } from './deploy-safe';
import { executeSafeTransaction, SafeExecutionError } from './execute-safe-transaction';
import { readSafeState } from './read-safe-state';
import { SafeOperation, type SafeSignature, type SafeTransaction } from './safe-transaction';
import { hashSafeTransaction, safeTransactionTypedData } from './safe-typed-data';
import { verifySafeSignature } from './verify-safe-signature';

const alice = testAccount(1);
const bob = testAccount(2);
const carol = testAccount(3);
const mallory = testAccount(9);
const recipient = getAddress('0x000000000000000000000000000000000000bEEF');

describe('Safe adapter', () => {
  let node: LocalNode;
  let singletons: SafeSingletons;
  let safe: Address;
  let chainId: number;
  let deployer: WalletClient;

  const sign = async (owner: WalletClient, tx: SafeTransaction, onChain = chainId): Promise<SafeSignature> => ({
    signer: owner.account!.address,
    data: await owner.signTypedData({ account: owner.account!, ...safeTransactionTypedData({ chainId: onChain, safe }, tx) }),
  });
  const nextNonce = async () => (await readSafeState(node.public, safe)).nonce;
  const execute = (transaction: SafeTransaction, signatures: SafeSignature[]) =>
    executeSafeTransaction({ wallet: deployer, public: node.public, safe, chainId, transaction, signatures });

  beforeAll(async () => {
    node = await startLocalNode();
    deployer = node.wallet(0);
    chainId = await node.public.getChainId();
    singletons = await deploySafeSingletons({ wallet: deployer, public: node.public });
    safe = await deploySafe(
      { wallet: deployer, public: node.public },
      {
        owners: [alice.address, bob.address, carol.address],
        threshold: 2n,
        singleton: singletons.safeSingleton,
        proxyFactory: singletons.safeProxyFactory,
        fallbackHandler: singletons.fallbackHandler,
      },
    );
    await node.public.waitForTransactionReceipt({
      hash: await deployer.sendTransaction({ account: deployer.account!, chain: node.chain, to: safe, value: parseEther('10') }),
    });
  });
  afterAll(() => node?.stop());

  it('is created with the treasurers as owners and their threshold', async () => {
    const state = await readSafeState(node.public, safe);
    expect(state).toEqual({ nonce: 0n, owners: [alice.address, bob.address, carol.address], threshold: 2n });
  });

  it('hashes a transaction exactly as the Safe contract does', async () => {
    const tx = buildSafeTransaction({ calls: [{ to: recipient, value: 1n, data: '0x1234' }], nonce: 7n });
    const onChain = await node.public.readContract({
      address: safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [tx.to, tx.value, tx.data, tx.operation, tx.safeTxGas, tx.baseGas, tx.gasPrice, tx.gasToken, tx.refundReceiver, tx.nonce],
    });
    expect(hashSafeTransaction({ chainId, safe }, tx)).toBe(onChain);
  });

  describe('verifying a treasurer signature', () => {
    const tx = buildSafeTransaction({ calls: [{ to: recipient, value: 1n, data: '0x' }], nonce: 0n });
    const owners = [alice.address, bob.address, carol.address];
    const check = async (signature: SafeSignature, claimedSigner = signature.signer) =>
      verifySafeSignature({ context: { chainId, safe }, transaction: tx, signature: signature.data, claimedSigner, owners });

    it('accepts an owner signing the transaction', async () => {
      const signed = await sign(node.wallet(1), tx);
      expect(await check(signed)).toEqual({ valid: true, signer: alice.address, signature: signed.data });
    });
    it('the Safe refuses v 0/1 of an owner signature (and takes a high s); both are rewritten to the canonical form it accepts', async () => {
      const signed = await sign(node.wallet(1), tx);
      const v = Number(hexToBigInt(slice(signed.data, 64)));
      const yParity = concat([slice(signed.data, 0, 64), numberToHex(v - 27, { size: 1 })]);
      const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
      const highS = concat([
        slice(signed.data, 0, 32),
        numberToHex(n - hexToBigInt(slice(signed.data, 32, 64)), { size: 32 }),
        numberToHex(v === 27 ? 28 : 27, { size: 1 }),
      ]);
      const safeTxHash = hashSafeTransaction({ chainId, safe }, tx);
      const bySafe = (data: Hex) => safeSignatureRefusal(node.public, safe, safeTxHash, { signer: alice.address, data });
      // v 0 is read as a contract signature, 1 as an approved hash: either way not alice's ECDSA signature.
      expect(await bySafe(yParity)).toMatch(/^GS0\d\d$/);
      expect(await bySafe(signed.data)).toBeUndefined();
      // ecrecover takes a high s too; it is rewritten all the same, so one owner's signature has one recorded form.
      expect(await bySafe(highS)).toBeUndefined();
      for (const variant of [yParity, highS]) {
        const checked = await check({ signer: alice.address, data: variant });
        expect(checked).toEqual({ valid: true, signer: alice.address, signature: signed.data });
        expect(await bySafe(checked.valid ? checked.signature : '0x')).toBeUndefined();
      }
    });
    it('refuses a v the Safe would read as another kind of signature', async () => {
      const signed = await sign(node.wallet(1), tx);
      const ethSign = concat([slice(signed.data, 0, 64), numberToHex(31, { size: 1 })]);
      expect(await check({ signer: alice.address, data: ethSign })).toMatchObject({ valid: false, reason: 'UNSUPPORTED_V' });
    });
    it('rejects someone who is not an owner', async () => {
      expect(await check(await sign(node.wallet(9), tx))).toMatchObject({ valid: false, reason: 'NOT_AN_OWNER' });
    });
    it('rejects a signature claimed for another signer', async () => {
      expect(await check(await sign(node.wallet(1), tx), bob.address)).toMatchObject({ valid: false, reason: 'SIGNER_MISMATCH' });
    });
    it('rejects a signature made for another chain', async () => {
      expect(await check(await sign(node.wallet(1), tx, 1))).toMatchObject({ valid: false, reason: 'SIGNER_MISMATCH' });
    });
    it('rejects bytes that are not a signature', async () => {
      expect(await check({ signer: alice.address, data: '0x1234' })).toMatchObject({ valid: false, reason: 'MALFORMED' });
    });
  });

  describe('executing', () => {
    it('runs a single call once the threshold has signed, and reads ExecutionSuccess', async () => {
      const nonce = await nextNonce();
      const tx = buildSafeTransaction({ calls: [{ to: recipient, value: parseEther('1'), data: '0x' }], nonce });
      const before = await node.public.getBalance({ address: recipient });
      const result = await execute(tx, [await sign(node.wallet(3), tx), await sign(node.wallet(1), tx)]);
      expect(result.outcome).toBe('success');
      expect(result.safeTxHash).toBe(hashSafeTransaction({ chainId, safe }, tx));
      expect(await node.public.getBalance({ address: recipient })).toBe(before + parseEther('1'));
      expect(await nextNonce()).toBe(nonce + 1n);
    });

    it('batches several calls through MultiSendCallOnly as one delegatecall', async () => {
      const other = getAddress('0x000000000000000000000000000000000000CAfE');
      const tx = buildSafeTransaction({
        calls: [
          { to: recipient, value: 2n, data: '0x' },
          { to: other, value: 3n, data: '0x' },
        ],
        nonce: await nextNonce(),
        multiSendCallOnly: singletons.multiSendCallOnly,
      });
      expect(tx).toMatchObject({ to: singletons.multiSendCallOnly, operation: SafeOperation.DelegateCall });
      const before = await node.public.getBalance({ address: other });
      const result = await execute(tx, [await sign(node.wallet(1), tx), await sign(node.wallet(2), tx)]);
      expect(result.outcome).toBe('success');
      expect(await node.public.getBalance({ address: other })).toBe(before + 3n);
    });

    it('reports ExecutionFailure in a successful receipt when the inner call fails with safeTxGas set', async () => {
      // The Safe calling its own changeThreshold(10) with three owners fails inside (GS201).
      const data = encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [10n] });
      const nonce = await nextNonce();
      const tx = buildSafeTransaction({ calls: [{ to: safe, value: 0n, data }], nonce, safeTxGas: 100_000n });
      const result = await execute(tx, [await sign(node.wallet(1), tx), await sign(node.wallet(2), tx)]);
      expect(result.outcome).toBe('failure');
      expect(await nextNonce()).toBe(nonce + 1n);
    });

    it('reverts the whole transaction when the inner call fails without safeTxGas (GS013)', async () => {
      const data = encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [10n] });
      const nonce = await nextNonce();
      const tx = buildSafeTransaction({ calls: [{ to: safe, value: 0n, data }], nonce });
      const signatures = [await sign(node.wallet(1), tx), await sign(node.wallet(2), tx)];
      await expect(execute(tx, signatures)).rejects.toMatchObject({
        code: 'REVERTED',
        message: expect.stringContaining('GS013') as unknown,
      });
      expect(await nextNonce()).toBe(nonce);
    });

    it("names the reason of the Safe's own call, which GS013 keeps to itself", async () => {
      const failing = encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [10n] });
      const call = { safe, to: safe, value: 0n, data: failing };
      expect(await safeCallRefusal(node.public, { ...call, abi: safeAbi })).toBe('GS201');
      expect(await safeCallRefusal(node.public, call)).toContain('GS201');
      const running = encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [2n] });
      expect(await safeCallRefusal(node.public, { ...call, data: running, abi: safeAbi })).toBeUndefined();
      // Calldata the ABI does not know is asked raw.
      expect(await safeCallRefusal(node.public, { ...call, abi: [] })).toContain('GS201');
    });

    it('refuses a transaction signed for another nonce before sending it', async () => {
      const tx = buildSafeTransaction({ calls: [{ to: recipient, value: 1n, data: '0x' }], nonce: (await nextNonce()) + 1n });
      const signatures = [await sign(node.wallet(1), tx), await sign(node.wallet(2), tx)];
      await expect(execute(tx, signatures)).rejects.toMatchObject({ code: 'NONCE_MISMATCH' });
    });

    it('refuses fewer signatures than the threshold, and signatures of strangers', async () => {
      const tx = buildSafeTransaction({ calls: [{ to: recipient, value: 1n, data: '0x' }], nonce: await nextNonce() });
      await expect(execute(tx, [await sign(node.wallet(1), tx)])).rejects.toMatchObject({ code: 'BELOW_THRESHOLD' });
      const withStranger = execute(tx, [await sign(node.wallet(1), tx), await sign(node.wallet(9), tx)]);
      await expect(withStranger).rejects.toBeInstanceOf(SafeExecutionError);
      await expect(withStranger).rejects.toMatchObject({
        code: 'NOT_AN_OWNER',
        message: expect.stringContaining(mallory.address) as unknown,
      });
    });
  });
});
