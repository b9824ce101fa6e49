/**
 * Named step boundaries of the execution driver. When AYLLU_EXECUTION_CRASH_AT names one, the process dies
 * there at once (SIGKILL: no cleanup, no pending writes), which is how the crash test proves a restart never
 * sends a chain call twice. Without the variable this does nothing.
 */
export type CrashPoint = 'after-propose' | 'after-safe-send' | 'after-safe-record' | 'after-timelock-send';

export const crashPoint = (point: CrashPoint): void => {
  if (process.env.AYLLU_EXECUTION_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
};
