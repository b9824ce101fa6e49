import { streams } from '@ayllu/domain';
import type { NotificationData, NotificationType } from './notification-types';
import { ROSCA_NOTIFICATION_EXAMPLES } from './rosca-notification-examples';
import { SHARE_NOTIFICATION_EXAMPLES } from './share-notification-examples';

const P = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CAROL = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const TX = '0x8d2f4c0b6a1e9d3f7c5b2a4e6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f';

/** One example `data` per type: documented in the OpenAPI document and checked against the formatters. */
export const NOTIFICATION_EXAMPLES: { readonly [T in NotificationType]: NotificationData[T] } = {
  'proposal.created': {
    proposalId: P,
    proposalType: 'WITHDRAW_FUNDS',
    description: 'Pay the well repair invoice',
    proposer: ALICE,
    votingEndsAt: '2026-11-23T12:00:00.000Z',
    quorumBps: 5100,
    thresholdBps: 5000,
    eligibleVoters: 12,
  },
  'proposal.voting_ends_soon': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    votingEndsAt: '2026-11-23T12:00:00.000Z',
    notVoted: [BOB],
  },
  'proposal.passed': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    tally: { for: '8', against: '2', abstain: '1' },
    closedAt: '2026-11-23T12:00:00.000Z',
    early: false,
  },
  'proposal.defeated': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    tally: { for: '3', against: '6', abstain: '0' },
    closedAt: '2026-11-23T12:00:00.000Z',
    quorumReached: true,
  },
  'proposal.canceled': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    canceledBy: ALICE,
    canceledAt: '2026-11-21T09:00:00.000Z',
  },
  'proposal.vetoed': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    vetoedBy: 'admin-key:key_5f0c3a9e2b7d4c1a8e6f0b3d',
    reason: 'Invoice already paid',
    vetoedAt: '2026-11-21T09:00:00.000Z',
  },
  'proposal.expired': { proposalId: P, description: 'Pay the well repair invoice', expiredAt: '2026-11-30T12:00:00.000Z' },
  'safe_transaction.signatures_needed': { proposalId: P, safeTxHash: TX, threshold: 2, signedBy: [CAROL], missingSigners: [BOB] },
  'safe_transaction.signature_dropped': {
    safeTxHash: TX,
    signer: BOB,
    reason: 'The Safe refuses this signature (GS026)',
    droppedAt: '2026-11-24T12:00:00.000Z',
  },
  'safe_transaction.execution_failed': {
    proposalId: P,
    safeTxHash: TX,
    nonce: '7',
    reason: 'execTransaction reverts: GS013',
    failedAt: '2026-11-24T12:00:00.000Z',
  },
  'timelock.scheduled': { proposalId: P, operationId: TX, eta: '2026-11-25T12:00:00.000Z' },
  'proposal.executed': { proposalId: P, description: 'Pay the well repair invoice', txHash: TX, executedAt: '2026-11-25T12:01:00.000Z' },
  'proposal.execution_failed': {
    proposalId: P,
    description: 'Pay the well repair invoice',
    reason: 'Timelock operation reverted: insufficient balance',
    failedAt: '2026-11-25T12:01:00.000Z',
  },
  'member.joined': { member: BOB, joinedAt: '2026-11-20T10:00:00.000Z' },
  'member.suspended': {
    member: BOB,
    reason: 'KYC expired',
    suspendedBy: 'siwe:0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    suspendedAt: '2026-11-20T10:00:00.000Z',
  },
  'member.removed': { member: BOB, reason: 'Inactive for a year', proposalId: P, removedAt: '2026-11-20T10:00:00.000Z' },
  'withdrawal.requested': {
    withdrawalId: 'wd_01',
    member: ALICE,
    amount: '250000000000000000000',
    kind: 'large',
    status: 'awaiting-vote',
    proposalId: P,
    requestedAt: '2026-11-20T10:00:00.000Z',
  },
  'withdrawal.approved': {
    withdrawalId: 'wd_01',
    proposalId: P,
    recipient: ALICE,
    amount: '250000000000000000000',
    approvedAt: '2026-11-25T12:01:00.000Z',
  },
  'withdrawal.paid': {
    withdrawalId: 'wd_01',
    member: ALICE,
    amount: '250000000000000000000',
    txHash: TX,
    paidAt: '2026-11-25T12:05:00.000Z',
  },
  'chain.fact_retracted': {
    fact: 'deposit',
    member: ALICE,
    amount: '250000000000000000000',
    txHash: TX,
    blockNumber: '1204',
    rewoundTo: '1201',
    withdrawalId: null,
    retractedAt: '2026-11-25T12:07:00.000Z',
  },
  'webhook.endpoint_disabled': {
    endpointId: 'wh_0193a1b2c3d4e5f60718293a4b5c',
    url: 'https://hooks.example.org/ayllu',
    reason: 'failing',
    disabledAt: '2026-11-26T12:00:00.000Z',
  },
  'processing.stream_quarantined': {
    processor: 'proposals',
    streamId: streams.proposal.of(P).streamId,
    eventType: 'VoteCast',
    failedAt: '10452',
    reason: 'Cannot convert undefined to a BigInt',
    quarantinedAt: '2026-11-26T12:00:00.000Z',
  },
  'dao.deployment_failed': {
    reason: 'CommunityVaultParameterOutOfBounds("emergencyExitWait")',
    failedAt: '2026-11-26T12:00:00.000Z',
  },
  'relayer.balance_low': {
    chainId: 31337,
    relayer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    balance: '8000000000000000',
    floor: '10000000000000000',
    observedAt: '2026-11-26T12:00:00.000Z',
  },
  'relayer.balance_restored': {
    chainId: 31337,
    relayer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    balance: '2000000000000000000',
    floor: '10000000000000000',
    observedAt: '2026-11-26T13:00:00.000Z',
  },
  ...ROSCA_NOTIFICATION_EXAMPLES,
  ...SHARE_NOTIFICATION_EXAMPLES,
};
