import type { Command } from '../shared/decider';
import type { DaoConfigurationInput } from './dao-configuration';

export type CreateDao = Command<'CreateDao', DaoConfigurationInput & { readonly daoId: string }>;

export type DaoCommand = CreateDao;
