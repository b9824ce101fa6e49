import { keccak256, parseEther, toHex, type Hash } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { fund } from '../../../../test/chain/accounts';
import { loadDevChain } from '../../../../test/chain/dev-chain';
import { executionChain } from './execution-chain';
import { devChainProfile } from '@ayllu/chain';

describe('The worker’s relayer', () => {
  const { devChain, clients } = loadDevChain();
  const key = keccak256(toHex('ayllu:relayer-nonce-manager:0'));
  const relayer = privateKeyToAccount(key).address;
  const chainOf = () => executionChain({ rpcUrl: devChain.rpcUrl, relayerPrivateKey: key, profile: devChainProfile(devChain) });

  beforeAll(() => fund(clients, relayer));

  it('sends many transactions at once, from two of its clients in one process, each with its own nonce: all are mined', async () => {
    // Two paths of the worker (execution and claims, say) building their clients apart, sending at the same moment.
    const [execution, claims] = [chainOf(), chainOf()];
    const before = await clients.public.getTransactionCount({ address: relayer });
    const send = (chain: ReturnType<typeof chainOf>, i: number): Promise<Hash> =>
      chain.relayer.sendTransaction({
        account: chain.relayer.account,
        chain: chain.relayer.chain,
        to: privateKeyToAccount(keccak256(toHex(`ayllu:relayer-nonce-manager:to:${i}`))).address,
        value: parseEther('0.001'),
      });
    const hashes = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 === 0 ? execution : claims, i)));
    const receipts = await Promise.all(hashes.map((hash) => clients.public.waitForTransactionReceipt({ hash })));
    expect(receipts.every((r) => r.status === 'success')).toBe(true);
    const nonces = await Promise.all(hashes.map(async (hash) => (await clients.public.getTransaction({ hash })).nonce));
    expect(new Set(nonces).size).toBe(12);
    expect(await clients.public.getTransactionCount({ address: relayer })).toBe(before + 12);
  });

  it('a send that fails before reaching the chain gives its nonce back: the next one is not stuck behind a gap', async () => {
    const chain = chainOf();
    const before = await clients.public.getTransactionCount({ address: relayer });
    // More value than the relayer holds: refused when the transaction is prepared, after a nonce was taken.
    await expect(
      chain.relayer.sendTransaction({
        account: chain.relayer.account,
        chain: chain.relayer.chain,
        to: relayer,
        value: parseEther('1000000'),
      }),
    ).rejects.toThrow();
    const hash = await chain.relayer.sendTransaction({
      account: chain.relayer.account,
      chain: chain.relayer.chain,
      to: relayer,
      value: 1n,
    });
    expect((await clients.public.waitForTransactionReceipt({ hash })).status).toBe('success');
    expect((await clients.public.getTransaction({ hash })).nonce).toBe(before);
  });
});
