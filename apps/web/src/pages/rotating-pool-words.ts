import { formatUnits } from 'viem';
import type { Schemas } from '../api/client';
import { DECIMALS, duration, percent, sameAddress, shortAddress } from '../ui/format';

export type PoolView = Schemas['RotatingPoolView'];
export type PoolMember = Schemas['RotatingPoolMemberView'];
export type Round = Schemas['RoundView'];

/** The frozen creation parameters as the API states them (amounts as decimal strings in the token's smallest unit). */
export interface PoolTerms {
  readonly contributionAmount: bigint;
  readonly rotationIntervalSeconds: number;
  readonly memberCount: number;
  readonly startDate: string;
  readonly collateralPercent: number;
  readonly gracePeriodSeconds: number;
  readonly penaltyRateBps: number;
  readonly allowEmergencyExit: boolean;
  readonly earlyExitPenaltyBps: number;
  readonly platformFeeBps: number;
}

export const termsOf = (pool: PoolView): PoolTerms => {
  const c = pool.configuration as Record<string, unknown>;
  const num = (k: string) => Number(c[k] ?? 0);
  const text = (k: string) => (typeof c[k] === 'string' || typeof c[k] === 'number' ? String(c[k]) : '');
  return {
    contributionAmount: BigInt(text('contributionAmount') || '0'),
    rotationIntervalSeconds: num('rotationIntervalSeconds'),
    memberCount: num('memberCount'),
    startDate: text('startDate'),
    collateralPercent: num('collateralPercent'),
    gracePeriodSeconds: num('gracePeriodSeconds'),
    penaltyRateBps: num('penaltyRateBps'),
    allowEmergencyExit: c.allowEmergencyExit === true,
    earlyExitPenaltyBps: num('earlyExitPenaltyBps'),
    platformFeeBps: num('platformFeeBps'),
  };
};

/** What a member locks on joining: the collateral percent of the whole pot (the domain's collateralFor). */
export const collateralOf = (t: PoolTerms): bigint => (t.contributionAmount * BigInt(t.memberCount) * BigInt(t.collateralPercent)) / 100n;

/** An amount of tokens as a person reads it: no trailing zeros, at most four decimals ("50", "12.5"). */
export const amount = (wei: bigint | string): string =>
  Number(formatUnits(BigInt(wei), DECIMALS)).toLocaleString('en-US', { maximumFractionDigits: 4 });

/** "Fri 4 Dec, 12:00 UTC" (the year too when it is not this one). */
export const day = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  const sameYear = d.getUTCFullYear() === new Date().getUTCFullYear();
  const text = d.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${text} UTC`;
};

/** Rounds are counted from 1 for people; the API counts from 0. */
export const roundName = (round: number) => `Round ${round + 1}`;

export const METHOD_WORDS: Record<string, string> = {
  'join-order': 'in the order members joined',
  lottery: 'in an order drawn from secrets every member reveals once the pool is full',
  manual: 'in an order the organisers set when they start the pool',
  consensus: 'in the order more than half of the members vote for',
  bidding: 'to the member who accepts the biggest discount on the pot each round (an auction)',
};

export const STATUS_WORDS: Record<string, string> = {
  FORMING: 'Forming: waiting for members',
  ACTIVE: 'Running',
  EMERGENCY: 'Paused by the organisers',
  COMPLETED: 'Completed: every member has received the pot',
  DISSOLVED: 'Dissolved: what the pool held was refunded',
};

export const PENALTY_WORDS: Record<string, string> = {
  'good-standing': 'In good standing: no late rounds',
  warning: 'Warning: one round paid late',
  'collateral-at-risk': 'Collateral at risk: two rounds paid late; a third expels you',
  expelled: 'Expelled after three late rounds',
};

export const CONTRIBUTION_WORDS: Record<string, string> = {
  PENDING: 'not paid yet',
  PAID: 'paid',
  LATE: 'late',
  DEFAULTED: 'not paid: taken from your collateral',
  EXCUSED: 'excused',
};

export const TIMING_WORDS: Record<string, string> = {
  'on-time': 'on time',
  grace: 'within the grace period',
  'after-grace': 'after the grace period',
};

/** "you" for the connected wallet, else a short address. */
export const who = (address: string | null | undefined, me: string | undefined) =>
  !address ? 'nobody yet' : sameAddress(address, me) ? 'you' : shortAddress(address);

/** Who receives a round, in words. */
export const recipientWords = (r: { kind: string; recipient: string | null }, me: string | undefined): string => {
  if (r.kind === 'open') return r.recipient ? `${who(r.recipient, me)} (won the bids)` : 'the best bid';
  if (r.kind === 'refund') return `${who(r.recipient, me)} (a refund to a member who left)`;
  return r.recipient ? who(r.recipient, me) : 'to be decided';
};

/** The pool's rules in a few sentences. */
export const rulesInWords = (pool: PoolView, t: PoolTerms): string[] => {
  const pot = t.contributionAmount * BigInt(t.memberCount);
  const collateral = collateralOf(t);
  return [
    `Each of the ${t.memberCount} members pays ${amount(t.contributionAmount)} tokens every ${duration(t.rotationIntervalSeconds)}, ` +
      `and each round one member receives the pot of ${amount(pot)} tokens${t.platformFeeBps > 0 ? ` less the ${percent(t.platformFeeBps)} platform fee` : ''}, ` +
      `${METHOD_WORDS[pool.rotationMethod] ?? pool.rotationMethod}.`,
    collateral > 0n
      ? `Joining locks ${amount(collateral)} tokens of collateral (${t.collateralPercent}% of the pot); it covers a missed payment and comes back as you pay.`
      : 'Joining needs no collateral.',
    `A payment is late after a grace period of ${duration(t.gracePeriodSeconds)}; then it costs ${percent(t.penaltyRateBps)} of the contribution more for every started week. A third late round expels the member.`,
    t.allowEmergencyExit
      ? `A member may leave in an emergency; ${percent(t.earlyExitPenaltyBps)} of what they get back stays with the pool.`
      : 'Members cannot leave before the end.',
  ];
};
