import type { Address } from '../shared/address';
import { fold } from '../shared/decider';
import type { RotatingPoolConfigurationInput } from '../rotating/rosca-configuration';
import type { RoscaCommand } from '../rotating/rosca-commands';
import { roscaDecider } from '../rotating/rosca-decider';
import type { RoscaEvent } from '../rotating/rosca-events';
import type { RoscaState } from '../rotating/rosca-state';
import { addressOf, meta, T0 } from './fixtures';

/** The DAO's Safe, the organiser of every spec pool. */
export const safe = addressOf('dao-safe');
export const WEEK = 7 * 24 * 3600;

export const poolInput = (overrides: RotatingPoolConfigurationInput = {}): RotatingPoolConfigurationInput => ({
  daoId: 'dao-1',
  organiser: safe,
  contributionAmount: 100n,
  rotationIntervalSeconds: WEEK,
  memberCount: 3,
  startDate: T0,
  ...overrides,
});

export const members = (n: number): Address[] => Array.from({ length: n }, (_, i) => addressOf(`rosca-member-${i}`));

type Data<T extends RoscaCommand['type']> = Extract<RoscaCommand, { type: T }>['data'];

export interface PoolLog {
  readonly events: RoscaEvent[];
  readonly state: () => RoscaState;
  readonly run: <T extends RoscaCommand['type']>(type: T, data: Data<T>, now?: string, actor?: string) => RoscaEvent[];
}

/** A pool driven command by command: the log grows with each accepted command, as the store would append it. */
export const poolLog = (): PoolLog => {
  const events: RoscaEvent[] = [];
  const state = () => fold(roscaDecider, events);
  return {
    events,
    state,
    run: (type, data, now = T0, actor = safe) => {
      const produced = roscaDecider.decide({ type, data, metadata: meta(actor, now) } as RoscaCommand, state());
      events.push(...produced);
      return [...produced];
    },
  };
};
