import { toChecksumAddress, type Address } from '../shared/address';
import { asciiBytes, keccak256, toHex } from '../shared/keccak256';
import type { CommandMetadata } from '../shared/decider';

/** A stable, checksummed, mixed-case address per label, so specs read `alice` instead of hex. */
export const addressOf = (label: string): Address => toChecksumAddress(`0x${toHex(keccak256(asciiBytes(label))).slice(0, 40)}`);

export const alice = addressOf('alice');
export const bob = addressOf('bob');
export const carol = addressOf('carol');
export const dave = addressOf('dave');
export const erin = addressOf('erin');

export const T0 = '2026-01-01T00:00:00.000Z';

/** ISO time `seconds` after T0 (or after `from`). */
export const at = (seconds: number, from: string = T0): string => new Date(Date.parse(from) + seconds * 1000).toISOString();

export const HOUR = 3600;
export const DAY = 24 * HOUR;

export const meta = (actor: string, now: string = T0): CommandMetadata => ({
  actor,
  now,
});
export const adminMeta = (now: string = T0): CommandMetadata => meta('admin:key-1', now);

/** An address as a client might send it, before any check: for specs of the domain's own address checks. */
export const asSent = (value: string): Address => value as Address;
