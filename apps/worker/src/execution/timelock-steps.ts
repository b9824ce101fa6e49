import { executeBatchCall, readTimelockOperation, safeAbi, timelockAbi, type TimelockBatch } from '@ayllu/chain';
import type { DaoContracts, QueuedSafeTransaction } from '@ayllu/domain';
import { isAddressEqual, parseEventLogs, zeroHash, type Address, type Hex, type TransactionReceipt } from 'viem';
import type { ExecutionChain } from './execution-chain';
import { moduleCallOf } from './module-call';
import { revertReasonOrThrow } from './revert-reason';

/** The batch a schedule transaction put in the timelock, rebuilt from the recorded calls. */
export const batchOf = (tx: QueuedSafeTransaction): TimelockBatch => ({
  calls: tx.calls.map((call) => ({ to: call.to, value: call.value, data: call.data })),
  predecessor: zeroHash,
  salt: tx.salt,
});

export const operationEta = async (chain: ExecutionChain, contracts: DaoContracts, operationId: Hex): Promise<string | null> => {
  const { eta } = await readTimelockOperation(chain.public, contracts.timelock, operationId);
  return eta === undefined ? null : new Date(Number(eta) * 1000).toISOString();
};

export type TimelockRun =
  { readonly status: 'executed'; readonly txHash: Hex } | { readonly status: 'reverted'; readonly reason: string; readonly txHash?: Hex };

/** The module calls of a batch (those the Safe makes for the timelock), with their descriptions. */
const moduleCallsOf = (contracts: DaoContracts, tx: QueuedSafeTransaction) =>
  tx.calls.flatMap((call) => {
    const inner = moduleCallOf(contracts.safe, call);
    return inner ? [{ inner, description: call.description }] : [];
  });

/**
 * What a mined executeBatch did. A reverted transaction did nothing. Through the module relay a failed Safe
 * call reverts the batch; a DAO deployed before the relay may still have a successful run carrying a Safe
 * module call that failed (ExecutionFromModuleFailure): the operation is done on chain but that call had no
 * effect, so the proposal failed, naming the call and, when it still reverts, the reason.
 */
async function runOf(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
  receipt: TransactionReceipt,
): Promise<TimelockRun> {
  const txHash = receipt.transactionHash;
  if (receipt.status !== 'success') return { status: 'reverted', reason: `executeBatch reverted in ${txHash}`, txHash };
  const outcomes = parseEventLogs({
    abi: safeAbi,
    eventName: ['ExecutionFromModuleSuccess', 'ExecutionFromModuleFailure'],
    logs: receipt.logs,
  }).filter((log) => isAddressEqual(log.address, contracts.safe));
  const calls = moduleCallsOf(contracts, tx);
  const failed = outcomes.findIndex((log) => log.eventName === 'ExecutionFromModuleFailure');
  if (failed < 0) return { status: 'executed', txHash };
  const call = calls[failed];
  const why = call ? await innerRevert(chain, contracts, call.inner) : undefined;
  return {
    status: 'reverted',
    reason: `The Safe's call "${call?.description ?? `#${failed}`}" failed in ${txHash}${why ? `: ${why}` : ' (it no longer reverts when simulated: out of gas or state at the time)'}`,
    txHash,
  };
}

const innerRevert = async (chain: ExecutionChain, contracts: DaoContracts, inner: { to: Address; value: bigint; data: Hex }) => {
  try {
    await chain.public.call({ account: contracts.safe, to: inner.to, data: inner.data, value: inner.value });
    return undefined;
  } catch (error) {
    return revertReasonOrThrow(error);
  }
};

/** The transaction that ran the operation, found from its CallExecuted logs, and what it did. */
export async function findOperationExecution(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
): Promise<TimelockRun | undefined> {
  const operationId = tx.operationId;
  const { state } = await readTimelockOperation(chain.public, contracts.timelock, operationId);
  if (state !== 'Done') return undefined;
  const logs = await chain.public.getLogs({ address: contracts.timelock, fromBlock: contracts.fromBlock, toBlock: 'latest' });
  const executed = parseEventLogs({ abi: timelockAbi, eventName: 'CallExecuted', logs }).find((log) => log.args.id === operationId);
  if (!executed) throw new Error(`Operation ${operationId} is done but no CallExecuted log was found`);
  return runOf(chain, contracts, tx, await chain.public.getTransactionReceipt({ hash: executed.transactionHash }));
}

/**
 * Simulates running the ready batch, then each call the Safe would make for it: a revert's reason (e.g. a
 * vault custom error, a Super Token's insufficient balance) is what the proposal's failure records, instead
 * of a mined failed transaction. Undefined when it would succeed.
 */
export async function simulateOperation(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
): Promise<string | undefined> {
  const call = executeBatchCall(contracts.timelock, batchOf(tx));
  let batchReason: string | undefined;
  try {
    await chain.public.call({ account: chain.relayer.account, to: call.to, data: call.data, value: call.value });
  } catch (error) {
    batchReason = revertReasonOrThrow(error);
  }
  // The Safe's calls on their own name the call that fails (the batch's revert carries only its data).
  for (const { inner, description } of moduleCallsOf(contracts, tx)) {
    const why = await innerRevert(chain, contracts, inner);
    if (why !== undefined) return `The Safe's call "${description}" would revert: ${why}`;
  }
  return batchReason;
}

/**
 * Sends executeBatch with room for the Safe's inner calls. A plain estimate is the least gas with which the
 * outer call does not revert; since a starved module call only returns false, that estimate can leave the
 * inner calls without the gas they need (EIP-150 keeps 1/64 back at each level). So the inner calls are
 * estimated on their own, as the Safe, and added.
 */
export async function sendOperation(chain: ExecutionChain, contracts: DaoContracts, tx: QueuedSafeTransaction): Promise<Hex> {
  const call = executeBatchCall(contracts.timelock, batchOf(tx));
  const outer = await chain.public.estimateGas({ account: chain.relayer.account, to: call.to, data: call.data, value: call.value });
  let inner = 0n;
  for (const { inner: c } of moduleCallsOf(contracts, tx))
    inner += await chain.public.estimateGas({ account: contracts.safe, to: c.to, data: c.data, value: c.value });
  const gas = outer + (inner * 64n) / 63n + 100_000n;
  return chain.relayer.sendTransaction({
    account: chain.relayer.account,
    chain: chain.relayer.chain,
    to: call.to,
    data: call.data,
    value: call.value,
    gas,
  });
}

export async function confirmOperation(
  chain: ExecutionChain,
  contracts: DaoContracts,
  tx: QueuedSafeTransaction,
  txHash: Hex,
): Promise<TimelockRun> {
  return runOf(chain, contracts, tx, await chain.public.waitForTransactionReceipt({ hash: txHash }));
}
