import { fold, type Command, type Decider, type Event } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * Given / when / then for deciders and for use cases that span two streams. A spec is built from a
 * function that turns a history into the state the use case judges (`build`) and the use case itself.
 * Assertions use Jest's global `expect`, so this file is only ever imported from `*.spec.ts`.
 */
export interface Expectation<R> {
  /** The use case's result equals `expected` (deep equality, bigints included). */
  readonly then: (expected: R) => void;
  /** The use case refused with a DomainError of this code (and, when given, exactly these field errors). */
  readonly thenThrows: (code: string, fields?: readonly string[]) => void;
  /** The DomainError the use case threw, for specs that inspect its kind or field errors. */
  readonly thrown: () => DomainError;
  /** The raw result, for the few specs that check one property of it. */
  readonly result: () => R;
}

export const specFor = <H, S, C, R>(build: (history: H) => S, decide: (command: C, state: S) => R) => ({
  given: (history: H) => ({
    when: (command: C): Expectation<R> => expectation(() => decide(command, build(history))),
  }),
});

/** `given(events).when(command).then(events)` for one aggregate's decider. */
export const deciderSpec = <C extends Command, E extends Event, S>(decider: Decider<C, E, S>) =>
  specFor((events: readonly E[]) => fold(decider, events), decider.decide);

const expectation = <R>(run: () => R): Expectation<R> => {
  const thrown = (): DomainError => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    return caught as DomainError;
  };
  return {
    then: (expected) => expect(run()).toEqual(expected),
    thenThrows: (code, fields) => {
      const error = thrown();
      expect(error.code).toBe(code);
      if (fields) expect(error.errors.map((e) => e.field).sort()).toEqual([...fields].sort());
    },
    thrown,
    result: run,
  };
};

/**
 * `run` refused with a DomainError of this code (and, when `field` is given, a field error on it); returns the error
 * for specs that inspect more. For specs that drive a log (`rosca-pool.ts`, `share-pool.ts`) rather than a decider.
 */
export const expectRefused = (run: () => unknown, code: string, field?: string): DomainError => {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
  if (field) expect((caught as DomainError).errors.map((e) => e.field)).toContain(field);
  return caught as DomainError;
};
