import { getAddress, keccak256, toHex, zeroHash, type Address, type WalletClient } from 'viem';
import { timelockAbi } from '../abi/timelock-controller';
import { deploySafeSingletons } from '../local/deploy-safe-singletons';
import { buildSafeTransaction } from '../safe/build-safe-transaction';
import { deploySafe } from '../safe/deploy-safe';
import { executeSafeTransaction } from '../safe/execute-safe-transaction';
import { readSafeState } from '../safe/read-safe-state';
import type { SafeCall } from '../safe/safe-transaction';
import { safeTransactionTypedData } from '../safe/safe-typed-data';
import { startLocalNode, type LocalNode } from '../testing/local-node';
import { deployTimelock } from './deploy-timelock';
import { readTimelockOperation } from './read-timelock-operation';
import type { TimelockBatch } from './timelock-batch';
import { cancelOperationCall, executeBatchCall, scheduleBatchCall } from './timelock-calldata';
import { timelockOperationId } from './timelock-operation-id';

const DELAY = 3_600n;
const first = getAddress('0x00000000000000000000000000000000000000A1');
const second = getAddress('0x00000000000000000000000000000000000000A2');

describe('Timelock adapter', () => {
  let node: LocalNode;
  let safe: Address;
  let timelock: Address;
  let multiSendCallOnly: Address;
  const batch = (label: string): TimelockBatch => ({
    calls: [
      { to: first, value: 0n, data: '0x' },
      { to: second, value: 0n, data: '0xabcdef' },
    ],
    predecessor: zeroHash,
    salt: keccak256(toHex(label)),
  });

  // The Safe (owners: accounts 1 and 2, threshold 2) is the timelock's only proposer.
  const throughSafe = async (...calls: SafeCall[]) => {
    const chainId = node.chain.id;
    const { nonce } = await readSafeState(node.public, safe);
    const transaction = buildSafeTransaction({ calls, nonce, multiSendCallOnly });
    const signers: WalletClient[] = [node.wallet(1), node.wallet(2)];
    const signatures = await Promise.all(
      signers.map(async (w) => ({
        signer: w.account!.address,
        data: await w.signTypedData({ account: w.account!, ...safeTransactionTypedData({ chainId, safe }, transaction) }),
      })),
    );
    return executeSafeTransaction({ wallet: node.wallet(0), public: node.public, safe, chainId, transaction, signatures });
  };
  const latestTimestamp = async () => (await node.public.getBlock()).timestamp;

  beforeAll(async () => {
    node = await startLocalNode();
    const client = { wallet: node.wallet(0), public: node.public };
    const singletons = await deploySafeSingletons(client);
    multiSendCallOnly = singletons.multiSendCallOnly;
    safe = await deploySafe(client, {
      owners: [node.wallet(1).account!.address, node.wallet(2).account!.address],
      threshold: 2n,
      singleton: singletons.safeSingleton,
      proxyFactory: singletons.safeProxyFactory,
      fallbackHandler: singletons.fallbackHandler,
    });
    timelock = await deployTimelock(client, { proposer: safe, minDelay: DELAY });
  });
  afterAll(() => node?.stop());

  it('computes the operation id exactly as hashOperationBatch does', async () => {
    const operation = batch('id');
    const onChain = await node.public.readContract({
      address: timelock,
      abi: timelockAbi,
      functionName: 'hashOperationBatch',
      args: [
        operation.calls.map((c) => c.to),
        operation.calls.map((c) => c.value),
        operation.calls.map((c) => c.data),
        operation.predecessor,
        operation.salt,
      ],
    });
    expect(timelockOperationId(operation)).toBe(onChain);
  });

  it('reports an unknown operation as Unset with no ETA', async () => {
    expect(await readTimelockOperation(node.public, timelock, timelockOperationId(batch('never')))).toEqual({
      state: 'Unset',
      eta: undefined,
    });
  });

  it('schedules through the Safe, waits for the delay, then lets anyone execute', async () => {
    const operation = batch('run');
    const id = timelockOperationId(operation);
    const scheduled = await throughSafe(scheduleBatchCall(timelock, operation, DELAY));
    expect(scheduled.outcome).toBe('success');
    const scheduledAt = (await node.public.getBlock({ blockNumber: scheduled.blockNumber })).timestamp;
    expect(await readTimelockOperation(node.public, timelock, id)).toEqual({ state: 'Waiting', eta: scheduledAt + DELAY });

    const stranger = node.wallet(7);
    const early = executeBatchCall(timelock, operation);
    await expect(node.public.call({ account: stranger.account!, to: early.to, data: early.data })).rejects.toThrow(
      /TimelockUnexpectedOperationState|reverted/,
    );

    await node.test.increaseTime({ seconds: Number(DELAY) });
    await node.test.mine({ blocks: 1 });
    expect((await readTimelockOperation(node.public, timelock, id)).state).toBe('Ready');
    expect(await latestTimestamp()).toBeGreaterThanOrEqual(scheduledAt + DELAY);

    const call = executeBatchCall(timelock, operation);
    const hash = await stranger.sendTransaction({
      account: stranger.account!,
      chain: node.chain,
      to: call.to,
      data: call.data,
      value: call.value,
    });
    expect((await node.public.waitForTransactionReceipt({ hash })).status).toBe('success');
    expect(await readTimelockOperation(node.public, timelock, id)).toEqual({ state: 'Done', eta: undefined });
  });

  it('lets the Safe cancel a scheduled operation', async () => {
    const operation = batch('cancel');
    const id = timelockOperationId(operation);
    await throughSafe(scheduleBatchCall(timelock, operation, DELAY));
    expect((await readTimelockOperation(node.public, timelock, id)).state).toBe('Waiting');
    expect((await throughSafe(cancelOperationCall(timelock, id))).outcome).toBe('success');
    expect(await readTimelockOperation(node.public, timelock, id)).toEqual({ state: 'Unset', eta: undefined });
  });

  it('schedules and cancels in one Safe transaction when batched through MultiSendCallOnly', async () => {
    const operation = batch('batched');
    const id = timelockOperationId(operation);
    const result = await throughSafe(scheduleBatchCall(timelock, operation, DELAY), cancelOperationCall(timelock, id));
    expect(result.outcome).toBe('success');
    expect((await readTimelockOperation(node.public, timelock, id)).state).toBe('Unset');
  });
});
