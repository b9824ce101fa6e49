import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import { issueDaoAdminKey } from '@ayllu/platform';
import { requireDaoId } from '../../../shared/dao-lookup';
import type { IdempotencyScope } from '../../../shared/idempotency';
import { EVENT_STORE } from '../../../shared/tokens';
import { decideAdmins } from '../../decide-admins';
import { adminKeyView, type AdminKeyWithSecretView } from '../admin-key.view';

export class CreateAdminKeyCommand extends Command<AdminKeyWithSecretView> {
  constructor(
    readonly daoId: string,
    readonly name: string,
    /** Null: the default lifetime. */
    readonly expiresAt: string | null,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

const DEFAULT_LIFETIME_MS = 90 * 24 * 3600 * 1000;

/**
 * Issues a DAO admin key: the secret is made here, its hash recorded in the DAO's stream, and the key
 * returned this once. An idempotent retry is answered without the key (it was never stored), so the
 * answer to a lost response is to revoke that key and issue another.
 */
@CommandHandler(CreateAdminKeyCommand)
export class CreateAdminKeyHandler implements ICommandHandler<CreateAdminKeyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute(command: CreateAdminKeyCommand): Promise<AdminKeyWithSecretView> {
    requireDaoId(command.daoId);
    const issued = await issueDaoAdminKey(command.daoId);
    const expiresAt = command.expiresAt ?? new Date(Date.now() + DEFAULT_LIFETIME_MS).toISOString();
    const view = await decideAdmins(
      this.store,
      command,
      (metadata) => ({
        type: 'CreateDaoAdminKey',
        data: { keyId: issued.keyId, name: command.name, secretHash: issued.secretHash, expiresAt },
        metadata,
      }),
      (dao, events) => {
        const created = events.find((e) => e.type === 'DaoAdminKeyCreated');
        const key = created && dao.admins.keys.get(created.data.keyId);
        if (!key) throw new Error('an admin key was issued without its event');
        return adminKeyView(command.daoId, key);
      },
    );
    // A replayed request answers with the first key's view; only a key issued now is shown.
    return view.id === issued.keyId ? { ...view, key: issued.key } : { ...view, key: null };
  }
}
