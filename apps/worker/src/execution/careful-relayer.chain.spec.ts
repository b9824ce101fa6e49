import { FeesAboveCapError, classifyChainError } from '@ayllu/chain';
import { createPublicClient, getContractAddress, http, keccak256, parseEther, parseGwei, toHex, type Hash, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { startHardhatNode, type HardhatNode } from '../../../../libs/chain/src/local/start-hardhat-node';
import type { NetworkProfile } from '@ayllu/chain';
import { executionChain, type ExecutionChain } from './execution-chain';
import type { RelayerFees } from './relayer-fees';

jest.setTimeout(60_000);

// Hardhat's well-known account #3: funded on a fresh node. This file's node is its own (it turns mining off).
const RELAYER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';

describe('The relayer on a congested chain', () => {
  let node: HardhatNode;
  let reads: PublicClient;
  beforeAll(async () => {
    node = await startHardhatNode();
    reads = createPublicClient({ transport: http(node.rpcUrl), pollingInterval: 50 }) as PublicClient;
  });
  afterAll(() => node?.stop());
  afterEach(() => rpc('evm_setAutomine', [true]));

  const rpc = (method: string, params: unknown[] = []) => reads.request({ method, params } as never);
  const recipient = (label: string) => privateKeyToAccount(keccak256(toHex(`ayllu:careful-relayer:${label}`))).address;

  const relayerOn = (options: { maxFeeGwei?: string; stuckAfterMs?: number } = {}) => {
    const replaced: { stuck: Hash; replacement: Hash; fees: RelayerFees }[] = [];
    const capped: Hash[] = [];
    const chain = executionChain({
      rpcUrl: node.rpcUrl,
      relayerPrivateKey: RELAYER_KEY,
      profile: { chainId: 31337, displayName: 'Hardhat' } as NetworkProfile,
      relayer: {
        fees: { maxFeePerGas: options.maxFeeGwei ? parseGwei(options.maxFeeGwei) : null, maxPriorityFeePerGas: null },
        stuckAfterMs: options.stuckAfterMs ?? 400,
      },
      relayerObserver: { replaced: (info) => replaced.push(info), capped: (info) => capped.push(info.hash) },
    });
    return { chain, replaced, capped };
  };

  const pay = (chain: ExecutionChain, to: `0x${string}`, value = parseEther('0.01')) =>
    chain.relayer.sendTransaction({ account: chain.relayer.account, chain: chain.relayer.chain, to, value });

  const until = async (what: string, probe: () => boolean, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('sends with EIP-1559 fees from the node’s market', async () => {
    const { chain } = relayerOn();
    const hash = await pay(chain, recipient('plain'));
    const receipt = await chain.public.waitForTransactionReceipt({ hash });
    const sent = await reads.getTransaction({ hash });
    expect(receipt.status).toBe('success');
    expect(sent.type).toBe('eip1559');
    expect(sent.maxFeePerGas).toBeGreaterThan(0n);
  });

  it('replaces a transaction stuck in the mempool with the same nonce at bumped fees; the waiter gets the mined replacement', async () => {
    const { chain, replaced } = relayerOn();
    const to = recipient('stuck');
    await rpc('evm_setAutomine', [false]);
    const original = await pay(chain, to);
    const waited = chain.public.waitForTransactionReceipt({ hash: original });
    await until('two replacements', () => replaced.length >= 2);
    await rpc('evm_mine');
    const receipt = await waited;

    const [first, second] = replaced;
    expect(first.stuck).toBe(original);
    expect(second.stuck).toBe(first.replacement);
    const stuck = await reads.getTransaction({ hash: receipt.transactionHash });
    expect(receipt.status).toBe('success');
    expect(replaced.map((r) => r.replacement)).toContain(receipt.transactionHash);
    expect(receipt.transactionHash).not.toBe(original);
    // Same nonce, same payload, higher fees: paid once.
    expect(stuck.to?.toLowerCase()).toBe(to.toLowerCase());
    expect(stuck.value).toBe(parseEther('0.01'));
    expect(await reads.getBalance({ address: to })).toBe(parseEther('0.01'));
    expect(second.fees.type === 'eip1559' && first.fees.type === 'eip1559' && second.fees.maxFeePerGas > first.fees.maxFeePerGas).toBe(
      true,
    );
  });

  it('replaces a stuck contract creation too: the replacement creates the contract at the address its nonce names', async () => {
    const { chain, replaced } = relayerOn();
    const nonce = await reads.getTransactionCount({ address: chain.relayer.account.address, blockTag: 'pending' });
    await rpc('evm_setAutomine', [false]);
    // Init code of a contract whose runtime code returns 42.
    const bytecode = '0x600a600c600039600a6000f3602a60005260206000f3';
    const original = await chain.relayer.deployContract({ abi: [], bytecode, account: chain.relayer.account, chain: chain.relayer.chain });
    const waited = chain.public.waitForTransactionReceipt({ hash: original });
    await until('a replacement', () => replaced.length >= 1);
    await rpc('evm_mine');
    const receipt = await waited;
    expect(receipt.transactionHash).not.toBe(original);
    expect(receipt.contractAddress).toBe(getContractAddress({ from: chain.relayer.account.address, nonce: BigInt(nonce) }).toLowerCase());
    expect(await reads.getCode({ address: receipt.contractAddress! })).toBe('0x602a60005260206000f3');
  });

  it('sends a dropped transaction again (same nonce, bumped fees) and the caller still gets its receipt', async () => {
    const { chain, replaced } = relayerOn();
    const to = recipient('dropped');
    await rpc('evm_setAutomine', [false]);
    const original = await pay(chain, to);
    await rpc('hardhat_dropTransaction', [original]);
    const waited = chain.public.waitForTransactionReceipt({ hash: original });
    await until('a replacement', () => replaced.length >= 1);
    await rpc('evm_mine');
    const receipt = await waited;
    expect(receipt.status).toBe('success');
    expect(receipt.transactionHash).toBe(replaced[0].replacement);
    expect(await reads.getBalance({ address: to })).toBe(parseEther('0.01'));
  });

  it('sends nothing while the base fee is above the cap, with a retryable error, and sends once it falls', async () => {
    const { chain } = relayerOn({ maxFeeGwei: '5' });
    const address = chain.relayer.account.address;
    const nonce = await reads.getTransactionCount({ address, blockTag: 'pending' });
    await rpc('hardhat_setNextBlockBaseFeePerGas', [toHex(parseGwei('9'))]);
    const refused = await pay(chain, recipient('capped')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FeesAboveCapError);
    expect(classifyChainError(refused).kind).toBe('fees');
    expect(classifyChainError(refused).reason).toContain("fees above cap: the network's base fee 9 gwei");
    expect(await reads.getTransactionCount({ address, blockTag: 'pending' })).toBe(nonce);

    await rpc('hardhat_setNextBlockBaseFeePerGas', [toHex(parseGwei('1'))]);
    const hash = await pay(chain, recipient('capped'));
    const receipt = await chain.public.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    expect((await reads.getTransaction({ hash })).nonce).toBe(nonce);
    expect((await reads.getTransaction({ hash })).maxFeePerGas).toBeLessThanOrEqual(parseGwei('5'));
  });

  it('stops bumping when the next bump would cross the cap, and the stuck transaction is mined as it is', async () => {
    await rpc('hardhat_setNextBlockBaseFeePerGas', [toHex(parseGwei('1'))]);
    // The first send already pays the cap: no replacement can be 12.5% above it.
    const { chain, replaced, capped } = relayerOn({ maxFeeGwei: '1.5' });
    await rpc('evm_setAutomine', [false]);
    const original = await pay(chain, recipient('at-cap'));
    await until('the watch to give up bumping', () => capped.length >= 1);
    expect(replaced).toEqual([]);
    await rpc('evm_mine');
    const receipt = await chain.public.waitForTransactionReceipt({ hash: original });
    expect(receipt.transactionHash).toBe(original);
  });
});
