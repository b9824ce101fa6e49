import { Client, type ClientConfig } from 'pg';

export interface EventNotificationsOptions {
  readonly connection: ClientConfig;
  /** How often listeners are woken even without a notification: covers a lost connection or notification. */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

const CHANNEL = 'ayllu_events';

/**
 * Wakes subscribers when events are appended. LISTEN/NOTIFY is the fast path; a timer is the fallback,
 * and a dropped connection is re-established with backoff. A wake-up says only "look again": readers
 * always read from their own checkpoint, so a duplicate or missed notification changes nothing.
 */
export class EventNotifications {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<() => void>();
  private stopped = false;
  private reconnectDelayMs = 100;

  constructor(private readonly options: EventNotificationsOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1000);
    this.timer.unref();
    await this.connect();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private wake(): void {
    for (const listener of this.listeners) listener();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.options.connection);
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.onError?.(error);
      this.reconnectSoon(client);
    });
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.reconnectDelayMs = 100;
      this.wake(); // anything appended while we were not listening
    } catch (error) {
      this.options.onError?.(error);
      await client.end().catch(() => undefined);
      this.reconnectSoon(null);
    }
  }

  private reconnectSoon(failed: Client | null): void {
    if (this.stopped || (failed !== null && failed !== this.client)) return;
    this.client = null;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, 10_000);
    setTimeout(() => void this.connect(), delay).unref();
  }
}
