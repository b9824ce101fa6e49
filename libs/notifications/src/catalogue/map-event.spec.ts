import { streams } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { mapEvent } from './map-event';

const recorded = (streamId: string, type: string, data: unknown): RecordedEvent => ({
  streamId,
  version: 1,
  position: 7n,
  transactionId: 1n,
  type,
  data,
  metadata: {
    eventId: 'e1',
    causationId: null,
    correlationId: 'c',
    actor: 'system:test',
    idempotencyKey: null,
    occurredAt: '2026-11-21T10:00:00.000Z',
  },
  recordedAt: new Date(),
});
const proposal = { daoId: 'dao_1', type: 'WITHDRAW_FUNDS', description: 'Fix the well' };

describe('events to notifications', () => {
  it('makes proposal.created from ProposalSubmitted', () => {
    const [n] = mapEvent(
      recorded('proposal-p1', 'ProposalSubmitted', {
        proposalId: 'p1',
        daoId: 'dao_1',
        type: 'ADD_MEMBER',
        proposer: '0xabc',
        description: 'Admit Bob',
        votingEndsAt: '2026-11-24T10:00:00.000Z',
        quorumBps: 5100,
        thresholdBps: 5000,
        eligibleVoters: [{ voter: '0xabc', weight: 1n }],
      }),
      null,
    );
    expect(n).toEqual({
      daoId: 'dao_1',
      type: 'proposal.created',
      data: expect.objectContaining({ proposalId: 'p1', proposalType: 'ADD_MEMBER', eligibleVoters: 1 }) as unknown,
    });
  });

  it('finds the DAO of a proposal event through the proposal, and writes bigint tallies as strings', () => {
    const [n] = mapEvent(
      recorded('proposal-p1', 'ProposalSucceeded', {
        proposalId: 'p1',
        tally: { for: 3n, against: 1n, abstain: 0n },
        closedAt: 'x',
        early: true,
      }),
      proposal,
    );
    expect(n).toMatchObject({
      daoId: 'dao_1',
      type: 'proposal.passed',
      data: { description: 'Fix the well', tally: { for: '3', against: '1', abstain: '0' } },
    });
    expect(mapEvent(recorded('proposal-p9', 'ProposalExpired', { proposalId: 'p9' }), null)).toEqual([]);
  });

  it('takes DAO events from the dao stream', () => {
    expect(
      mapEvent(recorded('dao-dao_1', 'MemberSuspended', { member: '0xb', reason: 'r', suspendedBy: 'admin:1', suspendedAt: 't' }), null),
    ).toEqual([
      { daoId: 'dao_1', type: 'member.suspended', data: { member: '0xb', reason: 'r', suspendedBy: 'admin:1', suspendedAt: 't' } },
    ]);
    expect(mapEvent(recorded('dao-dao_1', 'VoteCast', {}), null)).toEqual([]);
    expect(
      mapEvent(recorded('dao-dao_1', 'WithdrawalRequested', { amount: 5n * 10n ** 18n, withdrawalId: 'w' }), null)[0].data,
    ).toMatchObject({
      amount: '5000000000000000000',
    });
  });

  it('tells a DAO that a chain reorganisation retracted a deposit', () => {
    const data = {
      fact: 'DepositConfirmed',
      member: '0xb',
      amount: 10n ** 18n,
      chainId: 31337,
      txHash: '0xt',
      logIndex: 2,
      blockNumber: 120n,
      blockHash: '0xh',
      withdrawalId: null,
      restored: { status: 'PENDING', joinedAt: null },
      rewoundTo: 118n,
      retractedAt: 't',
    };
    expect(mapEvent(recorded('dao-dao_1', 'ChainFactRetracted', data), null)).toEqual([
      {
        daoId: 'dao_1',
        type: 'chain.fact_retracted',
        data: {
          fact: 'deposit',
          member: '0xb',
          amount: '1000000000000000000',
          txHash: '0xt',
          blockNumber: '120',
          rewoundTo: '118',
          withdrawalId: null,
          retractedAt: 't',
        },
      },
    ]);
  });

  it('tells a DAO that a processor quarantined one of its streams', () => {
    const data = {
      daoId: 'dao_1',
      processor: 'proposals',
      streamId: streams.proposal.of('p1').streamId,
      eventType: 'VoteCast',
      logPosition: '42',
      reason: 'TypeError: boom',
      quarantinedAt: 't',
    };
    expect(mapEvent(recorded(streams.processing.of('dao_1').streamId, 'StreamQuarantined', data), null)).toEqual([
      {
        daoId: 'dao_1',
        type: 'processing.stream_quarantined',
        data: {
          processor: 'proposals',
          streamId: data.streamId,
          eventType: 'VoteCast',
          failedAt: '42',
          reason: 'TypeError: boom',
          quarantinedAt: 't',
        },
      },
    ]);
  });

  it('asks for signatures when the platform proposes a Safe transaction', () => {
    const [safe] = mapEvent(
      recorded(streams.treasury.of('dao_1').streamId, 'SafeTransactionProposed', {
        daoId: 'dao_1',
        proposalId: 'p1',
        purpose: 'schedule',
        safeTxHash: '0xh',
        nonce: 0n,
        proposedAt: '2026-11-21T10:00:00.000Z',
      }),
      null,
    );
    expect(safe).toEqual({
      daoId: 'dao_1',
      type: 'safe_transaction.signatures_needed',
      data: { proposalId: 'p1', safeTxHash: '0xh', threshold: null, signedBy: [], missingSigners: [] },
    });
  });

  it('maps an event type the domain does not have to nothing', () => {
    expect(mapEvent(recorded('dao-dao_1', 'PayoutStreamStarted', { flowRatePerSecond: 1n, members: [] }), null)).toEqual([]);
  });
});
