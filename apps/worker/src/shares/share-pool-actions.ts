import { classifyChainError } from '@ayllu/chain';
import type { SharePoolState } from '@ayllu/domain';
import { getAddress, type Address, type Hex } from 'viem';
import { crashPoint } from '../execution/crash-point';
import type { ExecutionDeps } from '../execution/execution-deps';
import { keyedChainCall } from '../execution/keyed-chain-call';
import { callResultOf, chainKeyOf, findKeyedTransaction, sharePoolAbi, walletFunds, type CallResult } from './share-pool-contract';

type Existing = Exclude<SharePoolState, { status: 'ABSENT' }>;
export type PendingAction = Existing['pending'] extends ReadonlyMap<string, infer A> ? A : never;

/** What became of a pending action: done on chain (to confirm), refused (to fail, with why), or another worker has it. */
export type ActionOutcome =
  | { readonly status: 'done'; readonly result: CallResult }
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'busy' };

/** The operator call that carries out an action, by the contract's function names. */
const callOf = (action: PendingAction, key: Hex) => {
  switch (action.kind) {
    case 'purchase':
      return { functionName: 'buy' as const, args: [action.buyer, BigInt(action.shares), key] as const };
    case 'grant':
      return { functionName: 'grant' as const, args: [action.to, BigInt(action.shares), key] as const };
    case 'transfer':
      return { functionName: 'transfer' as const, args: [action.from, action.to, BigInt(action.shares), key] as const };
    case 'contribution':
      return { functionName: 'contribute' as const, args: [action.contributor, action.amount, key] as const };
    case 'stake':
      return { functionName: 'stake' as const, args: [action.member, action.amount, key] as const };
    case 'unstake':
      return { functionName: 'unstake' as const, args: [action.member, action.amount, key] as const };
  }
};

/** The member whose staking position the call touches (its StakeSharesAccrued is read back). */
const stakerOf = (action: PendingAction): Address | undefined =>
  action.kind === 'stake' || action.kind === 'unstake' ? action.member : undefined;

/** Operator calls the contract refuses while paused (`whenNotPaused`); an unstake goes on. */
const PAUSABLE = new Set<PendingAction['kind']>(['purchase', 'grant', 'transfer', 'contribution', 'stake']);

/**
 * Why no operator call of this platform can go through: the Safe replaced the pool's operator with another account
 * (the log's record; the contract's own `operator()` for pools deployed before the log kept it), or paused the pool.
 * The contract would revert either way (SharePoolUnauthorized, SharePoolIsPaused); the reason says so plainly.
 */
async function operatorRefusal(deps: ExecutionDeps, s: Existing, pool: Address, action: PendingAction): Promise<string | null> {
  const read = deps.chain.public;
  const relayer = getAddress(deps.chain.relayer.account.address);
  const operator = s.operator ?? getAddress(await read.readContract({ address: pool, abi: sharePoolAbi, functionName: 'operator' }));
  if (getAddress(operator) !== relayer)
    return (
      `The pool's operator is ${operator}, not this platform's relayer ${relayer} (the DAO's Safe replaced it): ` +
      `the contract refuses ${action.key} from the relayer (SharePoolUnauthorized)`
    );
  if (PAUSABLE.has(action.kind) && (await read.readContract({ address: pool, abi: sharePoolAbi, functionName: 'paused' })))
    return `The pool's contract is paused by the DAO's Safe: it refuses ${action.key} (SharePoolIsPaused)`;
  return null;
}

/**
 * Why the chain would refuse the action, read before sending so that the failure names it plainly (the wallet's
 * allowance or balance, the holder's shares, the closed crowdfunding); null when it should go through. A refusal the
 * check does not foresee still comes back as the contract's revert.
 */
async function precheck(deps: ExecutionDeps, s: Existing, pool: Address, action: PendingAction, chainNow: bigint): Promise<string | null> {
  const read = deps.chain.public;
  const funds = async (token: Address | null, owner: Address, amount: bigint, what: string) => {
    if (token === null) return `The pool has no ${what} token`;
    const { allowance, balance } = await walletFunds(deps.chain, token, owner, pool);
    if (allowance < amount) return `The wallet ${owner} allows the pool ${allowance} of the ${amount} ${what} tokens it needs`;
    if (balance < amount) return `The wallet ${owner} holds ${balance} of the ${amount} ${what} tokens it needs`;
    return null;
  };
  switch (action.kind) {
    case 'purchase':
      return funds(s.configuration.purchaseToken, action.buyer, action.cost, 'purchase');
    case 'contribution': {
      const deadline = s.configuration.crowdfunding ? BigInt(Math.floor(Date.parse(s.configuration.crowdfunding.deadline) / 1000)) : 0n;
      if (chainNow >= deadline) return `The crowdfunding's deadline ${s.configuration.crowdfunding?.deadline} passed`;
      return funds(s.configuration.purchaseToken, action.contributor, action.amount, 'purchase');
    }
    case 'stake':
      return funds(s.configuration.staking?.token ?? null, action.member, action.amount, 'staking');
    case 'transfer': {
      const held = await read.readContract({ address: pool, abi: sharePoolAbi, functionName: 'sharesOf', args: [action.from] });
      return held < BigInt(action.shares) ? `${action.from} holds ${held} of the ${action.shares} shares to transfer` : null;
    }
    case 'grant': {
      const available = await read.readContract({ address: pool, abi: sharePoolAbi, functionName: 'available' });
      return available < BigInt(action.shares) ? `The pool holds ${available} of the ${action.shares} shares to grant` : null;
    }
    case 'unstake': {
      const staked = await read.readContract({ address: pool, abi: sharePoolAbi, functionName: 'stakeOf', args: [action.member] });
      return staked < action.amount ? `${action.member} has ${staked} of the ${action.amount} tokens to unstake` : null;
    }
  }
}

/**
 * Carries out one pending action on chain, keyed per pool and action key: the contract refuses a key it has seen
 * (`keyUsed`), and a worker that died after sending finds the transaction by its key in the pool's events instead
 * of sending again. A refusal (pre-check or revert) is reported, never retried: the queue must not wait on an
 * action that can never succeed.
 */
export async function performAction(
  deps: ExecutionDeps,
  s: Existing,
  pool: Address,
  action: PendingAction,
  chainNow: bigint,
): Promise<ActionOutcome> {
  const key = chainKeyOf(s.poolId, action.key);
  const member = stakerOf(action);
  const usedAlready = await deps.chain.public.readContract({ address: pool, abi: sharePoolAbi, functionName: 'keyUsed', args: [key] });
  if (!usedAlready) {
    const refusal = (await operatorRefusal(deps, s, pool, action)) ?? (await precheck(deps, s, pool, action, chainNow));
    if (refusal !== null) return { status: 'refused', reason: refusal };
  }
  try {
    const outcome = await keyedChainCall<CallResult>(deps.pool, {
      key: `share-action:${deps.chain.chainId}:${s.poolId}:${action.key}`,
      kind: `share-pool:${action.kind}`,
      daoId: s.configuration.daoId,
      reconcile: async () => {
        const used = await deps.chain.public.readContract({ address: pool, abi: sharePoolAbi, functionName: 'keyUsed', args: [key] });
        if (!used) return undefined;
        const txHash = await findKeyedTransaction(deps.chain, pool, key, s.contractBlock ?? 0n);
        if (txHash === null) throw new Error(`Pool ${s.poolId}: ${action.key} is done on chain but its transaction was not found`);
        return callResultOf(deps.chain, await deps.chain.public.getTransactionReceipt({ hash: txHash }), pool, member);
      },
      send: () =>
        deps.chain.relayer.writeContract({
          account: deps.chain.relayer.account,
          chain: deps.chain.relayer.chain,
          address: pool,
          abi: sharePoolAbi,
          ...callOf(action, key),
        } as Parameters<typeof deps.chain.relayer.writeContract>[0]),
      afterSend: () => crashPoint('after-share-action-send'),
      confirm: async (hash) => {
        const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
        if (receipt.status !== 'success') throw new Error(`Pool ${s.poolId}: ${action.key} reverted on chain (${hash})`);
        return callResultOf(deps.chain, receipt, pool, member);
      },
    });
    if (outcome.status === 'busy') return outcome;
    crashPoint('after-share-action-confirm');
    return outcome;
  } catch (error) {
    const { kind, reason } = classifyChainError(error);
    if (kind === 'revert') return { status: 'refused', reason: `The pool's contract refused ${action.key}: ${reason}` };
    throw error;
  }
}
