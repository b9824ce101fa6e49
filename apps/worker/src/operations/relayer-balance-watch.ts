import { noteRelayerBalance, relayerStreamId, streams, type RelayerEvent } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { ExecutionChain } from '../execution/execution-chain';

export interface RelayerBalanceCheck {
  readonly store: PostgresEventStore;
  readonly chain: ExecutionChain;
  /** RELAYER_MIN_BALANCE, in wei. */
  readonly floor: bigint;
  readonly now: () => Date;
}

const ACTOR = 'system:worker';

/**
 * Reads the relayer's balance and records a crossing of the floor on the relayer's stream: `RelayerBalanceLow`
 * once when it falls below, `RelayerBalanceRestored` once when it is back; nothing while it stays on one side.
 * The crossing's idempotency key is derived from the stream (chain, address, which crossing it is), so two
 * workers, or one restarted, that notice the same crossing record it once. Returns what it appended.
 */
export async function checkRelayerBalance(check: RelayerBalanceCheck): Promise<readonly RelayerEvent[]> {
  const { chain, floor } = check;
  const relayer = chain.relayer.account.address;
  const balance = await chain.public.getBalance({ address: relayer });
  const ref = streams.relayer.of(relayerStreamId(chain.chainId, relayer));
  const { state } = await check.store.load(ref);
  const observedAt = check.now().toISOString();
  const reading = { chainId: chain.chainId, relayer, balance, floor, observedAt };
  const [crossing] = noteRelayerBalance(reading, state);
  if (!crossing) return [];
  const key = `${ref.streamId}:crossing:${state.crossings + 1}:${crossing.type}`;
  const result = await check.store.handle({ relayer: ref }, ({ relayer: now }) => ({ relayer: noteRelayerBalance(reading, now) }), {
    context: { actor: ACTOR, correlationId: key, occurredAt: observedAt },
    idempotency: { key, fingerprint: key },
  });
  return result.appended ? (result.events.relayer ?? []) : [];
}

export interface RelayerBalanceWatch {
  readonly stop: () => Promise<void>;
}

/**
 * Checks the balance every `intervalMs` (and once at start). A failed check (the chain or the database not
 * answering) is reported and tried again at the next tick; /health reports the chain's state meanwhile.
 */
export function watchRelayerBalance(
  check: RelayerBalanceCheck,
  intervalMs: number,
  report: { readonly onCrossing: (event: RelayerEvent) => void; readonly onError: (error: unknown) => void },
): RelayerBalanceWatch {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = checkRelayerBalance(check)
      .then((events) => events.forEach(report.onCrossing), report.onError)
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
