/**
 * The shape every aggregate and process manager in the domain follows (after Emmett's deciders):
 * state is folded from events with `evolve`, commands are judged against state by `decide`, and the
 * result is a list of new events. No I/O, no clock, no randomness: time and ids arrive on metadata.
 */

/** What the caller knows about a command: who sent it, when, and why. */
export interface CommandMetadata {
  /** The moment the command is judged, as an ISO-8601 string. The domain never reads a clock. */
  readonly now: string;
  /** Who is acting: a checksummed address, an admin (`admin:platform`, `admin-key:<key id>`, `siwe:<address>`), or `system:<component>`. */
  readonly actor: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface Event<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<C extends Command, E extends Event, S> {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** Folds a history into a state. */
export const fold = <E extends Event, S>(decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** Compile-time proof that a `switch` handled every case. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
