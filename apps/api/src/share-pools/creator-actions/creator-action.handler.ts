import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { buildSafeTransaction, hashSafeTransaction } from '@ayllu/chain';
import {
  decideSharePoolCreatorAction,
  describeSharePoolCreatorAction,
  DomainError,
  nextSafeNonce,
  proposeSharePoolCreatorAction,
  requireCreatedPool,
  streams,
  type DeployedTreasury,
  type Hash,
  type SharePoolCreatorAction,
  type SharePoolState,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PublicClient } from 'viem';
import { requireDaoId } from '../../shared/dao-lookup';
import type { IdempotencyScope } from '../../shared/idempotency';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { toSafeTransactionView, type SafeTransactionView } from '../../treasury/safe-transaction.view';
import { safeNonceOnChain, TREASURY_CHAIN } from '../../treasury/treasury-chain';
import { isSharePoolId } from '../shared/share-pool';
import { shareProblems } from '../shared/share-problems';
import { creatorCallOf } from './creator-call';

export class SharePoolCreatorActionCommand extends Command<SafeTransactionView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    readonly action: SharePoolCreatorAction,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/**
 * A DAO admin asks the DAO's Safe, the pool's creator, to assign shares or distribute. The pool's log is asked
 * first as if the Safe acted now (its own code: not enough shares, a crowdfunding open, shares still moving, no
 * stream to stop); then the Safe's call is queued at the Safe's next nonce (read from the chain) with purpose
 * `share_pool_creator` for the treasurers to sign. Once executed, the pool records it with the Safe as actor.
 */
@CommandHandler(SharePoolCreatorActionCommand)
export class SharePoolCreatorActionHandler implements ICommandHandler<SharePoolCreatorActionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null,
  ) {}

  async execute({ daoId, poolId, action, actor, requestId, idempotency }: SharePoolCreatorActionCommand): Promise<SafeTransactionView> {
    requireDaoId(daoId);
    if (!isSharePoolId(poolId)) throw shareProblems.poolNotFound(daoId, poolId);
    const refs = { treasury: streams.treasury.of(daoId), sharePool: streams.sharePool.of(poolId) };
    const [{ state: pool }, { state: treasury }] = await Promise.all([this.store.load(refs.sharePool), this.store.load(refs.treasury)]);
    if (pool.status === 'ABSENT' || pool.configuration.daoId !== daoId) throw shareProblems.poolNotFound(daoId, poolId);
    if (treasury.status !== 'Deployed')
      throw new ProblemException(problem(409, 'TREASURY.NOT_DEPLOYED', `DAO ${daoId}'s Safe is not deployed yet`));
    const now = new Date().toISOString();
    preview(treasury, pool, action, now);
    const onChainNonce = await safeNonceOnChain(this.chain, treasury.contracts.safe);
    let queued: Hash | undefined;
    const { response } = await this.store.handle(
      refs,
      (states) => {
        const fresh = states.treasury;
        if (fresh.status !== 'Deployed') throw new DomainError('TREASURY.NOT_DEPLOYED', "The DAO's Safe is not deployed", 'conflict');
        const { call, description } = preview(fresh, states.sharePool, action, now);
        const nonce = nextSafeNonce(fresh, onChainNonce);
        const transaction = buildSafeTransaction({ calls: [call], nonce });
        const safeTxHash = hashSafeTransaction({ chainId: fresh.contracts.chainId, safe: fresh.contracts.safe }, transaction);
        const { nonce: _nonce, ...fields } = transaction;
        queued = safeTxHash;
        const proposed = proposeSharePoolCreatorAction(
          {
            type: 'ProposeSharePoolCreatorAction',
            data: { safeTxHash, nonce, onChainNonce, transaction: fields, calls: [{ ...call, description }], action },
            metadata: { actor, now },
          },
          states,
        );
        return { treasury: proposed, sharePool: [] };
      },
      {
        respond: ({ newState }) => {
          const after = newState.treasury;
          const tx = after.status === 'Deployed' && queued ? after.transactions.get(queued) : undefined;
          if (after.status !== 'Deployed' || !tx) throw new Error('The proposed creator transaction is not in the treasury');
          return toSafeTransactionView(after, tx);
        },
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
      },
    );
    return response;
  }
}

/** The Safe's call and its description, or the pool's refusal of the Safe's command now. */
const preview = (treasury: DeployedTreasury, state: SharePoolState, action: SharePoolCreatorAction, now: string) => {
  const pool = requireCreatedPool(treasury, state, action.poolId);
  decideSharePoolCreatorAction(pool, action, now);
  return { call: creatorCallOf(treasury, pool, action), description: describeSharePoolCreatorAction(pool, action) };
};
