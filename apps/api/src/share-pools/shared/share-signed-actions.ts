import { Inject, Injectable, Optional } from '@nestjs/common';
import { sharePoolDecider, streams, type Address, type ExistingSharePool, type SharePoolCommand } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Hex, PublicClient } from 'viem';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import { SignatureVerifier, type VerifiedMessage } from '../../signatures/signature-verifier';
import type { ShareAction } from '../../signatures/signed-actions';
import { TREASURY_CHAIN } from '../../treasury/treasury-chain';
import { toShareActionView, type ShareActionView } from './share-action.view';
import { observeBalances, requireShareFunds } from './share-funds';
import type { ShareMessage } from './share-messages.dto';
import { requireSharePoolIn } from './share-pool';
import { shareProblems } from './share-problems';

export interface PreparedShareAction<M extends ShareMessage> {
  readonly verified: VerifiedMessage<M>;
  readonly pool: ExistingSharePool;
  /** The server's clock for the whole request: pre-checks and the command see the same instant. */
  readonly now: string;
}

/** The pool command a verified message asks for, made with the signer and the server's clock. */
export type ToShareCommand = (member: Address, now: string) => SharePoolCommand;

/**
 * The steps every member action on a share pool shares, in order: the message names the route's pool (400), its
 * signature, deadline and nonce check out (401, 409), the pool exists in the route's DAO (404), and a private pool
 * takes only the DAO's active members (403). The action's own pre-checks (funds, observed balances) come next, and
 * `submit` runs the pool's decider with the signer as actor, the nonce claimed with the events.
 */
@Injectable()
export class ShareSignedActions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly verifier: SignatureVerifier,
    @Optional() @Inject(TREASURY_CHAIN) private readonly chain: PublicClient | null = null,
  ) {}

  async prepare<M extends ShareMessage>(
    action: ShareAction,
    daoId: string,
    poolId: string,
    body: { readonly message: M; readonly signature: Hex },
  ): Promise<PreparedShareAction<M>> {
    if (body.message.pool !== poolId) throw shareProblems.wrongPool(poolId);
    const verified = await this.verifier.verify(action, daoId, body);
    const pool = await requireSharePoolIn(this.store, daoId, poolId);
    if (pool.configuration.visibility === 'private') await this.requireActiveDaoMember(daoId, verified.signer);
    return { verified, pool, now: new Date().toISOString() };
  }

  /** Private pools are the DAO's own: only its ACTIVE members act on them. */
  private async requireActiveDaoMember(daoId: string, member: Address): Promise<void> {
    const { state } = await this.store.load(streams.dao.of(daoId));
    if (state.status !== 'Active' || state.members.get(member)?.status !== 'ACTIVE') throw shareProblems.notDaoMember(daoId, member);
  }

  /** The member's balances the pool's minimum-balance conditions need, read on chain now. */
  observed(pool: ExistingSharePool, holder: Address) {
    return observeBalances(this.chain, pool, holder);
  }

  /**
   * The contract pulls `amount` of `token` from the member: with a chain, the allowance to the pool's contract and the
   * balance must cover it (422 naming the spender and amount). Without a chain the worker's pull is the only check.
   */
  async requireFunds(pool: ExistingSharePool, token: Address | null, owner: Address, amount: bigint): Promise<void> {
    if (pool.contract === null) throw shareProblems.notDeployed(pool.poolId);
    if (!this.chain || token === null) return;
    await requireShareFunds(this.chain, { token, owner, spender: pool.contract, amount });
  }

  submit(
    daoId: string,
    prepared: PreparedShareAction<ShareMessage>,
    toCommand: ToShareCommand,
    requestId: string,
  ): Promise<ShareActionView> {
    const member = prepared.verified.signer;
    const command = toCommand(member, prepared.now);
    const poolId = prepared.pool.poolId;
    return appendSigned({
      store: this.store,
      verified: prepared.verified,
      streams: { sharePool: streams.sharePool.of(poolId) },
      decide: ({ sharePool }) => ({ sharePool: sharePoolDecider.decide(command, sharePool) }),
      respond: ({ newState, events }) => toShareActionView(daoId, poolId, member, newState.sharePool, events.sharePool ?? []),
      now: prepared.now,
      correlationId: requestId,
    });
  }
}
