import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENTS_CHANNEL } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { problem, ProblemException } from '../../shared/problem';
import { PG_POOL } from '../../shared/tokens';
import { QUARANTINE_COLUMNS, quarantineView, type QuarantineRow, type QuarantineView } from '../quarantine.view';

export class ResumeStreamCommand extends Command<QuarantineView> {
  constructor(
    readonly processor: string,
    readonly streamId: string,
    readonly actor: string,
  ) {
    super();
  }
}

/**
 * Asks the worker to resume a quarantined stream after a fix. The replay needs the processor's code, which
 * runs in the worker: the request is recorded on the quarantine and the worker woken; on its next pass the
 * processor applies the skipped events in one transaction and lifts the quarantine, or, failing again,
 * keeps it with the new reason. Asking twice changes nothing more.
 */
@CommandHandler(ResumeStreamCommand)
export class ResumeStreamHandler implements ICommandHandler<ResumeStreamCommand> {
  constructor(@Inject(PG_POOL) private readonly db: Pool) {}

  async execute({ processor, streamId, actor }: ResumeStreamCommand): Promise<QuarantineView> {
    const row = await this.requestResume(processor, streamId, actor);
    if (!row) {
      throw new ProblemException(
        problem(404, 'PROCESSING.NOT_QUARANTINED', `The ${processor} processor has not quarantined stream ${streamId}`),
      );
    }
    return quarantineView(row);
  }

  private async requestResume(processor: string, streamId: string, actor: string): Promise<QuarantineRow | undefined> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<QuarantineRow>(
        `UPDATE processor_quarantines
            SET resume_requested_at = coalesce(resume_requested_at, now()), resume_requested_by = coalesce(resume_requested_by, $3)
          WHERE processor = $1 AND stream_id = $2
         RETURNING ${QUARANTINE_COLUMNS}`,
        [processor, streamId, actor],
      );
      // Delivered on commit: the worker's processors look again at once instead of at their next poll.
      if (rows[0]) await client.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
      await client.query('COMMIT');
      return rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
