import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../../shared/tokens';
import { decideAdmins } from '../../decide-admins';
import { adminWalletsView, type AdminWalletsView } from '../admin-wallets.view';

export class RemoveAdminWalletCommand extends Command<AdminWalletsView> {
  constructor(
    readonly daoId: string,
    readonly address: Address,
    readonly actor: string,
    readonly requestId: string,
  ) {
    super();
  }
}

/** The wallet's open sessions stop working at once: every admin request checks the wallet is still listed. */
@CommandHandler(RemoveAdminWalletCommand)
export class RemoveAdminWalletHandler implements ICommandHandler<RemoveAdminWalletCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute(command: RemoveAdminWalletCommand): Promise<AdminWalletsView> {
    return decideAdmins(
      this.store,
      command,
      (metadata) => ({ type: 'RemoveDaoAdminWallet', data: { address: command.address }, metadata }),
      adminWalletsView,
    );
  }
}
