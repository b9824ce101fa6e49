// The parts of OpenZeppelin 5's TimelockController ABI the adapters use, `as const` for typed calls and logs.

const batchInputs = [
  { name: 'targets', type: 'address[]' },
  { name: 'values', type: 'uint256[]' },
  { name: 'payloads', type: 'bytes[]' },
  { name: 'predecessor', type: 'bytes32' },
  { name: 'salt', type: 'bytes32' },
] as const;

const idInput = [{ name: 'id', type: 'bytes32' }] as const;

export const timelockAbi = [
  {
    type: 'function',
    name: 'scheduleBatch',
    stateMutability: 'nonpayable',
    inputs: [...batchInputs, { name: 'delay', type: 'uint256' }],
    outputs: [],
  },
  { type: 'function', name: 'executeBatch', stateMutability: 'payable', inputs: batchInputs, outputs: [] },
  { type: 'function', name: 'cancel', stateMutability: 'nonpayable', inputs: idInput, outputs: [] },
  { type: 'function', name: 'hashOperationBatch', stateMutability: 'pure', inputs: batchInputs, outputs: [{ type: 'bytes32' }] },
  { type: 'function', name: 'getOperationState', stateMutability: 'view', inputs: idInput, outputs: [{ type: 'uint8' }] },
  { type: 'function', name: 'getTimestamp', stateMutability: 'view', inputs: idInput, outputs: [{ type: 'uint256' }] },
  { type: 'function', name: 'getMinDelay', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint256' }] },
  {
    type: 'function',
    name: 'hasRole',
    stateMutability: 'view',
    inputs: [
      { name: 'role', type: 'bytes32' },
      { name: 'account', type: 'address' },
    ],
    outputs: [{ type: 'bool' }],
  },
  {
    type: 'event',
    name: 'CallScheduled',
    inputs: [
      { name: 'id', type: 'bytes32', indexed: true },
      { name: 'index', type: 'uint256', indexed: true },
      { name: 'target', type: 'address', indexed: false },
      { name: 'value', type: 'uint256', indexed: false },
      { name: 'data', type: 'bytes', indexed: false },
      { name: 'predecessor', type: 'bytes32', indexed: false },
      { name: 'delay', type: 'uint256', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'CallExecuted',
    inputs: [
      { name: 'id', type: 'bytes32', indexed: true },
      { name: 'index', type: 'uint256', indexed: true },
      { name: 'target', type: 'address', indexed: false },
      { name: 'value', type: 'uint256', indexed: false },
      { name: 'data', type: 'bytes', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'CallSalt',
    inputs: [
      { name: 'id', type: 'bytes32', indexed: true },
      { name: 'salt', type: 'bytes32', indexed: false },
    ],
  },
  { type: 'event', name: 'Cancelled', inputs: [{ name: 'id', type: 'bytes32', indexed: true }] },
] as const;
