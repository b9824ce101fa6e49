/**
 * Every rule the domain refuses is a DomainError with a stable, dotted `code` (`DAO.INVALID_CONFIGURATION`).
 * Adapters map codes to HTTP problem responses; clients may rely on the code, never on the message.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden';

export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. `quorumBps` or `treasurers[1]`. */
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly errors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
