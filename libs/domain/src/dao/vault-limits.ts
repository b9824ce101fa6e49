const HOUR = 60 * 60;
const DAY = 24 * HOUR;

/**
 * The community vault's own bounds: the public constants of contracts/src/CommunityVault.sol, written here once
 * for the domain, the API's request checks and the deployment. A setting the vault would refuse must be refused
 * before it is recorded, or every deployment and execution carrying it fails for good. A chain test reads the
 * constants from a deployed vault and compares them with these, so the two cannot drift apart.
 */
export const VAULT_LIMITS = {
  /** `MAX_MEMBERS`: depositors the vault holds at once, the largest `maxMembers` a DAO may set (default 1,000). */
  maxMembers: 100_000,
  /** `MAX_SMALL_WITHDRAWAL_LIMIT_BPS`: the whole balance. */
  maxSmallWithdrawalLimitBps: 10_000,
  /** `MAX_EMERGENCY_EXIT_WAIT`. */
  maxEmergencyExitWaitSeconds: 30 * DAY,
  /** `EMERGENCY_EXIT_WINDOW`: once available, an emergency exit must be completed within this, or it lapses. */
  emergencyExitWindowSeconds: 7 * DAY,
  /** `MIN_WITHDRAWAL_WINDOW` .. `MAX_WITHDRAWAL_WINDOW`: the rolling window of the small-withdrawal limit. */
  withdrawalWindowSeconds: { min: HOUR, max: 365 * DAY },
} as const;

/** The rolling window of the small-withdrawal limit every DAO's vault is deployed with (within VAULT_LIMITS). */
export const VAULT_WITHDRAWAL_WINDOW_SECONDS = DAY;
