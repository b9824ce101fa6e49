import { randomUUID } from 'node:crypto';
import {
  closeVoting,
  canCloseEarly,
  DomainError,
  expireProposal,
  remindVoters,
  streams,
  type ProposalState,
  type StreamEvents,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { ProposalJobData, ProposalJobKind } from './proposal-jobs';

export type Clock = () => Date;

/** What a job run did: appended events, found nothing to do (already done), or was early (retry later). */
export type JobOutcome = 'appended' | 'nothing-to-do' | 'not-due';

const ACTOR = 'system:scheduler';

/**
 * The job handlers: each runs a domain use case through the store's command path, with `now` from the clock. The
 * domain makes every one idempotent (closing a closed proposal decides nothing), and the store
 * re-decides on a concurrent append, so a job run twice, or by two workers at once, appends once.
 */
export const proposalJobHandlers = (store: PostgresEventStore, clock: Clock) => {
  const run = async (
    data: ProposalJobData,
    decide: (proposal: ProposalState, now: string) => StreamEvents,
    jobId: string,
  ): Promise<JobOutcome> => {
    const now = clock().toISOString();
    try {
      const result = await store.handle(
        { dao: streams.dao.of(data.daoId), proposal: streams.proposal.of(data.proposalId) },
        ({ proposal }) => decide(proposal, now),
        { context: { actor: ACTOR, correlationId: jobId, causationId: jobId, occurredAt: now } },
      );
      return result.recorded.length > 0 ? 'appended' : 'nothing-to-do';
    } catch (error) {
      if (error instanceof DomainError && NOT_DUE.has(error.code)) return 'not-due';
      throw error;
    }
  };
  const metadata = (now: string) => ({ now, actor: ACTOR });

  const handlers: Record<ProposalJobKind, (data: ProposalJobData, jobId?: string) => Promise<JobOutcome>> = {
    close: (data, jobId = randomUUID()) =>
      run(
        data,
        (proposal, now) =>
          // An early check that finds the outcome still open is simply done; the deadline job remains.
          data.trigger === 'early' &&
          proposal.status === 'Active' &&
          !canCloseEarly(proposal) &&
          Date.parse(now) < Date.parse(proposal.votingEndsAt)
            ? { dao: [], proposal: [] }
            : closeVoting({ type: 'CloseVoting', data: { proposalId: data.proposalId }, metadata: metadata(now) }, proposal),
        jobId,
      ),
    remind: (data, jobId = randomUUID()) =>
      run(
        data,
        (proposal, now) => ({
          dao: [],
          proposal: remindVoters({ type: 'RemindVoters', data: { proposalId: data.proposalId }, metadata: metadata(now) }, proposal),
        }),
        jobId,
      ),
    expire: (data, jobId = randomUUID()) =>
      run(
        data,
        (proposal, now) =>
          expireProposal({ type: 'ExpireProposal', data: { proposalId: data.proposalId }, metadata: metadata(now) }, proposal),
        jobId,
      ),
  };
  return handlers;
};

export type ProposalJobHandlers = ReturnType<typeof proposalJobHandlers>;

/** The domain's "too early" refusals: the job ran before its time (clock skew); it is retried later. */
const NOT_DUE = new Set(['PROPOSAL.VOTING_NOT_ENDED', 'PROPOSAL.REMINDER_NOT_DUE', 'PROPOSAL.NOT_EXPIRED']);
