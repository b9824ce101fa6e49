import { classifyChainError } from '@ayllu/chain';
import {
  activeMembers,
  collateralFor,
  latePenalty,
  nextEffect,
  roscaDecider,
  streams,
  type RoscaCommand,
  type RoscaState,
} from '@ayllu/domain';
import { getAddress, zeroAddress, type Address, type Hex, type TransactionReceipt } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { crashPoint } from '../execution/crash-point';
import type { ExecutionDeps, StepOutcome } from '../execution/execution-deps';
import { keyedChainCall } from '../execution/keyed-chain-call';
import {
  collectionIn,
  contractOf,
  deferredIn,
  effectCall,
  effectDone,
  findEffectTransaction,
  hasCode,
  memberFunds,
  paidIn,
  poolAbi,
  poolCreation,
  type Collection,
} from './rosca-contract';
import { announceAt, isoOfChainSeconds, settleDeadline, waitUntil } from './rosca-timing';

const ACTOR = 'system:rotating-pools';

type Existing = Exclude<RoscaState, { status: 'ABSENT' }>;
type Running = Extract<RoscaState, { status: 'ACTIVE' }>;
export type RoscaStepResult = { readonly step: string; readonly outcome: StepOutcome };

const again = (step: string): RoscaStepResult => ({ step, outcome: { next: 'now' } });
const idle = (step: string): RoscaStepResult => ({ step, outcome: { next: 'idle' } });

/**
 * One step of a rotating pool's operation, decided from its log and done on chain: deploy its contract, pull the
 * collateral of pending joins, perform the chain effects the log decided (in log order), announce the round,
 * collect contributions at the due time (or early on request), mark the late, and settle the round. Each step
 * does one thing and says when to look again; every chain call is keyed (see keyedChainCall) and the contract
 * refuses a second collection, settlement or release, so a worker that dies anywhere repeats nothing.
 */
export async function runRoscaStep(deps: ExecutionDeps, daoId: string, poolId: string): Promise<RoscaStepResult> {
  const { state } = await deps.store.load(streams.rosca.of(poolId));
  if (state.status === 'ABSENT') return idle('NoPool');
  if (state.contract === null) return deployContract(deps, daoId, state);
  const effect = nextEffect(state.effects);
  if (effect) return performEffect(deps, state, effect);
  if (state.status === 'FORMING') return formingStep(deps, state);
  if (state.status === 'ACTIVE') return roundStep(deps, state);
  return idle(state.status);
}

const record = async (deps: ExecutionDeps, poolId: string, command: RoscaCommand, correlationId: string): Promise<void> => {
  await deps.store.handle({ rosca: streams.rosca.of(poolId) }, ({ rosca }) => ({ rosca: roscaDecider.decide(command, rosca) }), {
    context: { actor: ACTOR, correlationId, occurredAt: deps.now().toISOString() },
  });
};

const meta = (deps: ExecutionDeps, now?: string) => ({ actor: ACTOR, now: now ?? deps.now().toISOString() });

const chainNow = async (deps: ExecutionDeps): Promise<string> =>
  isoOfChainSeconds((await deps.chain.public.getBlock({ blockTag: 'latest' })).timestamp);

async function deployContract(deps: ExecutionDeps, daoId: string, state: Existing): Promise<RoscaStepResult> {
  const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
  const { state: dao } = await deps.store.load(streams.dao.of(daoId));
  // The DAO's contracts first (the Safe organises, the vault names the token); their deployment wakes this pool.
  if (treasury.status !== 'Deployed' || dao.status !== 'Active') return idle('AwaitingDaoContracts');
  const vault = { address: treasury.contracts.vault, abi: communityVaultAbi } as const;
  const token = await deps.chain.public.readContract({ ...vault, functionName: 'asset' });
  // The DAO's strategy (set by CHANGE_STRATEGY proposals) at deployment: the pool invests in it for its life.
  const strategy = await deps.chain.public.readContract({ ...vault, functionName: 'strategy' });
  const creation = poolCreation(state.poolId, state.configuration, {
    token,
    strategy,
    organiser: treasury.contracts.safe,
    operator: deps.chain.relayer.account.address,
    feeRecipient: dao.configuration.feeCollector ?? treasury.contracts.safe,
  });
  const outcome = await keyedChainCall<{ txHash: Hex | null; blockNumber: string }>(deps.pool, {
    key: `rosca-deploy:${deps.chain.chainId}:${state.poolId}`,
    kind: 'rosca-deploy',
    daoId,
    reconcile: async () =>
      (await hasCode(deps.chain, creation.address))
        ? { txHash: null, blockNumber: (await deps.chain.public.getBlockNumber()).toString() }
        : undefined,
    send: () =>
      deps.chain.relayer.sendTransaction({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        to: getAddress('0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7'),
        data: creation.data,
      }),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success' || !(await hasCode(deps.chain, creation.address)))
        throw new Error(`Deploying pool ${state.poolId}'s contract left no code at ${creation.address} (${hash})`);
      return { txHash: hash, blockNumber: receipt.blockNumber.toString() };
    },
  });
  if (outcome.status === 'busy') return { step: 'Deploying', outcome: { next: 'at', at: new Date(Date.now() + deps.maxWaitMs) } };
  const { txHash, blockNumber } = outcome.result;
  await record(
    deps,
    state.poolId,
    {
      type: 'RecordRotatingPoolDeployment',
      data: { address: creation.address, txHash, blockNumber: BigInt(blockNumber), strategy: strategy === zeroAddress ? null : strategy },
      metadata: meta(deps),
    },
    `rosca-deploy:${state.poolId}`,
  );
  return again('Deployed');
}

async function performEffect(
  deps: ExecutionDeps,
  state: Existing,
  effect: NonNullable<ReturnType<typeof nextEffect>>,
): Promise<RoscaStepResult> {
  const pool = contractOf(state);
  const call = effectCall(state.poolId, effect);
  const outcome = await keyedChainCall<Performed>(deps.pool, {
    key: `rosca-effect:${deps.chain.chainId}:${state.poolId}:${effect.key}`,
    kind: `rosca:${effect.kind}`,
    daoId: state.configuration.daoId,
    reconcile: async () => {
      if (!(await effectDone(deps.chain, pool, state.poolId, effect))) return undefined;
      const txHash = await findEffectTransaction(deps.chain, pool, state.poolId, effect, state.contractBlock ?? 0n);
      return performed(txHash, await deps.chain.public.getTransactionReceipt({ hash: txHash }), pool);
    },
    send: () =>
      deps.chain.relayer.writeContract({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        address: pool,
        abi: poolAbi,
        ...call,
      } as Parameters<typeof deps.chain.relayer.writeContract>[0]),
    afterSend: () => crashPoint(effect.kind === 'settle' ? 'after-rosca-settle-send' : 'after-rosca-effect-send'),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`Pool ${state.poolId}: ${effect.key} reverted on chain (${hash})`);
      return performed(hash, receipt, pool);
    },
  });
  if (outcome.status === 'busy')
    return { step: `Effect:${effect.key}`, outcome: { next: 'at', at: new Date(Date.now() + deps.maxWaitMs) } };
  const { txHash, deferred, paid, fee } = outcome.result;
  const amounts = (list: readonly { member: Address; amount: string }[]) =>
    list.map((d) => ({ member: getAddress(d.member), amount: BigInt(d.amount) }));
  await record(
    deps,
    state.poolId,
    {
      type: 'ConfirmRotatingPoolEffect',
      data: {
        key: effect.key,
        txHash,
        deferred: amounts(deferred),
        // What the chain paid is what the log records (a dissolution shares yield the log had not recognised).
        ...(effect.kind === 'begin' || paid === undefined ? {} : { paid: amounts(paid) }),
        ...(effect.kind === 'settle' && fee !== null && fee !== undefined ? { fee: BigInt(fee) } : {}),
      },
      metadata: meta(deps),
    },
    `rosca-effect:${state.poolId}:${effect.key}`,
  );
  return again(`Effect:${effect.key}`);
}

type Performed = {
  readonly txHash: Hex;
  readonly deferred: { member: Address; amount: string }[];
  /** Absent in a ledger row written before pools read what they paid: the log then records the decision. */
  readonly paid?: { member: Address; amount: string }[];
  readonly fee?: string | null;
};

/** An effect's transaction as the keyed-call ledger keeps it (amounts as strings). */
const performed = (txHash: Hex, receipt: TransactionReceipt, pool: Address): Performed => {
  const { paid, fee } = paidIn(receipt, pool);
  return {
    txHash,
    deferred: deferredIn(receipt, pool).map((d) => ({ member: d.member, amount: d.amount.toString() })),
    paid: [...paid].map(([member, amount]) => ({ member, amount: amount.toString() })),
    fee: fee === null ? null : fee.toString(),
  };
};

/** Pulls the collateral of the oldest pending join, or lets the join lapse when the wallet cannot cover it. */
async function formingStep(deps: ExecutionDeps, state: Extract<RoscaState, { status: 'FORMING' }>): Promise<RoscaStepResult> {
  const pending = [...state.pendingJoins.keys()][0];
  if (pending === undefined) return idle('Forming');
  const pool = contractOf(state);
  const collateral = collateralFor(state.configuration);
  const fail = async (reason: string) => {
    await record(
      deps,
      state.poolId,
      { type: 'FailRotatingPoolJoin', data: { member: pending, reason }, metadata: meta(deps) },
      `rosca-join:${state.poolId}`,
    );
    return again('JoinFailed');
  };
  if (collateral > 0n) {
    const token = await tokenOf(deps, pool);
    const funds = await memberFunds(deps.chain, token, pending, pool);
    if (funds.allowance < collateral) return fail(`The wallet allows the pool ${funds.allowance} of the ${collateral} collateral`);
    if (funds.balance < collateral) return fail(`The wallet holds ${funds.balance} of the ${collateral} collateral`);
  }
  try {
    const outcome = await keyedChainCall<{ txHash: Hex | null }>(deps.pool, {
      key: `rosca-join:${deps.chain.chainId}:${state.poolId}:${pending}`,
      kind: 'rosca-join',
      daoId: state.configuration.daoId,
      reconcile: async () =>
        (await deps.chain.public.readContract({ address: pool, abi: poolAbi, functionName: 'isMember', args: [pending] }))
          ? { txHash: null }
          : undefined,
      send: () =>
        deps.chain.relayer.writeContract({
          account: deps.chain.relayer.account,
          chain: deps.chain.relayer.chain,
          address: pool,
          abi: poolAbi,
          functionName: 'join',
          args: [pending],
        }),
      confirm: async (hash) => {
        const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
        if (receipt.status !== 'success') throw new Error(`Joining ${pending} to pool ${state.poolId} reverted (${hash})`);
        return { txHash: hash };
      },
    });
    if (outcome.status === 'busy') return { step: 'Joining', outcome: { next: 'at', at: new Date(Date.now() + deps.maxWaitMs) } };
  } catch (error) {
    const { kind, reason } = classifyChainError(error);
    if (kind === 'revert') return fail(`The pool's contract refused the join: ${reason}`);
    throw error;
  }
  await record(
    deps,
    state.poolId,
    { type: 'JoinRotatingPool', data: { member: pending, collateral }, metadata: meta(deps) },
    `rosca-join:${state.poolId}`,
  );
  return again('Joined');
}

const tokenCache = new Map<Address, Address>();
const tokenOf = async (deps: ExecutionDeps, pool: Address): Promise<Address> => {
  const cached = tokenCache.get(pool);
  if (cached) return cached;
  const token = await deps.chain.public.readContract({ address: pool, abi: poolAbi, functionName: 'token' });
  tokenCache.set(pool, token);
  return token;
};

/**
 * The open round: its reminder, collections (due or asked for early), the late mark, and its settlement once
 * everyone has paid or its deadline has passed.
 */
async function roundStep(deps: ExecutionDeps, state: Running): Promise<RoscaStepResult> {
  const now = await chainNow(deps);
  const { round, configuration: config } = state;
  const due = Date.parse(now) >= Date.parse(round.dueAt);
  if (!round.announced && Date.parse(now) >= Date.parse(announceAt(round.dueAt, config))) {
    await record(
      deps,
      state.poolId,
      { type: 'AnnounceRound', data: { round: round.index }, metadata: meta(deps, now) },
      `rosca-round:${state.poolId}:${round.index}`,
    );
    return again('Announced');
  }
  const pending = activeMembers(state).filter((m) => round.contributions.get(m.address) === 'PENDING');
  const pool = contractOf(state);
  const collectable = pending.filter((m) => due || round.earlyRequests.has(m.address));
  if (collectable.length > 0) {
    const token = await tokenOf(deps, pool);
    // Priced a minute ahead: the block that includes the pull may cross into the next late period.
    const soon = new Date(Date.parse(now) + 60_000).toISOString();
    const owed = config.contributionAmount + latePenalty(config, round.dueAt, soon);
    for (const member of collectable) {
      const funds = await memberFunds(deps.chain, token, member.address, pool);
      if (funds.allowance < owed || funds.balance < owed) continue;
      await collect(deps, state, member.address);
      return again('Collected');
    }
  }
  if (due && !round.lateMarked && pending.length > 0) {
    await record(
      deps,
      state.poolId,
      { type: 'MarkContributionsLate', data: { round: round.index }, metadata: meta(deps, now) },
      `rosca-round:${state.poolId}:${round.index}`,
    );
    return again('MarkedLate');
  }
  const deadline = settleDeadline(round.dueAt, config);
  if ((due && pending.length === 0) || Date.parse(now) >= Date.parse(deadline)) {
    // The yield the strategy earned on what the pool holds beyond its principal, recognised once: the log's
    // SettleRound is decided once per round, and what it recognises becomes the contract's principal.
    const yieldEarned = await deps.chain.public.readContract({ address: pool, abi: poolAbi, functionName: 'yieldAvailable' });
    await record(
      deps,
      state.poolId,
      { type: 'SettleRound', data: { round: round.index, yieldEarned }, metadata: meta(deps, now) },
      `rosca-round:${state.poolId}:${round.index}`,
    );
    crashPoint('after-rosca-settle-record');
    return again('Settled');
  }
  return {
    step: due ? 'AwaitingLatePayments' : 'AwaitingDueTime',
    outcome: {
      next: 'at',
      at: waitUntil(now, [round.announced ? null : announceAt(round.dueAt, config), round.dueAt, deadline], deps.maxWaitMs),
    },
  };
}

/** Pulls one member's contribution (keyed per pool, round and member) and credits it at the block's time. */
async function collect(deps: ExecutionDeps, state: Running, member: Address): Promise<void> {
  const pool = contractOf(state);
  const round = state.round.index;
  const outcome = await keyedChainCall<{ amount: string; penalty: string; timestamp: string; txHash: Hex }>(deps.pool, {
    key: `rosca-collect:${deps.chain.chainId}:${state.poolId}:${round}:${member}`,
    kind: 'rosca-collect',
    daoId: state.configuration.daoId,
    reconcile: async () => {
      const amount = await deps.chain.public.readContract({
        address: pool,
        abi: poolAbi,
        functionName: 'collected',
        args: [BigInt(round), member],
      });
      if (amount === 0n) return undefined;
      const logs = await deps.chain.public.getLogs({ address: pool, fromBlock: state.contractBlock ?? 0n, toBlock: 'latest' });
      return serialise(collectionIn(logs, pool, round, member), state.poolId);
    },
    send: () =>
      deps.chain.relayer.writeContract({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        address: pool,
        abi: poolAbi,
        functionName: 'collect',
        args: [BigInt(round), member],
      }),
    afterSend: () => crashPoint('after-rosca-collect-send'),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`Collecting round ${round} from ${member} reverted (${hash})`);
      return serialise(collectionIn(receipt.logs, pool, round, member), state.poolId);
    },
  });
  if (outcome.status === 'busy') return;
  crashPoint('after-rosca-collect-confirm');
  // The event names the contribution and the penalty apart; the domain checks their sum against its own price.
  const { amount, penalty, timestamp } = outcome.result;
  await record(
    deps,
    state.poolId,
    {
      type: 'PayContribution',
      data: { member, round, amount: BigInt(amount) + BigInt(penalty) },
      metadata: meta(deps, isoOfChainSeconds(BigInt(timestamp))),
    },
    `rosca-collect:${state.poolId}:${round}:${member}`,
  );
}

const serialise = (collection: Collection | undefined, poolId: string) => {
  if (!collection) throw new Error(`Pool ${poolId}: a collection is on chain but its event was not found`);
  return {
    amount: collection.amount.toString(),
    penalty: collection.penalty.toString(),
    timestamp: collection.timestamp.toString(),
    txHash: collection.txHash,
  };
};
