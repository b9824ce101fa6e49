// Generated from the SuperfluidFrameworkDeployer artifact of @superfluid-finance/ethereum-contracts 1.15.2 by contracts/scripts/write-abi-modules.js: do not edit.
export const superfluidFrameworkDeployerAbi = [
  {
    inputs: [],
    name: 'DEPLOY_SUPER_TOKEN_REQUIRES_1820',
    type: 'error',
  },
  {
    inputs: [],
    name: 'DEPLOY_SUPER_TOKEN_REQUIRES_DEPLOY_SUPER_TOKEN_CONTRACTS',
    type: 'error',
  },
  {
    inputs: [],
    name: 'DEPLOY_TOGA_REQUIRES_1820',
    type: 'error',
  },
  {
    inputs: [],
    name: 'RESOLVER_LIST_REQUIRES_DEPLOY_PERIPHERALS',
    type: 'error',
  },
  {
    inputs: [],
    name: 'DEFAULT_APP_WHITELISTING_ENABLED',
    outputs: [
      {
        internalType: 'bool',
        name: '',
        type: 'bool',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'DEFAULT_LIQUIDATION_PERIOD',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'DEFAULT_NON_UPGRADEABLE',
    outputs: [
      {
        internalType: 'bool',
        name: '',
        type: 'bool',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'DEFAULT_PATRICIAN_PERIOD',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'DEFAULT_REWARD_ADDRESS',
    outputs: [
      {
        internalType: 'address',
        name: '',
        type: 'address',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'DEFAULT_TOGA_MIN_BOND_DURATION',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'RESOLVER_BASE_SUPER_TOKEN_KEY',
    outputs: [
      {
        internalType: 'string',
        name: '',
        type: 'string',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'RESOLVER_BASE_TOKEN_KEY',
    outputs: [
      {
        internalType: 'string',
        name: '',
        type: 'string',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'string',
        name: '_name',
        type: 'string',
      },
      {
        internalType: 'string',
        name: '_symbol',
        type: 'string',
      },
    ],
    name: 'deployNativeAssetSuperToken',
    outputs: [
      {
        internalType: 'contract ISETH',
        name: 'nativeAssetSuperToken',
        type: 'address',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'string',
        name: '_name',
        type: 'string',
      },
      {
        internalType: 'string',
        name: '_symbol',
        type: 'string',
      },
      {
        internalType: 'uint256',
        name: '_initialSupply',
        type: 'uint256',
      },
    ],
    name: 'deployPureSuperToken',
    outputs: [
      {
        internalType: 'contract IPureSuperToken',
        name: 'pureSuperToken',
        type: 'address',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [],
    name: 'deployTestFramework',
    outputs: [],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'string',
        name: '_underlyingName',
        type: 'string',
      },
      {
        internalType: 'string',
        name: '_underlyingSymbol',
        type: 'string',
      },
      {
        internalType: 'uint8',
        name: '_decimals',
        type: 'uint8',
      },
      {
        internalType: 'uint256',
        name: '_mintLimit',
        type: 'uint256',
      },
      {
        internalType: 'address',
        name: '_admin',
        type: 'address',
      },
    ],
    name: 'deployWrapperSuperToken',
    outputs: [
      {
        internalType: 'contract TestToken',
        name: 'underlyingToken',
        type: 'address',
      },
      {
        internalType: 'contract SuperToken',
        name: 'superToken',
        type: 'address',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'uint8',
        name: 'step',
        type: 'uint8',
      },
    ],
    name: 'executeStep',
    outputs: [],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [],
    name: 'getFramework',
    outputs: [
      {
        components: [
          {
            internalType: 'contract TestGovernance',
            name: 'governance',
            type: 'address',
          },
          {
            internalType: 'contract Superfluid',
            name: 'host',
            type: 'address',
          },
          {
            internalType: 'contract ConstantFlowAgreementV1',
            name: 'cfa',
            type: 'address',
          },
          {
            internalType: 'contract InstantDistributionAgreementV1',
            name: 'ida',
            type: 'address',
          },
          {
            internalType: 'contract GeneralDistributionAgreementV1',
            name: 'gda',
            type: 'address',
          },
          {
            internalType: 'contract SuperTokenFactory',
            name: 'superTokenFactory',
            type: 'address',
          },
          {
            internalType: 'contract ISuperToken',
            name: 'superTokenLogic',
            type: 'address',
          },
          {
            internalType: 'contract TestResolver',
            name: 'resolver',
            type: 'address',
          },
          {
            internalType: 'contract SuperfluidLoader',
            name: 'superfluidLoader',
            type: 'address',
          },
          {
            internalType: 'contract CFAv1Forwarder',
            name: 'cfaV1Forwarder',
            type: 'address',
          },
          {
            internalType: 'contract GDAv1Forwarder',
            name: 'gdaV1Forwarder',
            type: 'address',
          },
          {
            internalType: 'contract BlindMacroForwarder',
            name: 'macroForwarder',
            type: 'address',
          },
          {
            internalType: 'contract ClearMacroForwarderV1WithPermit2',
            name: 'clearMacroForwarderV1WithPermit2',
            type: 'address',
          },
          {
            internalType: 'contract BatchLiquidator',
            name: 'batchLiquidator',
            type: 'address',
          },
          {
            internalType: 'contract TOGA',
            name: 'toga',
            type: 'address',
          },
        ],
        internalType: 'struct SuperfluidFrameworkDeploymentSteps.Framework',
        name: 'sf',
        type: 'tuple',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'getNumSteps',
    outputs: [
      {
        internalType: 'uint8',
        name: '',
        type: 'uint8',
      },
    ],
    stateMutability: 'pure',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'newOwner',
        type: 'address',
      },
    ],
    name: 'transferOwnership',
    outputs: [],
    stateMutability: 'nonpayable',
    type: 'function',
  },
] as const;
