import { assertNever, type Decider } from '../shared/decider';
import { createDao } from './create-dao';
import type { DaoCommand } from './dao-commands';
import type { DaoEvent } from './dao-events';
import { initialDaoState, type DaoState } from './dao-state';
import { evolveDao } from './evolve-dao';

/** The DAO aggregate, stream `dao-<daoId>`: commands that need only the DAO's own state. */
export const daoDecider: Decider<DaoCommand, DaoEvent, DaoState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateDao':
        return createDao(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveDao,
  initialState: initialDaoState,
};
