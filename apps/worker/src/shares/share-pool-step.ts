import { streams, type SharePoolState } from '@ayllu/domain';
import { getAddress, type Address, type Hex } from 'viem';
import { SAFE_SINGLETON_FACTORY } from '@ayllu/chain';
import { crashPoint } from '../execution/crash-point';
import type { ExecutionDeps } from '../execution/execution-deps';
import { keyedChainCall } from '../execution/keyed-chain-call';
import { performAction } from './share-pool-actions';
import { hasCode, sharePoolAbi, sharePoolConfigOf, sharePoolCreation } from './share-pool-contract';
import { again, busy, chainSecondsNow, idle, meta, recordSharePool, type SharePoolStepResult } from './share-pool-record';
import { upkeepStep } from './share-pool-upkeep';

type Existing = Exclude<SharePoolState, { status: 'ABSENT' }>;

/**
 * One step of a share pool's operation, decided from its log and done on chain: deploy its contract, carry out the
 * oldest pending action (purchase, grant, transfer, contribution, stake, unstake: log order), then the pool's upkeep
 * (finalize a crowdfunding, accrue staking positions). Each step does one thing and says when to look again; every
 * chain call is keyed and the contract refuses a key it has seen, so a worker that dies anywhere doubles nothing.
 */
export async function runSharePoolStep(deps: ExecutionDeps, poolId: string): Promise<SharePoolStepResult> {
  const { state } = await deps.store.load(streams.sharePool.of(poolId));
  if (state.status === 'ABSENT') return idle('NoPool');
  if (state.contract === null) return state.deleted ? idle('Deleted') : deployContract(deps, state);
  const action = state.pending.values().next();
  if (!action.done) return actionStep(deps, state, state.contract, action.value);
  if (state.deleted) return idle('Deleted');
  return upkeepStep(deps, state, state.contract);
}

async function deployContract(deps: ExecutionDeps, state: Existing): Promise<SharePoolStepResult> {
  const config = sharePoolConfigOf(state.configuration, deps.chain.relayer.account.address, deps.chain.profile.superfluid.gdaForwarder);
  const creation = sharePoolCreation(state.poolId, config);
  const outcome = await keyedChainCall<{ txHash: Hex | null; blockNumber: string }>(deps.pool, {
    key: `share-deploy:${deps.chain.chainId}:${state.poolId}`,
    kind: 'share-pool-deploy',
    daoId: state.configuration.daoId,
    reconcile: async () =>
      (await hasCode(deps.chain, creation.address))
        ? { txHash: null, blockNumber: (await deps.chain.public.getBlockNumber()).toString() }
        : undefined,
    send: () =>
      deps.chain.relayer.sendTransaction({
        account: deps.chain.relayer.account,
        chain: deps.chain.relayer.chain,
        to: SAFE_SINGLETON_FACTORY,
        data: creation.data,
      }),
    afterSend: () => crashPoint('after-share-deploy-send'),
    confirm: async (hash) => {
      const receipt = await deps.chain.public.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success' || !(await hasCode(deps.chain, creation.address)))
        throw new Error(`Deploying share pool ${state.poolId}'s contract left no code at ${creation.address} (${hash})`);
      return { txHash: hash, blockNumber: receipt.blockNumber.toString() };
    },
  });
  if (outcome.status === 'busy') return busy(deps, 'Deploying');
  const { txHash, blockNumber } = outcome.result;
  const [gdaPool, operator] = await Promise.all([
    deps.chain.public.readContract({ address: creation.address, abi: sharePoolAbi, functionName: 'gdaPool' }),
    deps.chain.public.readContract({ address: creation.address, abi: sharePoolAbi, functionName: 'operator' }),
  ]);
  await recordSharePool(
    deps,
    state.poolId,
    {
      type: 'RecordSharePoolDeployment',
      data: {
        address: creation.address,
        gdaPool: getAddress(gdaPool),
        operator: getAddress(operator),
        txHash,
        blockNumber: BigInt(blockNumber),
      },
      metadata: meta(deps),
    },
    `share-deploy:${state.poolId}`,
  );
  return again('Deployed');
}

type Pending = Parameters<typeof performAction>[3];

/** The log takes reasons of up to 500 characters: a long revert message must not keep the action from failing. */
const fitReason = (reason: string): string => (reason.length <= 500 ? reason : `${reason.slice(0, 497)}...`);

async function actionStep(deps: ExecutionDeps, state: Existing, pool: Address, action: Pending): Promise<SharePoolStepResult> {
  const outcome = await performAction(deps, state, pool, action, await chainSecondsNow(deps));
  const correlationId = `share-action:${state.poolId}:${action.key}`;
  if (outcome.status === 'busy') return busy(deps, `Action:${action.key}`);
  if (outcome.status === 'refused') {
    await recordSharePool(
      deps,
      state.poolId,
      { type: 'FailSharePoolAction', data: { key: action.key, reason: fitReason(outcome.reason) }, metadata: meta(deps) },
      correlationId,
    );
    return again(`Failed:${action.key}`);
  }
  const { txHash, at, accrued } = outcome.result;
  const staking = action.kind === 'stake' || action.kind === 'unstake';
  await recordSharePool(
    deps,
    state.poolId,
    {
      type: 'ConfirmSharePoolAction',
      data: { key: action.key, txHash, at, ...(staking ? { chainShares: accrued } : {}) },
      metadata: meta(deps),
    },
    correlationId,
  );
  return again(`Confirmed:${action.key}`);
}
