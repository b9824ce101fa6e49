/**
 * Named step boundaries of the execution driver. When AYLLU_EXECUTION_CRASH_AT names one, the process dies
 * there at once (SIGKILL: no cleanup, no pending writes), which is how the crash test proves a restart never
 * sends a chain call twice. Without the variable this does nothing.
 */
export type CrashPoint = 'after-propose' | 'after-safe-send' | 'after-safe-record' | 'after-timelock-send';

/** The rotating pools' step boundaries (apps/worker/src/rotating). */
export type RoscaCrashPoint =
  | 'after-rosca-collect-send'
  | 'after-rosca-collect-confirm'
  | 'after-rosca-settle-record'
  | 'after-rosca-settle-send'
  | 'after-rosca-effect-send';

/** The share pools' step boundaries (apps/worker/src/shares). */
export type SharePoolCrashPoint =
  'after-share-deploy-send' | 'after-share-action-send' | 'after-share-action-confirm' | 'after-share-finalize-send';

export const crashPoint = (point: CrashPoint | RoscaCrashPoint | SharePoolCrashPoint): void => {
  if (process.env.AYLLU_EXECUTION_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
};
