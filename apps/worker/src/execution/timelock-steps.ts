import { executeBatchCall, readTimelockOperation, timelockAbi, type TimelockBatch } from '@ayllu/chain';
import type { DaoContracts, QueuedSafeTransaction } from '@ayllu/domain';
import { BaseError, ContractFunctionRevertedError, parseEventLogs, zeroHash, type Address, type Hex } from 'viem';
import type { ExecutionChain } from './execution-chain';

/** The batch a schedule transaction put in the timelock, rebuilt from the recorded calls. */
export const batchOf = (tx: QueuedSafeTransaction): TimelockBatch => ({
  calls: tx.calls.map((call) => ({ to: call.to as Address, value: call.value, data: call.data as Hex })),
  predecessor: zeroHash,
  salt: tx.salt as Hex,
});

export const operationEta = async (chain: ExecutionChain, contracts: DaoContracts, operationId: Hex): Promise<string | null> => {
  const { eta } = await readTimelockOperation(chain.public, contracts.timelock as Address, operationId);
  return eta === undefined ? null : new Date(Number(eta) * 1000).toISOString();
};

export type TimelockRun = { readonly status: 'executed'; readonly txHash: Hex } | { readonly status: 'reverted'; readonly reason: string };

/** The transaction that ran the operation, found from its CallExecuted logs. */
export async function findOperationExecution(chain: ExecutionChain, contracts: DaoContracts, operationId: Hex): Promise<TimelockRun | undefined> {
  const { state } = await readTimelockOperation(chain.public, contracts.timelock as Address, operationId);
  if (state !== 'Done') return undefined;
  const logs = await chain.public.getLogs({ address: contracts.timelock as Address, fromBlock: contracts.fromBlock, toBlock: 'latest' });
  const executed = parseEventLogs({ abi: timelockAbi, eventName: 'CallExecuted', logs }).find((log) => log.args.id === operationId);
  if (!executed) throw new Error(`Operation ${operationId} is done but no CallExecuted log was found`);
  return { status: 'executed', txHash: executed.transactionHash };
}

/**
 * Simulates running the ready batch: a revert's reason (e.g. a vault custom error) is what the proposal's
 * failure records, instead of a mined failed transaction. Undefined when it would succeed.
 */
export async function simulateOperation(chain: ExecutionChain, contracts: DaoContracts, tx: QueuedSafeTransaction): Promise<string | undefined> {
  const call = executeBatchCall(contracts.timelock as Address, batchOf(tx));
  try {
    await chain.public.call({ account: chain.relayer.account, to: call.to, data: call.data, value: call.value });
    return undefined;
  } catch (error) {
    const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
    if (revert instanceof ContractFunctionRevertedError) return revert.reason ?? revert.data?.errorName ?? revert.shortMessage;
    return error instanceof BaseError ? error.shortMessage : String(error);
  }
}

export function sendOperation(chain: ExecutionChain, contracts: DaoContracts, tx: QueuedSafeTransaction): Promise<Hex> {
  const call = executeBatchCall(contracts.timelock as Address, batchOf(tx));
  return chain.relayer.sendTransaction({ account: chain.relayer.account, chain: chain.relayer.chain, to: call.to, data: call.data, value: call.value });
}

export async function confirmOperation(chain: ExecutionChain, txHash: Hex): Promise<TimelockRun> {
  const receipt = await chain.public.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== 'success') return { status: 'reverted', reason: `executeBatch reverted in ${txHash}` };
  return { status: 'executed', txHash };
}
