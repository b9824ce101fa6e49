import { START, type LogCut, type PostgresEventStore } from '@ayllu/event-store';
import { invalidField } from '../../shared/validation/invalid-field';
import { INT64_MAX } from '../../shared/validation/validators';

export const AS_OF_PATTERN = /^(\d{1,19}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/;
const TIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;
export const AS_OF_MESSAGE = 'must be an ISO-8601 time with a zone (2026-01-31T12:00:00Z) or a log position (digits)';

const badAsOf = (message: string) => invalidField('asOf', message);

/**
 * Turns `?asOf=` into a cut. A position is mapped to its commit-safe checkpoint, so "as of position p"
 * means exactly what a reader of the log had seen once it reached p; 0 means before the first event.
 */
export const parseAsOf = async (raw: string, store: PostgresEventStore): Promise<LogCut> => {
  if (!AS_OF_PATTERN.test(raw)) throw badAsOf(AS_OF_MESSAGE);
  if (/^\d+$/.test(raw)) {
    const position = BigInt(raw);
    if (position > INT64_MAX) throw badAsOf(`${raw} is not a committed position of the log`);
    if (position === 0n) return { kind: 'position', checkpoint: START };
    const checkpoint = await store.checkpointAt(position);
    if (!checkpoint) throw badAsOf(`${raw} is not a committed position of the log`);
    return { kind: 'position', checkpoint };
  }
  const at = new Date(raw);
  if (Number.isNaN(at.getTime()) || !isCalendarTime(raw)) throw badAsOf(`${raw} is not a real time: ${AS_OF_MESSAGE}`);
  return { kind: 'time', at };
};

/**
 * JavaScript reads 2026-02-31 as 3 March and 24:30 as the next day: a time must name a real day and clock
 * reading (and an offset of at most ±23:59), or it would silently mean another instant.
 */
const isCalendarTime = (raw: string): boolean => {
  const parts = TIME_PARTS.exec(raw);
  if (!parts) return false;
  const [, year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = parts;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return (
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  );
};
