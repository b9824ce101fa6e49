import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../../shared/tokens';
import { decideAdmins } from '../../decide-admins';
import { adminWalletsView, type AdminWalletsView } from '../admin-wallets.view';

export class AddAdminWalletCommand extends Command<AdminWalletsView> {
  constructor(
    readonly daoId: string,
    readonly address: Address,
    readonly actor: string,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(AddAdminWalletCommand)
export class AddAdminWalletHandler implements ICommandHandler<AddAdminWalletCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute(command: AddAdminWalletCommand): Promise<AdminWalletsView> {
    return decideAdmins(
      this.store,
      command,
      (metadata) => ({ type: 'AddDaoAdminWallet', data: { address: command.address }, metadata }),
      adminWalletsView,
    );
  }
}
