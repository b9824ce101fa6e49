import { normaliseAddress, sameAddress, type Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import type { AccessConditionSpec } from './share-pool-configuration';

/** A token balance the caller read just before the command (the domain does no I/O). */
export interface ObservedBalance {
  readonly token: Address;
  readonly balance: bigint;
}

/** What a condition may look at besides the address: facts observed by the caller and the moment. */
export interface AccessContext {
  readonly now: string;
  /** Observed balances of the address, by checksummed token. */
  readonly balances: ReadonlyMap<Address, bigint>;
}

export type AccessCheck = { readonly passed: true } | { readonly passed: false; readonly reason: string };

/**
 * One way a pool restricts who comes in. Every condition answers pass or fail with a reason; a Gitcoin Passport
 * score condition would implement the same interface (its score observed by the caller and passed in the
 * context, as balances are), and the ways in would not change.
 */
export interface AccessCondition {
  readonly kind: string;
  readonly check: (address: Address, context: AccessContext) => AccessCheck;
}

const PASSED: AccessCheck = { passed: true };

export const allowlistCondition = (addresses: readonly Address[]): AccessCondition => ({
  kind: 'allowlist',
  check: (address) =>
    addresses.some((a) => sameAddress(a, address)) ? PASSED : { passed: false, reason: `${address} is not on the pool's allowlist` },
});

/** Passes when the observed balance of `token` is at least `amount`; an unobserved balance fails. */
export const minimumBalanceCondition = (token: Address, amount: bigint): AccessCondition => ({
  kind: 'minimumBalance',
  check: (address, context) => {
    const balance = [...context.balances].find(([t]) => sameAddress(t, token))?.[1];
    if (balance === undefined) return { passed: false, reason: `the balance of ${token} held by ${address} was not observed` };
    return balance >= amount
      ? PASSED
      : { passed: false, reason: `${address} holds ${balance} of ${token}, below the minimum of ${amount}` };
  },
});

export const accessConditionOf = (spec: AccessConditionSpec): AccessCondition => {
  switch (spec.kind) {
    case 'allowlist':
      return allowlistCondition(spec.addresses);
    case 'minimumBalance':
      return minimumBalanceCondition(spec.token, spec.amount);
  }
};

/** The observed balances of a command as a context; a malformed entry is refused naming its field. */
export const accessContext = (now: string, observed: readonly ObservedBalance[] | undefined): AccessContext => {
  const balances = new Map<Address, bigint>();
  (observed ?? []).forEach((entry, i) => {
    const token = normaliseAddress(entry?.token);
    if (token === null || typeof entry.balance !== 'bigint' || entry.balance < 0n)
      throw new DomainError('SHARE_POOL.INVALID_OBSERVATION', 'An observed balance is malformed', 'invalid', [
        { field: `observedBalances[${i}]`, message: 'must be { token: address, balance: whole number }' },
      ]);
    balances.set(token, entry.balance);
  });
  return { now, balances };
};

/** Every condition must pass; the refusal lists each failed condition's reason. */
export const requireAccess = (specs: readonly AccessConditionSpec[], address: Address, context: AccessContext, field: string): void => {
  const failed = specs.map(accessConditionOf).flatMap((c) => {
    const result = c.check(address, context);
    return result.passed ? [] : [{ kind: c.kind, reason: result.reason }];
  });
  if (failed.length > 0)
    throw new DomainError(
      'SHARE_POOL.ACCESS_DENIED',
      `The pool's access conditions refuse ${address}: ${failed.map((f) => f.reason).join('; ')}`,
      'forbidden',
      failed.map((f) => ({ field, message: `${f.kind}: ${f.reason}` })),
    );
};
