import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { getAddress } from 'viem';
import type { FastifyRequest } from 'fastify';
import { shareCodeHash } from '../codes/share-code-secret';
import type { ShareActionView } from '../shared/share-action.view';
import {
  SignedShareAmount,
  SignedShareCode,
  SignedShareJoin,
  SignedSharePurchase,
  SignedShareTransfer,
} from '../shared/share-messages.dto';
import { ShareSignedActions } from '../shared/share-signed-actions';
import { ShareActionRoute } from './share-action.docs';

const FUNDS =
  "With a chain, the member must have approved the pool's contract for the amount and hold it (422 SHARE_POOL.ALLOWANCE_TOO_LOW / " +
  'SHARE_POOL.BALANCE_TOO_LOW name the spender and amount); nothing is recorded then. ';

/**
 * The members' signed actions on a share pool. Each is chain-first where shares or money move: the request is
 * recorded (reserving what it needs) and the worker's keyed chain call confirms or fails it.
 */
@Controller('v1/daos/:id/share-pools/:poolId')
export class ShareMemberActionsController {
  constructor(private readonly actions: ShareSignedActions) {}

  @Post('purchases')
  @ShareActionRoute('share-purchase', SignedSharePurchase, 202, 'Buy shares at the pool’s price', FUNDS + '202: the worker buys them.')
  async purchase(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedSharePurchase,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-purchase', id, poolId, body);
    const { pool, verified } = prepared;
    const buyer = verified.signer;
    const shares = body.message.shares;
    if (pool.configuration.wayToAccess === 'buy')
      await this.actions.requireFunds(pool, pool.configuration.purchaseToken, buyer, BigInt(shares) * pool.configuration.pricePerShare);
    const observedBalances = await this.actions.observed(pool, buyer);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'RequestSharePurchase', data: { buyer: actor, shares, observedBalances }, metadata: { now, actor } }),
      String(req.id),
    );
  }

  @Post('join-requests')
  @ShareActionRoute('share-join', SignedShareJoin, 201, 'Ask to join a share pool', "201: the request waits for the creator's decision.")
  async join(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareJoin,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-join', id, poolId, body);
    const observedBalances = await this.actions.observed(prepared.pool, prepared.verified.signer);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'RequestToJoinSharePool', data: { member: actor, observedBalances }, metadata: { now, actor } }),
      String(req.id),
    );
  }

  @Post('code-redemptions')
  @ShareActionRoute(
    'share-code',
    SignedShareCode,
    202,
    'Redeem a one-time code',
    'The message carries the secret code; the server hashes it (keccak256 of its UTF-8 bytes) and records the hash only. ' +
      'A code the pool does not know is 422 SHARE_POOL.UNKNOWN_CODE, a used or revoked one 409 SHARE_POOL.CODE_USED; neither ' +
      'changes the code. 202: the worker grants its shares.',
  )
  async redeem(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareCode,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-code', id, poolId, body);
    const codeHash = shareCodeHash(body.message.code);
    const observedBalances = await this.actions.observed(prepared.pool, prepared.verified.signer);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'RedeemShareCode', data: { member: actor, codeHash, observedBalances }, metadata: { now, actor } }),
      String(req.id),
    );
  }

  @Post('transfers')
  @ShareActionRoute(
    'share-transfer',
    SignedShareTransfer,
    202,
    'Transfer shares to another holder',
    'Only where the pool allows transfers (403 SHARE_POOL.TRANSFERS_NOT_ALLOWED). A recipient new to the pool meets its access ' +
      'conditions like any newcomer. 202: the worker moves the shares.',
  )
  async transfer(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareTransfer,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-transfer', id, poolId, body);
    const to = getAddress(body.message.to);
    const shares = body.message.shares;
    const observedBalances = prepared.pool.configuration.transfersAllowed ? await this.actions.observed(prepared.pool, to) : [];
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'TransferShares', data: { from: actor, to, shares, observedBalances }, metadata: { now, actor } }),
      String(req.id),
    );
  }

  @Post('contributions')
  @ShareActionRoute(
    'share-contribution',
    SignedShareAmount,
    202,
    'Contribute to a crowdfunding',
    FUNDS + '202: the worker escrows it in the pool’s contract until the crowdfunding is finalized.',
  )
  async contribute(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareAmount,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-contribution', id, poolId, body);
    const { pool, verified } = prepared;
    const amount = BigInt(body.message.amount);
    if (pool.configuration.wayToAccess === 'crowdfunding')
      await this.actions.requireFunds(pool, pool.configuration.purchaseToken, verified.signer, amount);
    const observedBalances = await this.actions.observed(pool, verified.signer);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({
        type: 'ContributeToCrowdfunding',
        data: { contributor: actor, amount, observedBalances },
        metadata: { now, actor },
      }),
      String(req.id),
    );
  }

  @Post('stakes')
  @ShareActionRoute('share-stake', SignedShareAmount, 202, 'Stake tokens for shares', FUNDS + '202: the worker stakes them.')
  async stake(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareAmount,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-stake', id, poolId, body);
    const { pool, verified } = prepared;
    const amount = BigInt(body.message.amount);
    if (pool.configuration.staking) await this.actions.requireFunds(pool, pool.configuration.staking.token, verified.signer, amount);
    const observedBalances = await this.actions.observed(pool, verified.signer);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'Stake', data: { member: actor, amount, observedBalances }, metadata: { now, actor } }),
      String(req.id),
    );
  }

  @Post('unstakes')
  @ShareActionRoute(
    'share-unstake',
    SignedShareAmount,
    202,
    'Unstake tokens',
    'The shares earned so far are kept. 202: the worker unstakes and returns the tokens.',
  )
  async unstake(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedShareAmount,
    @Req() req: FastifyRequest,
  ): Promise<ShareActionView> {
    const prepared = await this.actions.prepare('share-unstake', id, poolId, body);
    const amount = BigInt(body.message.amount);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'Unstake', data: { member: actor, amount }, metadata: { now, actor } }),
      String(req.id),
    );
  }
}
