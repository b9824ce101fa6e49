import type { ShareNotificationData } from '../catalogue/share-notification-types';
import { AMBER, BLUE, f, GREEN, GREY, RED, when, type Rendered } from './discord-parts';
import { shortAmount, shortHex } from './shorten';

type ShareRenderers = { readonly [T in keyof ShareNotificationData]: (d: ShareNotificationData[T]) => Rendered };

const pool = (poolId: string) => f('Pool', poolId, false);
/** Shares are basis points of the pool: 2,000 shares are 20%. */
const percent = (shares: number) => `${(shares / 100).toFixed(shares % 100 === 0 ? 0 : 2)}%`;
const sharesText = (shares: number) => `${shares.toLocaleString('en-US')} shares (${percent(shares)})`;
/** Holders the GDA paid by units other than the log's holdings: named so the difference is seen and looked into. */
const differed = (list: readonly { holder: string; log: number; chain: number }[] = []) =>
  list.length === 0
    ? []
    : [f('Paid by chain units (log differed)', list.map((d) => `${shortHex(d.holder)}: ${d.chain} (log ${d.log})`).join('\n'), false)];

/** Discord messages of the share-pool notifications (amounts in whole tokens of 18 decimals, as the other pools'). */
export const SHARE_RENDER: ShareRenderers = {
  'share.purchase_confirmed': (d) => ({
    title: 'Shares purchased',
    description: `${shortHex(d.member)} bought ${sharesText(d.shares)} for ${shortAmount(d.cost)}.`,
    color: GREEN,
    fields: [pool(d.poolId), f('Transaction', shortHex(d.txHash))],
  }),
  'share.join_approved': (d) => ({
    title: 'Request to join approved',
    description: `${shortHex(d.member)} received ${sharesText(d.shares)}.`,
    color: GREEN,
    fields: [pool(d.poolId), f('Approved by', shortHex(d.approvedBy))],
  }),
  'share.join_rejected': (d) => ({
    title: 'Request to join rejected',
    description: d.reason,
    color: RED,
    fields: [pool(d.poolId), f('Member', shortHex(d.member)), f('Rejected by', shortHex(d.rejectedBy))],
  }),
  'share.code_redeemed': (d) => ({
    title: 'Share code redeemed',
    description: `${shortHex(d.member)} received ${sharesText(d.shares)}.`,
    color: GREEN,
    fields: [pool(d.poolId)],
  }),
  'share.crowdfunding_reached': (d) => ({
    title: 'Crowdfunding reached its target',
    description: `${shortAmount(d.raised)} raised of ${shortAmount(d.target)}; shares allocated to ${d.allocations.length} contributors.`,
    color: GREEN,
    fields: [pool(d.poolId), f('Transaction', shortHex(d.txHash))],
  }),
  'share.crowdfunding_refunded': (d) => ({
    title: 'Crowdfunding missed its target',
    description: `${shortAmount(d.raised)} raised of ${shortAmount(d.target)}: refunded in full to ${d.refunds.length} contributors.`,
    color: AMBER,
    fields: [pool(d.poolId), ...(d.deferred.length > 0 ? [f('Awaiting claim', String(d.deferred.length))] : [])],
  }),
  'share.distribution_paid': (d) => ({
    title: 'Distribution paid',
    description: `${shortAmount(d.amount)} distributed pro rata to ${d.payments.length} holders; ${shortAmount(d.kept)} kept by the pool for its unallocated shares.`,
    color: d.holdingsDisagreement?.length ? AMBER : GREEN,
    fields: [pool(d.poolId), f('Round', String(d.round + 1)), f('Transaction', shortHex(d.txHash)), ...differed(d.holdingsDisagreement)],
  }),
  'share.stream_started': (d) => ({
    title: 'Distribution stream started',
    description: `${shortAmount(d.flowRate)} per second streamed pro rata to ${d.rates.length} holders since ${when(d.recordedAt)}.`,
    color: d.holdingsDisagreement?.length ? AMBER : BLUE,
    fields: [pool(d.poolId), f('Round', String(d.round + 1)), ...differed(d.holdingsDisagreement)],
  }),
  'share.stream_stopped': (d) => ({
    title: 'Distribution stream stopped',
    color: GREY,
    fields: [pool(d.poolId), f('Round', String(d.round + 1)), f('Transaction', shortHex(d.txHash))],
  }),
  'share.paused': (d) => ({
    title: 'Share pool paused',
    description:
      'No purchases, code redemptions, contributions, stakes or transfers until the Safe resumes it; unstaking and claims go on.',
    color: AMBER,
    fields: [pool(d.poolId), f('Paused by', shortHex(d.pausedBy)), f('Transaction', shortHex(d.txHash))],
  }),
  'share.resumed': (d) => ({
    title: 'Share pool resumed',
    description: 'Its ways in and transfers are open again.',
    color: GREEN,
    fields: [pool(d.poolId), f('Resumed by', shortHex(d.resumedBy)), f('Transaction', shortHex(d.txHash))],
  }),
  'share.operator_changed': (d) => ({
    title: "Share pool's operator replaced",
    description: `${d.previous === null ? 'The deploying relayer' : shortHex(d.previous)} was replaced by ${shortHex(d.operator)}.`,
    color: AMBER,
    fields: [pool(d.poolId), f('Changed by', shortHex(d.changedBy)), f('Transaction', shortHex(d.txHash))],
  }),
};
