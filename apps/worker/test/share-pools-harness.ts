import { randomUUID } from 'node:crypto';
import { gdaForwarderAbi, readSharePool, superfluidPoolAbi, superTokenAbi } from '@ayllu/chain';
import {
  sharePoolDecider,
  sharesConserved,
  streams,
  TOTAL_SHARES,
  type DaoContracts,
  type SharePoolCommand,
  type SharePoolConfigurationInput,
  type SharePoolEvent,
  type SharePoolState,
} from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { encodeFunctionData, erc20Abi, getAddress, maxUint256, type Address, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { sharePoolAbi } from '../src/shares/share-pool-contract';
import { waitFor, type ExecutionWorld } from './execution-harness';

type Data<T extends SharePoolCommand['type']> = Extract<SharePoolCommand, { type: T }>['data'];
type DataOf<T extends SharePoolEvent['type']> = Extract<SharePoolEvent, { type: T }> extends { readonly data: infer D } ? D : never;
type Existing = Exclude<SharePoolState, { status: 'ABSENT' }>;

export const TOKEN = 10n ** 18n;

/**
 * Share pools driven as the API and the Safe would drive them: members' signed actions as commands on the pool's
 * stream (the API's own specs cover HTTP), the Safe's creator actions as the Safe's own transactions (impersonated,
 * as an executed Safe transaction makes them) followed by their record. The real worker does the rest.
 */
export function sharePools(world: ExecutionWorld, daoId: string, contracts: DaoContracts) {
  const { public: client, test } = world.clients;
  const token = world.devChain.testToken;
  const wait = async (hash: Hex) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${hash} reverted`);
    return receipt;
  };
  const chainNow = async () => new Date(Number((await client.getBlock({ blockTag: 'latest' })).timestamp) * 1000).toISOString();
  const run = async <T extends SharePoolCommand['type']>(poolId: string, type: T, data: Data<T>, actor: string, now?: string) => {
    const at = now ?? (await chainNow());
    return world.store.handle(
      { pool: streams.sharePool.of(poolId) },
      ({ pool }) => ({ pool: sharePoolDecider.decide({ type, data, metadata: { actor, now: at } } as SharePoolCommand, pool) }),
      { context: { actor, correlationId: randomUUID(), occurredAt: at } },
    );
  };
  const state = async (poolId: string): Promise<Existing> => {
    const { state: s } = await world.store.load(streams.sharePool.of(poolId));
    if (s.status === 'ABSENT') throw new Error(`No pool ${poolId}`);
    return s;
  };
  const events = (poolId: string): Promise<RecordedEvent[]> => world.store.readStream(streams.sharePool.of(poolId).streamId);
  /** A transaction from the DAO's Safe itself (what its executed Safe transaction does). */
  const fromSafe = async (to: Address, data: Hex) => {
    await test.impersonateAccount({ address: contracts.safe });
    await test.setBalance({ address: contracts.safe, value: 10n ** 20n });
    const hash: Hex = await client.request({ method: 'eth_sendTransaction', params: [{ from: contracts.safe, to, data }] } as never);
    await test.stopImpersonatingAccount({ address: contracts.safe });
    return wait(hash);
  };
  const superBalance = (holder: Address) =>
    client.readContract({ address: contracts.payoutToken, abi: superTokenAbi, functionName: 'balanceOf', args: [holder] });

  const self = {
    run,
    state,
    events,
    chainNow,
    fromSafe,
    superBalance,
    tokenBalance: (holder: Address) => client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] }),
    create: async (overrides: SharePoolConfigurationInput = {}): Promise<string> => {
      // The API's pool id format, so its routes answer for pools made here too.
      const poolId = `share_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
      await run(
        poolId,
        'CreateSharePool',
        {
          poolId,
          daoId,
          creator: contracts.safe,
          name: 'Solar Farm Alpha',
          ticker: 'SFA',
          wayToAccess: 'buy',
          distributionToken: contracts.payoutToken,
          purchaseToken: token,
          creatorShares: 3_000,
          pricePerShare: TOKEN / 10n,
          ...overrides,
        },
        'admin:test',
      );
      return poolId;
    },
    contractOf: (poolId: string): Promise<Address> =>
      waitFor(`pool ${poolId}'s contract`, async () => (await state(poolId)).contract ?? undefined),
    /** Mints the member tokens and approves the pool for everything (as a member's wallet does once). */
    fundAndApprove: async (member: PrivateKeyAccount, pool: Address, amount = 10_000n * TOKEN) => {
      const wallet = world.clients.wallet(member);
      await wait(await wallet.writeContract({ address: token, abi: testTokenAbi, functionName: 'mint', args: [member.address, amount] }));
      await wait(await wallet.writeContract({ address: token, abi: testTokenAbi, functionName: 'approve', args: [pool, maxUint256] }));
    },
    /** Waits until the worker has confirmed or failed every pending action. */
    settled: (poolId: string) =>
      waitFor(`${poolId}'s pending actions`, async () => ((await state(poolId)).pending.size === 0 ? true : undefined)),
    waitForEvent: async <T extends SharePoolEvent['type']>(
      poolId: string,
      type: T,
      match: (data: DataOf<T>) => boolean = () => true,
    ): Promise<RecordedEvent & { readonly data: DataOf<T> }> =>
      (await waitFor(`${type} on ${poolId}`, async () =>
        (await events(poolId)).find((e) => e.type === type && (match as (d: unknown) => boolean)(e.data)),
      )) as unknown as RecordedEvent & { readonly data: DataOf<T> },
    /** The Safe's `assign(to, shares)`, then its record with the Safe as actor. */
    assign: async (poolId: string, to: Address, shares: number) => {
      const pool = await self.contractOf(poolId);
      const receipt = await fromSafe(pool, encodeFunctionData({ abi: sharePoolAbi, functionName: 'assign', args: [to, BigInt(shares)] }));
      await run(poolId, 'AssignShares', { to, shares, txHash: receipt.transactionHash }, contracts.safe);
    },
    /** Gives the Safe `amount` of the DAO's super token (minted and wrapped by the Safe itself). */
    fundSafe: async (amount: bigint) => {
      await wait(
        await world.clients
          .wallet(0)
          .writeContract({ address: token, abi: testTokenAbi, functionName: 'mint', args: [contracts.safe, amount] }),
      );
      await fromSafe(token, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [contracts.payoutToken, amount] }));
      await fromSafe(contracts.payoutToken, encodeFunctionData({ abi: superTokenAbi, functionName: 'upgrade', args: [amount] }));
    },
    /** The Safe distributes through the GDAv1Forwarder (instant or a flow rate; 0 stops), then records it. */
    distribute: async (poolId: string, kind: 'instant' | 'stream', value: bigint) => {
      const s = await state(poolId);
      const args = [contracts.payoutToken, contracts.safe, s.gdaPool!, value, '0x'] as const;
      const data =
        kind === 'instant'
          ? encodeFunctionData({ abi: gdaForwarderAbi, functionName: 'distribute', args })
          : encodeFunctionData({ abi: gdaForwarderAbi, functionName: 'distributeFlow', args });
      const receipt = await fromSafe(contracts.gdaForwarder, data);
      const at = new Date(Number((await client.getBlock({ blockNumber: receipt.blockNumber })).timestamp) * 1000).toISOString();
      if (kind === 'stream' && value === 0n)
        await run(poolId, 'StopDistributionStream', { txHash: receipt.transactionHash }, contracts.safe, at);
      else {
        const chain = await readSharePool(client, s.contract!);
        const chainHoldings = chain.holders.map((h) => ({ holder: h.holder, shares: Number(h.shares) }));
        const distribution = kind === 'instant' ? { kind, amount: value } : { kind, flowRate: value };
        await run(poolId, 'RecordDistribution', { distribution, txHash: receipt.transactionHash, chainHoldings }, contracts.safe, at);
      }
      return receipt;
    },
    /** What the GDA pool owes `member` and has not paid (not connected): claimed into their balance by anyone. */
    claimAll: async (poolId: string, member: Address) => {
      const s = await state(poolId);
      await wait(
        await world.clients.wallet(0).writeContract({
          address: contracts.gdaForwarder,
          abi: gdaForwarderAbi,
          functionName: 'claimAll',
          args: [s.gdaPool!, member, '0x'],
        }),
      );
    },
    unitsOf: async (poolId: string, member: Address) => {
      const s = await state(poolId);
      return client.readContract({ address: s.gdaPool!, abi: superfluidPoolAbi, functionName: 'getUnits', args: [member] });
    },
    /**
     * The log's holdings and the chain's agree: every holder's shares (and GDA units), the pool's available shares
     * and its own units; both total 10,000.
     */
    expectAgreement: async (poolId: string) => {
      const s = await state(poolId);
      const chain = await readSharePool(client, s.contract!);
      const onChain = Object.fromEntries(chain.holders.filter((h) => h.shares > 0n).map((h) => [getAddress(h.holder), Number(h.shares)]));
      expect(Object.fromEntries(s.holdings)).toEqual(onChain);
      expect(Number(chain.available)).toBe(s.available);
      expect(sharesConserved(s)).toBe(true);
      expect(Object.values(onChain).reduce((n, x) => n + x, 0) + Number(chain.available)).toBe(TOTAL_SHARES);
      for (const [holder, shares] of s.holdings) expect(await self.unitsOf(poolId, holder)).toBe(BigInt(shares));
      expect(await self.unitsOf(poolId, s.contract!)).toBe(BigInt(s.available));
    },
    /** Moves chain time to `iso` (if it is in the future) and mines a block there. */
    advanceTo: async (iso: string) => {
      const target = BigInt(Math.floor(Date.parse(iso) / 1000));
      const now = BigInt(Math.floor(Date.parse(await chainNow()) / 1000));
      if (target > now) await test.setNextBlockTimestamp({ timestamp: target });
      await test.mine({ blocks: 1 });
    },
    advance: async (seconds: number) => self.advanceTo(new Date(Date.parse(await chainNow()) + seconds * 1000).toISOString()),
  };
  return self;
}

export type SharePools = ReturnType<typeof sharePools>;
