import type { Address } from '../shared/address';

/** How the order of recipients is decided (seed 003, "Rotation Order"). */
export const ROTATION_METHODS = ['join-order', 'lottery', 'manual', 'consensus', 'bidding'] as const;
export type RotationMethod = (typeof ROTATION_METHODS)[number];

/** A rotating pool's creation parameters, every default applied; frozen for the pool's life. */
export interface RotatingPoolConfiguration {
  /** The DAO whose Safe organises the pool: organiser commands must come from `organiser`. */
  readonly daoId: string;
  readonly organiser: Address;
  /** Paid by every member every round, in the token's smallest unit. */
  readonly contributionAmount: bigint;
  readonly rotationIntervalSeconds: number;
  /** Members and rounds: the pool starts when full, or earlier when the organiser starts it (at least 2). */
  readonly memberCount: number;
  /** ISO-8601: round 0's contributions are due then; round r's at start + r × interval. */
  readonly startDate: string;
  /** Whole percent of the total pot (contribution × memberCount) each member locks on joining; 0 = none. */
  readonly collateralPercent: number;
  readonly gracePeriodSeconds: number;
  /** Basis points of the contribution per started late period (LATE_PERIOD_SECONDS) after the grace period. */
  readonly penaltyRateBps: number;
  readonly allowEmergencyExit: boolean;
  /** Basis points of what an exiting member is refunded, kept by the pool. */
  readonly earlyExitPenaltyBps: number;
  /** Basis points of each round's pot (+ yield + income) paid to the platform. */
  readonly platformFeeBps: number;
  readonly rotationMethod: RotationMethod;
}

export type RotatingPoolConfigurationInput = {
  readonly [K in keyof RotatingPoolConfiguration]?: unknown;
};

/** The seed's "week": penalties escalate once per started week after the grace period. */
export const LATE_PERIOD_SECONDS = 7 * 24 * 3600;

/** Third strike (a round not paid by its grace deadline) expels the member. */
export const STRIKES_TO_EXPEL = 3;

export const ROSCA_LIMITS = {
  memberCount: { min: 2, max: 50 },
  rotationIntervalSeconds: { min: 3600, max: 366 * 24 * 3600 },
  gracePeriodSeconds: { max: 30 * 24 * 3600 },
  collateralPercent: { max: 100 },
  penaltyRateBps: { max: 10_000 },
  earlyExitPenaltyBps: { max: 10_000 },
  platformFeeBps: { max: 1_000 },
} as const;

export const ROSCA_DEFAULTS = {
  collateralPercent: 0,
  gracePeriodSeconds: 2 * 24 * 3600,
  penaltyRateBps: 500,
  allowEmergencyExit: true,
  earlyExitPenaltyBps: 1_000,
  platformFeeBps: 0,
  rotationMethod: 'join-order' as RotationMethod,
} as const;
