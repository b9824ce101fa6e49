export type { Command, CommandMetadata, Decider, Event } from './shared/decider';
export { assertNever, fold } from './shared/decider';
export type { DomainErrorKind, FieldError } from './shared/domain-error';
export { DomainError } from './shared/domain-error';

export type { Address } from './shared/address';
export { isChecksumAddress, isHexAddress, toChecksumAddress } from './shared/address';
export { keccak256 } from './shared/keccak256';

export type {
  DaoAccess,
  DaoConfiguration,
  DaoConfigurationInput,
  ProposalType,
  VotingType,
  YieldMode,
} from './dao/dao-configuration';
export { DAO_DEFAULTS, DAO_LIMITS, PROPOSAL_TYPES } from './dao/dao-configuration';
export type { ValidatedDaoConfiguration } from './dao/validate-dao-configuration';
export { validateDaoConfiguration } from './dao/validate-dao-configuration';
export type * from './dao/dao-commands';
export type * from './dao/dao-events';
export type * from './dao/dao-state';
export { initialDaoState } from './dao/dao-state';
export { daoDecider } from './dao/dao-decider';
