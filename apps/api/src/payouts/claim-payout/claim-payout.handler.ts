import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { claimAllCall, readMemberPayout, superfluidPoolAbi } from '@ayllu/chain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { isAddressEqual, parseEventLogs, type Address } from 'viem';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { requireTreasury } from '../../treasury/load-treasury';
import { PAYOUTS_CHAIN, type PayoutsChain } from '../payouts-chain';
import type { ClaimView } from '../payouts.view';
import { noChain, payoutPoolOf } from '../read-payouts';

export class ClaimPayoutCommand extends Command<ClaimView> {
  constructor(
    readonly daoId: string,
    /** Checksummed. */
    readonly member: Address,
  ) {
    super();
  }
}

/**
 * The relayer calls the pool's claimAll for a member who has not connected: the tokens can only go to the
 * member. Refused when there is nothing to claim, so the relayer never pays gas for nothing.
 */
@CommandHandler(ClaimPayoutCommand)
export class ClaimPayoutHandler implements ICommandHandler<ClaimPayoutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(PAYOUTS_CHAIN) private readonly chain: PayoutsChain | null,
  ) {}

  async execute({ daoId, member }: ClaimPayoutCommand): Promise<ClaimView> {
    const treasury = await requireTreasury(this.store, daoId);
    if (!this.chain) throw noChain();
    const { relayer } = this.chain;
    if (!relayer) throw new ProblemException(problem(503, 'RELAYER.UNAVAILABLE', 'No relayer key is configured (RELAYER_PRIVATE_KEY)'));
    const payout = payoutPoolOf(treasury);
    const position = await readMemberPayout(this.chain.public, payout, member);
    if (position.units === 0n && position.claimable <= 0n)
      throw new ProblemException(problem(404, 'PAYOUT.NOT_A_MEMBER', `${member} holds no units in this DAO's pool`));
    if (position.connected)
      throw new ProblemException(
        problem(409, 'PAYOUT.CONNECTED', `${member} is connected to the pool: the stream reaches their balance live, nothing to claim`),
      );
    if (position.claimable <= 0n) throw new ProblemException(problem(409, 'PAYOUT.NOTHING_TO_CLAIM', `${member} has nothing to claim yet`));
    const call = claimAllCall(payout, member);
    const txHash = await relayer.sendTransaction({
      account: relayer.account,
      chain: relayer.chain,
      to: call.to,
      data: call.data,
      value: 0n,
    });
    const receipt = await this.chain.public.waitForTransactionReceipt({ hash: txHash });
    if (receipt.status !== 'success') throw new ProblemException(problem(502, 'CHAIN.REVERTED', `claimAll reverted in ${txHash}`));
    const claimed = parseEventLogs({ abi: superfluidPoolAbi, eventName: 'DistributionClaimed', logs: receipt.logs }).find(
      (log) => isAddressEqual(log.address, payout.pool) && isAddressEqual(log.args.member, member),
    );
    return { member, txHash, claimed: (claimed?.args.claimedAmount ?? 0n).toString() };
  }
}
