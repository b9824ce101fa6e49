import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Hex } from 'viem';
import { EVENT_STORE } from '../../shared/tokens';
import { SignatureVerifier, type VerifiedMessage } from '../../signatures/signature-verifier';
import type { RoscaAction } from '../../signatures/signed-actions';
import type { RoscaActionView } from './rosca-action.view';
import type { RoscaMessage } from './rosca-message.dto';
import { requirePoolIn, type ExistingPool } from './rosca-pool';
import { roscaProblems } from './rosca-problems';
import { SubmitRoscaActionCommand, type ToRoscaCommand } from './submit-rosca-action.handler';

export interface PreparedAction<M extends RoscaMessage> {
  readonly verified: VerifiedMessage<M>;
  readonly pool: ExistingPool;
  /** The server's clock for the whole request: pre-checks and the command see the same instant. */
  readonly now: string;
}

/**
 * The steps every member action on a pool shares, in order: the message names the route's pool (400), its
 * signature and nonce check out (401, 409), and the pool exists in the route's DAO (404). The action's own
 * pre-checks run between `prepare` and `submit`.
 */
@Injectable()
export class RoscaSignedActions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly verifier: SignatureVerifier,
    private readonly commands: CommandBus,
  ) {}

  async prepare<M extends RoscaMessage>(
    action: RoscaAction,
    daoId: string,
    poolId: string,
    body: { readonly message: M; readonly signature: Hex },
  ): Promise<PreparedAction<M>> {
    if (body.message.pool !== poolId) throw roscaProblems.wrongPool(poolId);
    const verified = await this.verifier.verify(action, daoId, body);
    const pool = await requirePoolIn(this.store, daoId, poolId);
    return { verified, pool, now: new Date().toISOString() };
  }

  submit(daoId: string, prepared: PreparedAction<RoscaMessage>, toCommand: ToRoscaCommand, requestId: string): Promise<RoscaActionView> {
    return this.commands.execute(
      new SubmitRoscaActionCommand(daoId, prepared.pool.poolId, prepared.verified, prepared.now, toCommand, requestId),
    );
  }
}
