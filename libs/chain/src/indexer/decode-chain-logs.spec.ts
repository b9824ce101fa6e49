import { encodeAbiParameters, encodeEventTopics, type Address, type Hex, type Log } from 'viem';
import { safeAbi } from '../abi/safe-l2';
import { timelockAbi } from '../abi/timelock-controller';
import type { WatchedContracts } from './chain-facts';
import { decodeChainLogs } from './decode-chain-logs';

const address = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
const contracts: WatchedContracts = {
  vault: address(0xa1),
  safe: address(0xa2),
  timelock: address(0xa3),
  pool: address(0xa4),
  gda: address(0xa5),
};
const owner = '0x7c0F02269c19bC43D6e87c8093481a9B1d2eA95d';

let logIndex = 0;
const logOf = (from: Address, topics: Hex[], data: Hex = '0x'): Log<bigint, number, false> => ({
  address: from,
  topics: topics as [Hex, ...Hex[]],
  data,
  blockNumber: 7n,
  blockHash: `0x${'b'.repeat(64)}`,
  transactionHash: `0x${'c'.repeat(64)}`,
  transactionIndex: 0,
  logIndex: logIndex++,
  removed: false,
});

describe("decodeChainLogs: the Safe's owners and threshold, the timelock's delay", () => {
  it('turns AddedOwner, RemovedOwner, ChangedThreshold and MinDelayChange into facts, in log order', () => {
    const uint = (value: bigint) => encodeAbiParameters([{ type: 'uint256' }], [value]);
    const logs = [
      logOf(contracts.safe, encodeEventTopics({ abi: safeAbi, eventName: 'RemovedOwner', args: { owner: address(0xbeef) } }) as Hex[]),
      logOf(contracts.safe, encodeEventTopics({ abi: safeAbi, eventName: 'AddedOwner', args: { owner } }) as Hex[]),
      logOf(contracts.safe, encodeEventTopics({ abi: safeAbi, eventName: 'ChangedThreshold' }) as Hex[], uint(3n)),
      logOf(
        contracts.timelock,
        encodeEventTopics({ abi: timelockAbi, eventName: 'MinDelayChange' }) as Hex[],
        encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [3600n, 600n]),
      ),
      // The same events from another Safe are not this DAO's.
      logOf(address(0xdead), encodeEventTopics({ abi: safeAbi, eventName: 'AddedOwner', args: { owner } }) as Hex[]),
    ];
    expect(decodeChainLogs(31337, contracts, logs).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'SafeOwnerRemoved', data: { owner: '0x000000000000000000000000000000000000bEEF' } },
      { type: 'SafeOwnerAdded', data: { owner } },
      { type: 'SafeThresholdChanged', data: { threshold: 3n } },
      { type: 'TimelockDelayChanged', data: { oldDelay: 3600n, newDelay: 600n } },
    ]);
  });
});
