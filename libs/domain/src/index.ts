export type { Command, CommandMetadata, Decider, Event } from './shared/decider';
export { assertNever, fold } from './shared/decider';
export type { DomainErrorKind, FieldError } from './shared/domain-error';
export { DomainError } from './shared/domain-error';
