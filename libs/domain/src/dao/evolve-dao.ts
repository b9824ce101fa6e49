import { assertNever } from '../shared/decider';
import type { DaoEvent } from './dao-events';
import type { ActiveDao, DaoState, Member } from './dao-state';
import { memberWeight } from './member-weight';

export const evolveDao = (_state: DaoState, event: DaoEvent): DaoState => {
  switch (event.type) {
    case 'DaoCreated': {
      const { daoId, configuration, founders, createdAt, createdBy } = event.data;
      const members = new Map<string, Member>(
        founders.map((address) => [
          address,
          {
            address,
            status: 'ACTIVE',
            totalDeposited: 0n,
            currentBalance: 0n,
            accruedYield: 0n,
            joinedAt: createdAt,
            weight: memberWeight('ACTIVE', 0n, configuration.votingType),
            admitted: true,
            units: null,
            pendingRemoval: null,
          },
        ]),
      );
      const created: ActiveDao = {
        status: 'Active',
        daoId,
        configuration,
        createdAt,
        createdBy,
        members,
        withdrawals: new Map(),
        emergencyExits: new Map(),
        activeProposals: new Set(),
        chainEvents: new Set(),
      };
      return created;
    }
    default:
      return assertNever(event.type);
  }
};
