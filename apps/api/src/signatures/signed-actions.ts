/** A rotating pool's member actions: each also binds the pool (`pool`, its id), so a signature acts on that pool only. */
export const ROSCA_ACTIONS = [
  'rosca-join',
  'rosca-reveal',
  'rosca-order-vote',
  'rosca-payment',
  'rosca-bid',
  'rosca-exit',
  'rosca-dissolution-vote',
] as const;
export type RoscaAction = (typeof ROSCA_ACTIONS)[number];

/**
 * A share pool's member actions: each binds the pool (`pool`, its id) like the rotating pools' actions. A code
 * redemption signs the secret code itself (`code`): the server hashes it, and only the hash is recorded.
 */
export const SHARE_ACTIONS = [
  'share-purchase',
  'share-join',
  'share-code',
  'share-transfer',
  'share-contribution',
  'share-stake',
  'share-unstake',
] as const;
export type ShareAction = (typeof SHARE_ACTIONS)[number];

/** The community pool's member actions. */
export const COMMUNITY_ACTIONS = [
  'join-request',
  'proposal',
  'proposal-cancellation',
  'vote',
  'withdrawal-request',
  'emergency-exit',
] as const;
export type CommunityAction = (typeof COMMUNITY_ACTIONS)[number];

/**
 * The member writes that must be signed, with their EIP-712 types. Every message
 * binds the DAO (`dao`), a one-time `nonce` and a `deadline`; the domain binds the chain id.
 *
 * Amounts are `uint256` in the typed data and decimal strings in JSON (wallets accept both for uint).
 * A proposal's payload is signed as `payload: string` holding canonical JSON (keys sorted, no spaces), so
 * the exact bytes the member saw are what the server parses and stores.
 */
export const SIGNED_ACTIONS = [...COMMUNITY_ACTIONS, ...ROSCA_ACTIONS, ...SHARE_ACTIONS] as const;
export type SignedAction = (typeof SIGNED_ACTIONS)[number];

type Field = { readonly name: string; readonly type: string };

const BINDING: readonly Field[] = [
  { name: 'dao', type: 'string' },
  { name: 'nonce', type: 'bytes32' },
  { name: 'deadline', type: 'uint64' },
];

interface ActionSchema {
  readonly primaryType: string;
  /** The message field naming who acts: the recovered signer must be this address. */
  readonly actorField: string;
  readonly fields: readonly Field[];
}

/** `member` acts on `pool`; the action's own fields come between them and the binding. */
function roscaSchema(primaryType: string, fields: readonly Field[]): ActionSchema {
  return {
    primaryType,
    actorField: 'member',
    fields: [{ name: 'member', type: 'address' }, { name: 'pool', type: 'string' }, ...fields, ...BINDING],
  };
}

export const ACTION_SCHEMAS: Readonly<Record<SignedAction, ActionSchema>> = {
  'join-request': {
    primaryType: 'JoinRequest',
    actorField: 'address',
    fields: [{ name: 'address', type: 'address' }, ...BINDING],
  },
  proposal: {
    primaryType: 'Proposal',
    actorField: 'proposer',
    fields: [
      { name: 'proposer', type: 'address' },
      { name: 'type', type: 'string' },
      { name: 'title', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'payload', type: 'string' },
      ...BINDING,
    ],
  },
  // Names the proposal, so a signature cancels that proposal only; the domain checks the signer proposed it.
  'proposal-cancellation': {
    primaryType: 'ProposalCancellation',
    actorField: 'proposer',
    fields: [{ name: 'proposer', type: 'address' }, { name: 'proposalId', type: 'string' }, ...BINDING],
  },
  vote: {
    primaryType: 'Vote',
    actorField: 'voter',
    fields: [
      { name: 'voter', type: 'address' },
      { name: 'proposalId', type: 'string' },
      { name: 'support', type: 'string' },
      { name: 'reason', type: 'string' },
      ...BINDING,
    ],
  },
  'withdrawal-request': {
    primaryType: 'WithdrawalRequest',
    actorField: 'member',
    fields: [{ name: 'member', type: 'address' }, { name: 'amount', type: 'uint256' }, ...BINDING],
  },
  'emergency-exit': {
    primaryType: 'EmergencyExit',
    actorField: 'member',
    fields: [{ name: 'member', type: 'address' }, ...BINDING],
  },
  // `commitment`: keccak256(secret ‖ member) in a lottery pool, the zero hash otherwise.
  'rosca-join': roscaSchema('RotatingPoolJoin', [{ name: 'commitment', type: 'bytes32' }]),
  'rosca-reveal': roscaSchema('LotterySecretReveal', [{ name: 'secret', type: 'bytes32' }]),
  'rosca-order-vote': roscaSchema('RotationOrderVote', [{ name: 'order', type: 'address[]' }]),
  'rosca-payment': roscaSchema('EarlyPayment', [{ name: 'round', type: 'uint32' }]),
  'rosca-bid': roscaSchema('RoundBid', [
    { name: 'round', type: 'uint32' },
    { name: 'discountBps', type: 'uint16' },
  ]),
  'rosca-exit': roscaSchema('RotatingPoolExit', []),
  'rosca-dissolution-vote': roscaSchema('DissolutionVote', []),
  'share-purchase': roscaSchema('SharePurchase', [{ name: 'shares', type: 'uint32' }]),
  'share-join': roscaSchema('SharePoolJoin', []),
  'share-code': roscaSchema('ShareCodeRedemption', [{ name: 'code', type: 'string' }]),
  'share-transfer': roscaSchema('ShareTransfer', [
    { name: 'to', type: 'address' },
    { name: 'shares', type: 'uint32' },
  ]),
  'share-contribution': roscaSchema('CrowdfundingContribution', [{ name: 'amount', type: 'uint256' }]),
  'share-stake': roscaSchema('ShareStake', [{ name: 'amount', type: 'uint256' }]),
  'share-unstake': roscaSchema('ShareUnstake', [{ name: 'amount', type: 'uint256' }]),
};

export const isSignedAction = (value: string): value is SignedAction => (SIGNED_ACTIONS as readonly string[]).includes(value);
