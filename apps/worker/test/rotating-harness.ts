import { randomUUID } from 'node:crypto';
import {
  poolHeld,
  roscaDecider,
  streams,
  type DaoContracts,
  type RoscaCommand,
  type RoscaEvent,
  type RoscaState,
  type RotatingPoolConfigurationInput,
} from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { encodeFunctionData, maxUint256, type Address, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { testStrategyAbi } from '../../../contracts/abi/test-strategy';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { poolAbi } from '../src/rotating/rosca-contract';
import { settleDeadline } from '../src/rotating/rosca-timing';
import { waitFor, type ExecutionWorld } from './execution-harness';

export const DAY = 24 * 3600;
export const WEEK = 7 * DAY;
export const C = 100n * 10n ** 18n;

type DataOf<T extends RoscaEvent['type']> = Extract<RoscaEvent, { type: T }> extends { readonly data: infer D } ? D : never;
type Data<T extends RoscaCommand['type']> = Extract<RoscaCommand, { type: T }>['data'];

/** Rotating pools driven as the API and the Safe would drive them (commands on the pool's stream), run by the real worker. */
export function rotatingPools(world: ExecutionWorld, daoId: string, contracts: DaoContracts) {
  const { public: client, test } = world.clients;
  const wait = async (hash: Hex) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${hash} reverted`);
    return receipt;
  };
  const run = async <T extends RoscaCommand['type']>(poolId: string, type: T, data: Data<T>, actor: string, now?: string) => {
    const at = now ?? (await chainNow());
    const result = await world.store.handle(
      { rosca: streams.rosca.of(poolId) },
      ({ rosca }) => ({ rosca: roscaDecider.decide({ type, data, metadata: { actor, now: at } } as RoscaCommand, rosca) }),
      { context: { actor, correlationId: randomUUID(), occurredAt: at } },
    );
    return result;
  };
  const chainNow = async () => new Date(Number((await client.getBlock({ blockTag: 'latest' })).timestamp) * 1000).toISOString();
  const state = async (poolId: string): Promise<RoscaState> => (await world.store.load(streams.rosca.of(poolId))).state;
  const events = (poolId: string): Promise<RecordedEvent[]> => world.store.readStream(streams.rosca.of(poolId).streamId);
  const running = async (poolId: string) => {
    const s = await state(poolId);
    if (s.status === 'ABSENT' || s.status === 'FORMING') throw new Error(`Pool ${poolId} is ${s.status}`);
    return s;
  };
  const tokenBalance = (holder: Address) =>
    client.readContract({ address: world.devChain.testToken, abi: testTokenAbi, functionName: 'balanceOf', args: [holder] });
  /** What `holder` holds: its idle tokens plus what `strategy` would pay for its shares now. */
  const holdings = async (holder: Address, strategy: Address | null) => {
    const idle = await tokenBalance(holder);
    if (!strategy) return idle;
    const target = { address: strategy, abi: testStrategyAbi } as const;
    const shares = await client.readContract({ ...target, functionName: 'balanceOf', args: [holder] });
    return idle + (await client.readContract({ ...target, functionName: 'previewRedeem', args: [shares] }));
  };
  /** The Safe's (or the timelock's) own call, as an executed proposal makes it. */
  const callAs = async (from: Address, to: Address, data: Hex) => {
    await test.impersonateAccount({ address: from });
    await test.setBalance({ address: from, value: 10n ** 20n });
    const hash = await client.request({ method: 'eth_sendTransaction', params: [{ from, to, data }] } as never);
    await wait(hash as Hex);
    await test.stopImpersonatingAccount({ address: from });
  };

  const self = {
    run,
    state,
    events,
    chainNow,
    tokenBalance,
    holdings,
    /** What an executed CHANGE_STRATEGY proposal does: the timelock moves the DAO vault to the dev chain's TestStrategy. */
    useTestStrategy: () =>
      callAs(
        contracts.timelock,
        contracts.vault,
        encodeFunctionData({ abi: communityVaultAbi, functionName: 'setStrategy', args: [world.devChain.testStrategy] }),
      ),
    /** Yield on the TestStrategy: every share is worth more. */
    simulateYield: async (amount: bigint) =>
      wait(
        await world.clients
          .wallet(0)
          .writeContract({ address: world.devChain.testStrategy, abi: testStrategyAbi, functionName: 'simulateYield', args: [amount] }),
      ),
    create: async (overrides: RotatingPoolConfigurationInput = {}): Promise<string> => {
      const poolId = `rosca_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      const start = new Date(Date.parse(await chainNow()) + DAY * 1000).toISOString();
      await run(
        poolId,
        'CreateRotatingPool',
        {
          poolId,
          daoId,
          organiser: contracts.safe,
          contributionAmount: C,
          rotationIntervalSeconds: WEEK,
          memberCount: 5,
          startDate: start,
          collateralPercent: 20,
          gracePeriodSeconds: 2 * DAY,
          penaltyRateBps: 500,
          ...overrides,
        },
        'admin:test',
      );
      return poolId;
    },
    contractOf: async (poolId: string): Promise<Address> =>
      waitFor(`pool ${poolId}'s contract`, async () => {
        const s = await state(poolId);
        return s.status !== 'ABSENT' && s.contract ? s.contract : undefined;
      }),
    /** Mints the member enough tokens and approves the pool for everything (as a member's wallet does once). */
    fundAndApprove: async (member: PrivateKeyAccount, pool: Address, amount = 10_000n * 10n ** 18n) => {
      const wallet = world.clients.wallet(member);
      await wait(
        await wallet.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName: 'mint',
          args: [member.address, amount],
        }),
      );
      await self.approve(member, pool, maxUint256);
    },
    approve: async (member: PrivateKeyAccount, pool: Address, amount: bigint) =>
      wait(
        await world.clients
          .wallet(member)
          .writeContract({ address: world.devChain.testToken, abi: testTokenAbi, functionName: 'approve', args: [pool, amount] }),
      ),
    join: (poolId: string, member: Address, commitment?: Hex) =>
      run(poolId, 'RequestToJoinRotatingPool', { member, banned: false, ...(commitment ? { commitment } : {}) }, member),
    /** The Safe's own call on the pool (what an executed organiser Safe transaction does), then its record on the log. */
    organiserCall: (pool: Address, functionName: 'pause' | 'resume', args: readonly unknown[]) =>
      callAs(contracts.safe, pool, encodeFunctionData({ abi: poolAbi, functionName, args } as never)),
    /** Moves chain time to `iso` (if it is in the future) and mines a block there. */
    advanceTo: async (iso: string) => {
      const target = BigInt(Math.floor(Date.parse(iso) / 1000));
      const now = BigInt(Math.floor(Date.parse(await chainNow()) / 1000));
      if (target > now) await test.setNextBlockTimestamp({ timestamp: target });
      await test.mine({ blocks: 1 });
    },
    /** Waits for an event of the pool matching `match`. */
    waitForEvent: async <T extends RoscaEvent['type']>(
      poolId: string,
      type: T,
      match: (data: DataOf<T>) => boolean = () => true,
      timeoutMs = 60_000,
    ): Promise<RecordedEvent & { readonly data: DataOf<T> }> =>
      (await waitFor(
        `${type} on ${poolId}`,
        async () => (await events(poolId)).find((e) => e.type === type && (match as (d: unknown) => boolean)(e.data)),
        timeoutMs,
      )) as unknown as RecordedEvent & { readonly data: DataOf<T> },
    /** Waits until every chain effect the log decided is confirmed. */
    effectsDone: (poolId: string) =>
      waitFor(`${poolId}'s chain effects`, async () => {
        const s = await state(poolId);
        return s.status !== 'ABSENT' && s.effects.every((e) => e.confirmed) ? true : undefined;
      }),
    /**
     * Runs the open round: chain time to its due time; the worker collects; if someone has not paid once the
     * collections are done, time to the settlement deadline. Returns when the round is settled on chain.
     */
    playRound: async (poolId: string, beforeDue?: (round: number) => Promise<void>, afterDue?: (round: number) => Promise<void>) => {
      const s = await running(poolId);
      const round = s.round.index;
      await beforeDue?.(round);
      await self.advanceTo(s.round.dueAt);
      await waitFor(`round ${round} of ${poolId} collected or marked late`, async () => {
        const now = await running(poolId);
        if (now.round.index !== round) return true;
        return now.round.lateMarked ? true : undefined;
      });
      await afterDue?.(round);
      if ((await running(poolId)).round.index === round) await self.advanceTo(settleDeadline(s.round.dueAt, s.configuration));
      await self.waitForEvent(poolId, 'RoundSettled', (d) => d.round === round);
      await self.effectsDone(poolId);
    },
    /** The pool's books, from the log (poolHeld) and from the chain (its contract's tokens, idle and invested). */
    books: async (poolId: string) => {
      const s = await state(poolId);
      if (s.status === 'ABSENT' || !s.contract) throw new Error('no pool');
      return { held: poolHeld(s), onChain: await holdings(s.contract, s.strategy), ledger: s.ledger };
    },
  };
  return self;
}
