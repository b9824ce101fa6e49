import type { Projection } from '../../projections/projection';
import type { ProjectionRunner } from '../../projections/projection-runner';

/**
 * Runs the outbox batch by batch and calls `afterBatch` as soon as each batch has committed, so the
 * dispatcher starts sending while the log keeps growing, instead of after the outbox has caught up
 * (under a steady stream of events, catching up never ends). Overlapping calls coalesce.
 */
export class OutboxPump {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly projection: Projection,
    private readonly afterBatch: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  pump(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.runner.runBatch(this.projection)) > 0) this.afterBatch();
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
