import type { RoscaNotificationData } from '../catalogue/rosca-notification-types';
import { AMBER, BLUE, f, GREEN, GREY, RED, when, who, type Rendered } from './discord-parts';
import { shortAmount, shortHex } from './shorten';

type RoscaRenderers = { readonly [T in keyof RoscaNotificationData]: (d: RoscaNotificationData[T]) => Rendered };

const pool = (poolId: string) => f('Pool', poolId, false);
const STRIKE_TEXT: Record<number, string> = { 1: 'a warning', 2: 'the collateral is now at risk', 3: 'expelled' };

/** Discord messages of the rotating-pool notifications. */
export const ROSCA_RENDER: RoscaRenderers = {
  'rosca.pool_started': (d) => ({
    title: 'Rotating pool started',
    description: `${d.rounds} rounds (${d.rotationMethod}); the first contributions are due ${when(d.firstDueAt)}.`,
    color: GREEN,
    fields: [pool(d.poolId), f('Order', d.recipients.map((r) => (r === null ? 'by bid' : shortHex(r))).join(' → '), false)],
  }),
  'rosca.payment_due': (d) => ({
    title: `Round ${d.round + 1}: contribution due`,
    description: `Every member pays ${shortAmount(d.amount)} by ${when(d.dueAt)}.`,
    color: BLUE,
    fields: [pool(d.poolId), f('Recipient', d.recipient === null ? 'the best bid' : shortHex(d.recipient))],
  }),
  'rosca.payout_round': (d) => ({
    title: `Round ${d.round + 1} pays ${shortHex(d.member)}`,
    description: `This round's pot goes to ${shortHex(d.member)} once it settles (contributions due ${when(d.dueAt)}).`,
    color: GREEN,
    fields: [pool(d.poolId)],
  }),
  'rosca.contribution_paid': (d) => ({
    title: `Round ${d.round + 1}: contribution paid`,
    color: d.timing === 'on-time' ? GREEN : AMBER,
    fields: [pool(d.poolId), f('Member', shortHex(d.member)), f('Amount', shortAmount(d.amount)), f('Timing', d.timing)],
  }),
  'rosca.contribution_penalized': (d) => ({
    title: `Round ${d.round + 1}: late penalty`,
    description: d.strike === null ? undefined : `Strike ${d.strike}: ${STRIKE_TEXT[d.strike] ?? 'expelled'}.`,
    color: AMBER,
    fields: [pool(d.poolId), f('Member', shortHex(d.member)), f('Penalty', shortAmount(d.penalty))],
  }),
  'rosca.contributions_late': (d) => ({
    title: `Round ${d.round + 1}: contributions late`,
    description: `Not collected at the due time. Penalties start when the grace period ends, ${when(d.graceEndsAt)}.`,
    color: AMBER,
    fields: [pool(d.poolId), f('Late', who(d.members), false)],
  }),
  'rosca.contribution_defaulted': (d) => ({
    title: `Round ${d.round + 1}: contribution defaulted`,
    description: `Covered by the member's collateral (${shortAmount(d.fromCollateral)}) and held-back payout (${shortAmount(d.fromHoldback)}). Strike ${d.strike}.`,
    color: RED,
    fields: [pool(d.poolId), f('Member', shortHex(d.member))],
  }),
  'rosca.payout_sent': (d) => ({
    title: `Round ${d.round + 1}: ${d.kind === 'refund' ? 'refund' : 'payout'} sent`,
    color: GREEN,
    fields: [
      pool(d.poolId),
      f('Recipient', d.recipient === null ? '?' : shortHex(d.recipient)),
      f('Amount', d.amount === null ? '?' : shortAmount(d.amount)),
      f('Transaction', shortHex(d.txHash)),
    ],
  }),
  'rosca.member_departed': (d) => ({
    title: d.reason === 'expelled' ? 'Member expelled from a rotating pool' : 'Member left a rotating pool',
    description:
      d.reason === 'expelled'
        ? `Collateral slashed: ${shortAmount(d.slashed)}.${d.bannedFromDao ? " Banned from the DAO's rotating pools." : ''}`
        : `Emergency exit: ${shortAmount(d.returnedNow)} returned now, penalty ${shortAmount(d.penalty)}.`,
    color: d.reason === 'expelled' ? RED : AMBER,
    fields: [pool(d.poolId), f('Member', shortHex(d.member))],
  }),
  'rosca.pool_completed': (d) => ({
    title: 'Rotating pool completed',
    description: 'Every round is settled.',
    color: GREEN,
    fields: [pool(d.poolId)],
  }),
  'rosca.pool_dissolved': (d) => ({
    title: 'Rotating pool dissolved',
    description: `The members voted to dissolve it; ${shortAmount(d.balance)} refunded to ${d.refunds.length} members.`,
    color: GREY,
    fields: [pool(d.poolId)],
  }),
};
