import { randomUUID } from 'node:crypto';
import { daoDecider, DomainError, streams, type Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type PgBoss from 'pg-boss';
import { processor } from '../processing/processor';
import type { Clock, JobOutcome } from './proposal-job-handlers';

export const JOIN_REQUEST_EXPIRY_QUEUE = 'member.join-request-expiry';

export interface JoinRequestExpiryJob {
  readonly daoId: string;
  readonly member: Address;
  readonly requestedAt: string;
  /** JOIN_REQUEST_TTL_SECONDS when the request was seen; the decider checks it against the request's time. */
  readonly afterSeconds: number;
}

/** One job per request (a member who asks again after a lapse gets a new one). */
export const joinRequestExpiryKey = (job: JoinRequestExpiryJob): string => `join-expiry:${job.daoId}:${job.member}:${job.requestedAt}`;

/**
 * Every join request schedules its own lapse at requestedAt + JOIN_REQUEST_TTL_SECONDS. The job is inserted
 * through the batch's transaction, like the proposal deadlines, so a batch that rolls back schedules nothing.
 * A replay schedules again, harmlessly: the decider appends nothing for a request that was acted on or lapsed.
 */
export const joinRequestExpirySubscription = (boss: PgBoss, afterSeconds: number) =>
  processor({
    name: 'join-request-expiry',
    canHandle: ['MemberJoinRequested'],
    async handle(tx, events) {
      const db = { executeSql: (text: string, values: unknown[]) => tx.query(text, values) };
      for (const event of events) {
        const daoId = streams.dao.parse(event.streamId);
        if (daoId === null) continue;
        const job: JoinRequestExpiryJob = { daoId, member: event.data.member, requestedAt: event.data.requestedAt, afterSeconds };
        const dueAt = new Date(Date.parse(event.data.requestedAt) + afterSeconds * 1000);
        await boss.send(JOIN_REQUEST_EXPIRY_QUEUE, job, { startAfter: dueAt, singletonKey: joinRequestExpiryKey(job), db });
      }
    },
  });

/** Appends MemberJoinRequestExpired when the request is still untouched; 'not-due' when the job ran early. */
export const expireJoinRequestJob =
  (store: PostgresEventStore, clock: Clock) =>
  async (job: JoinRequestExpiryJob, jobId: string = randomUUID()): Promise<JobOutcome> => {
    const now = clock().toISOString();
    const actor = 'system:scheduler';
    try {
      const result = await store.handle(
        { dao: streams.dao.of(job.daoId) },
        ({ dao }) => ({
          dao: daoDecider.decide(
            {
              type: 'ExpireJoinRequest',
              data: { member: job.member, requestedAt: job.requestedAt, afterSeconds: job.afterSeconds },
              metadata: { now, actor },
            },
            dao,
          ),
        }),
        { context: { actor, correlationId: jobId, causationId: jobId, occurredAt: now } },
      );
      return result.recorded.length > 0 ? 'appended' : 'nothing-to-do';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'MEMBER.JOIN_REQUEST_NOT_DUE') return 'not-due';
      throw error;
    }
  };
