import type { Hash } from '../shared/hex';
import { asciiBytes, keccak256, toHex } from '../shared/keccak256';

/**
 * The timelock salt of a proposal's operation: derived from the proposal id, so the operation id is known
 * before anything is sent and two proposals with the same calls never collide.
 */
export const executionSalt = (proposalId: string): Hash => `0x${toHex(keccak256(asciiBytes(`ayllu:proposal:${proposalId}`)))}`;
