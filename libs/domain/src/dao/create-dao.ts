import { DomainError } from '../shared/domain-error';
import type { CreateDao } from './dao-commands';
import type { DaoCreated } from './dao-events';
import type { DaoState } from './dao-state';
import { validateDaoConfiguration } from './validate-dao-configuration';

export const createDao = (command: CreateDao, state: DaoState): DaoCreated[] => {
  if (state.status !== 'Absent') throw new DomainError('DAO.ALREADY_EXISTS', `DAO ${command.data.daoId} already exists`, 'conflict');
  const { daoId, ...input } = command.data;
  const { configuration, founders } = validateDaoConfiguration(input);
  return [
    {
      type: 'DaoCreated',
      data: {
        daoId,
        configuration,
        founders,
        createdAt: command.metadata.now,
        createdBy: command.metadata.actor,
      },
    },
  ];
};
