import { randomBytes } from 'node:crypto';
import type { Hash } from '@ayllu/domain';
import { keccak256, toBytes } from 'viem';

/** 128 random bits, base64url (22 characters): what a creator hands out, shown once, never stored. */
export const newShareCode = (): string => randomBytes(16).toString('base64url');

/** What the log keeps of a code: keccak256 of its UTF-8 bytes, lower-case hex. */
export const shareCodeHash = (code: string): Hash => keccak256(toBytes(code)).toLowerCase() as Hash;
