// Generated from the MultiSendCallOnly artifact of @safe-global/safe-contracts 1.4.1 by contracts/scripts/write-abi-modules.js: do not edit.
export const multiSendCallOnlyAbi = [
  {
    inputs: [
      {
        internalType: 'bytes',
        name: 'transactions',
        type: 'bytes',
      },
    ],
    name: 'multiSend',
    outputs: [],
    stateMutability: 'payable',
    type: 'function',
  },
] as const;
