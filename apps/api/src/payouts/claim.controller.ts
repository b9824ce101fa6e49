import { Controller, HttpCode, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { claimAllCall, readMemberPayout, superfluidPoolAbi } from '@ayllu/chain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { getAddress, isAddress, isAddressEqual, parseEventLogs } from 'viem';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { EVENT_STORE } from '../shared/tokens';
import { requireTreasury } from '../treasury/load-treasury';
import { PAYOUTS_CHAIN, type PayoutsChain } from './payouts-chain';
import { ClaimView } from './payouts.view';
import { noChain, payoutPoolOf } from './read-payouts';

@ApiTags('Payouts')
@Controller('v1/daos/:id/members/:address/claim')
export class ClaimController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(PAYOUTS_CHAIN) private readonly chain: PayoutsChain | null,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move what a member who has not connected to the pool has accrued into their balance (the relayer calls claimAll)',
    description:
      'Anyone may ask: the tokens can only go to the member. Refused when there is nothing to claim (connected members receive live), ' +
      'so the relayer never pays gas for nothing.',
  })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404, 409, 503)
  async claim(@Param('id') id: string, @Param('address') raw: string): Promise<ClaimView> {
    if (!isAddress(raw, { strict: false }))
      throw new ProblemException(
        problem(400, 'REQUEST.INVALID', 'address must be a 0x-prefixed 20-byte address', {
          errors: [{ field: 'address', message: 'not an address' }],
        }),
      );
    const member = getAddress(raw);
    const treasury = await requireTreasury(this.store, id);
    if (!this.chain) throw noChain();
    if (!this.chain.relayer)
      throw new ProblemException(problem(503, 'RELAYER.UNAVAILABLE', 'No relayer key is configured (RELAYER_PRIVATE_KEY)'));
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
    const relayer = this.chain.relayer;
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
