import type { Hex } from 'viem';
import type { DevClients } from '../../libs/chain/src/local/dev-clients';

/**
 * Registers Jest hooks for a file that owns its chain: `start` brings up a private node (stopped if `build` then
 * fails, and after the file), `build` deploys and funds what the file's tests share, and a snapshot taken after it
 * is reverted before every test, so each test starts from the same state and may move time freely. The returned
 * getter is read inside tests only; `name` says whose getter it is when read too early.
 */
export function usePrivateFixture<N extends { stop(): Promise<void> }, T extends { readonly clients: DevClients }>(
  name: string,
  start: () => Promise<N>,
  build: (node: N) => Promise<T>,
): () => T {
  let context: { readonly value: T; readonly node: N } | undefined;
  let snapshot: Hex | undefined;

  beforeAll(async () => {
    const node = await start();
    try {
      context = { value: await build(node), node };
    } catch (error) {
      await node.stop();
      throw error;
    }
  });

  beforeEach(async () => {
    const { clients } = context!.value;
    if (snapshot) await clients.test.revert({ id: snapshot });
    snapshot = await clients.test.snapshot();
  });

  afterAll(async () => {
    await context?.node.stop();
  });

  return () => {
    if (!context) throw new Error(`${name}(): the chain is not ready (read it inside a test)`);
    return context.value;
  };
}
