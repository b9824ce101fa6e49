import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { buildSafeTransaction, hashSafeTransaction } from '@ayllu/chain';
import {
  decideOrganiserAction,
  describeOrganiserCall,
  DomainError,
  nextSafeNonce,
  organiserCallOf,
  proposeRoscaOrganiserAction,
  requireOrganisedPool,
  streams,
  type DeployedTreasury,
  type Hash,
  type RoscaOrganiserAction,
  type RoscaState,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PublicClient } from 'viem';
import type { IdempotencyScope } from '../../shared/idempotency';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { toSafeTransactionView, type SafeTransactionView } from '../../treasury/safe-transaction.view';
import { safeNonceOnChain, TREASURY_CHAIN } from '../../treasury/treasury-chain';
import { encodeOrganiserCall } from './organiser-call';

export class OrganiserActionCommand extends Command<SafeTransactionView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    /** Addresses checksummed. */
    readonly action: RoscaOrganiserAction,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

const notFound = (daoId: string, poolId: string) =>
  new ProblemException(problem(404, 'ROSCA.NOT_FOUND', `No rotating pool ${poolId} in DAO ${daoId}`));

/**
 * A DAO admin asks the DAO's Safe, the pool's organiser, to start, pause or resume a rotating pool. The pool's
 * log is asked first, as if the Safe gave the command now, so that a wrong state or a bad order is refused at
 * once with the pool's own reason; then the Safe's call of the pool's contract is queued at the Safe's next
 * nonce (read from the chain) for the treasurers to sign through the treasurer API. The worker executes it at
 * the threshold and records the pool's command with the Safe as its actor.
 */
@CommandHandler(OrganiserActionCommand)
export class OrganiserActionHandler implements ICommandHandler<OrganiserActionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  async execute({ daoId, poolId, action, actor, requestId, idempotency }: OrganiserActionCommand): Promise<SafeTransactionView> {
    const refs = { treasury: streams.treasury.of(daoId), rosca: streams.rosca.of(poolId) };
    const [{ state: rosca }, { state: treasury }] = await Promise.all([this.store.load(refs.rosca), this.store.load(refs.treasury)]);
    if (rosca.status === 'ABSENT' || rosca.configuration.daoId !== daoId) throw notFound(daoId, poolId);
    if (treasury.status !== 'Deployed')
      throw new ProblemException(problem(409, 'TREASURY.NOT_DEPLOYED', `DAO ${daoId}'s Safe is not deployed yet`));
    const now = new Date().toISOString();
    // Refused now, before the chain is asked anything, with the pool's own reason.
    preview(treasury, rosca, action, now);
    const onChainNonce = await safeNonceOnChain(this.chain, treasury.contracts.safe);
    let queued: Hash | undefined;
    const { response } = await this.store.handle(
      refs,
      (states) => {
        const fresh = states.treasury;
        if (fresh.status !== 'Deployed') throw new DomainError('TREASURY.NOT_DEPLOYED', "The DAO's Safe is not deployed", 'conflict');
        const { contract, call, description } = preview(fresh, states.rosca, action, now);
        const data = encodeOrganiserCall(call);
        const nonce = nextSafeNonce(fresh, onChainNonce);
        const transaction = buildSafeTransaction({ calls: [{ to: contract, value: 0n, data }], nonce });
        const safeTxHash = hashSafeTransaction({ chainId: fresh.contracts.chainId, safe: fresh.contracts.safe }, transaction);
        const { nonce: _nonce, ...fields } = transaction;
        queued = safeTxHash;
        const proposed = proposeRoscaOrganiserAction(
          {
            type: 'ProposeRoscaOrganiserAction',
            data: {
              safeTxHash,
              nonce,
              onChainNonce,
              transaction: fields,
              calls: [{ to: contract, value: 0n, data, description }],
              action,
            },
            metadata: { actor, now },
          },
          states,
        );
        return { treasury: proposed, rosca: [] };
      },
      {
        respond: ({ newState }) => {
          const after = newState.treasury;
          const tx = after.status === 'Deployed' && queued ? after.transactions.get(queued) : undefined;
          if (after.status !== 'Deployed' || !tx) throw new Error('The proposed organiser transaction is not in the treasury');
          return toSafeTransactionView(after, tx);
        },
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
      },
    );
    return response;
  }
}

/** The pool's contract, the call and its description, or the pool's refusal of the Safe's command now. */
const preview = (treasury: DeployedTreasury, state: RoscaState, action: RoscaOrganiserAction, now: string) => {
  const pool = requireOrganisedPool(treasury, state, action.poolId);
  if (pool.contract === null)
    throw new DomainError('ROSCA.NOT_DEPLOYED', "The pool's contract is not deployed yet; try again shortly", 'conflict');
  const call = organiserCallOf(pool, action, decideOrganiserAction(pool, action, now));
  return { contract: pool.contract, call, description: describeOrganiserCall(action.poolId, pool.contract, call) };
};
