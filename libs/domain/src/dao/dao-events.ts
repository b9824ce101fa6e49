import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';
import type { DaoConfiguration } from './dao-configuration';

export type DaoCreated = Event<
  'DaoCreated',
  {
    readonly daoId: string;
    /** The resolved configuration: every default applied, so the log never depends on today's defaults. */
    readonly configuration: DaoConfiguration;
    readonly founders: readonly Address[];
    readonly createdAt: string;
    readonly createdBy: string;
  }
>;

export type DaoEvent = DaoCreated;
