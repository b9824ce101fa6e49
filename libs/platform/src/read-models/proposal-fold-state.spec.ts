import { streams, type ExistingProposal, type ProposalEvent } from '@ayllu/domain';
import { decodeProposalState, encodeProposalState } from './proposal-fold-state';
import { encodeJson } from '@ayllu/event-store';

const alice = '0x00000000000000000000000000000000000000A1';
const bob = '0x00000000000000000000000000000000000000B2';

// A payload stored before payloads were checked key by key can hold a client value shaped like the
// store's bigint tag; the stored fold state must give it back as that value, never as a bigint.
const submitted = {
  type: 'ProposalSubmitted',
  data: {
    proposalId: 'p-1',
    daoId: 'd-1',
    proposer: alice,
    type: 'WITHDRAW_FUNDS',
    payload: { recipient: bob, amount: 10n ** 24n, extra: { $bigint: '1' } },
    title: 'Pay {"$bigint":"2"}',
    description: '',
    votingType: 'weighted',
    eligibleVoters: [
      { voter: alice, weight: 10n ** 20n },
      { voter: bob, weight: 3n },
    ],
    totalEligibleWeight: 10n ** 20n + 3n,
    quorumBps: 5100,
    thresholdBps: 5000,
    votingStartsAt: '2026-11-20T12:00:00.000Z',
    votingEndsAt: '2026-11-23T12:00:00.000Z',
    allowVoteChange: false,
    earlyClose: false,
    executionWindowSeconds: 604800,
  },
} as unknown as ProposalEvent;
const voted: ProposalEvent = {
  type: 'VoteCast',
  data: { proposalId: 'p-1', voter: alice, choice: 'for', weight: 10n ** 20n, replaces: null, castAt: '2026-11-20T13:00:00.000Z' },
};

describe('Stored proposal fold state', () => {
  it('reads back the state it stored, client values shaped like a bigint included', () => {
    const { evolve, initialState } = streams.proposal;
    const state = [submitted, voted].reduce(evolve, initialState()) as ExistingProposal;
    const stored = encodeProposalState(state);
    expect(decodeProposalState(JSON.parse(stored), { eligibleVoters: state.eligibleVoters, ballots: state.ballots })).toEqual(state);
  });

  it('leaves the voters and ballots out (the read model holds them), so a vote does not rewrite them', () => {
    const { evolve, initialState } = streams.proposal;
    const state = [submitted, voted].reduce(evolve, initialState()) as ExistingProposal;
    const stored = JSON.parse(encodeProposalState(state)) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('eligibleVoters');
    expect(stored).not.toHaveProperty('ballots');
    const empty = { eligibleVoters: new Map(), ballots: new Map() };
    expect(decodeProposalState(stored, empty)).toEqual({ ...state, eligibleVoters: new Map(), ballots: new Map() });
  });

  it('reads a row stored with its maps as it was written', () => {
    const { evolve, initialState } = streams.proposal;
    const state = [submitted, voted].reduce(evolve, initialState()) as ExistingProposal;
    const older = JSON.parse(encodeJson({ ...state, eligibleVoters: [...state.eligibleVoters], ballots: [...state.ballots] })) as unknown;
    expect(decodeProposalState(older, { eligibleVoters: new Map(), ballots: new Map() })).toEqual(state);
  });
});
