import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../../shared/tokens';
import { decideAdmins } from '../../decide-admins';
import { adminKeyView, type AdminKeyView } from '../admin-key.view';

export class RevokeAdminKeyCommand extends Command<AdminKeyView> {
  constructor(
    readonly daoId: string,
    readonly keyId: string,
    readonly actor: string,
    readonly requestId: string,
  ) {
    super();
  }
}

/** From the moment the revocation is recorded the key authenticates nothing (the guard reads the log). */
@CommandHandler(RevokeAdminKeyCommand)
export class RevokeAdminKeyHandler implements ICommandHandler<RevokeAdminKeyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute(command: RevokeAdminKeyCommand): Promise<AdminKeyView> {
    return decideAdmins(
      this.store,
      command,
      (metadata) => ({ type: 'RevokeDaoAdminKey', data: { keyId: command.keyId }, metadata }),
      (dao) => adminKeyView(command.daoId, dao.admins.keys.get(command.keyId)!),
    );
  }
}
