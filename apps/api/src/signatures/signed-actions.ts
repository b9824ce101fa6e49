/**
 * The member writes that must be signed, with their EIP-712 types. Every message
 * binds the DAO (`dao`), a one-time `nonce` and a `deadline`; the domain binds the chain id.
 *
 * Amounts are `uint256` in the typed data and decimal strings in JSON (wallets accept both for uint).
 * A proposal's payload is signed as `payload: string` holding canonical JSON (keys sorted, no spaces), so
 * the exact bytes the member saw are what the server parses and stores.
 */
export const SIGNED_ACTIONS = [
  'join-request',
  'proposal',
  'proposal-cancellation',
  'vote',
  'withdrawal-request',
  'emergency-exit',
] as const;
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
};

export const isSignedAction = (value: string): value is SignedAction => (SIGNED_ACTIONS as readonly string[]).includes(value);
