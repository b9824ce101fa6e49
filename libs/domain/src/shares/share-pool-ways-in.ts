import { DomainError } from '../shared/domain-error';
import { isHash, lowerHex, type Hash } from '../shared/hex';
import type {
  AssignShares,
  GenerateShareCodes,
  RedeemShareCode,
  RejectJoinRequest,
  RequestSharePurchase,
  RequestToJoinSharePool,
  RevokeShareCodes,
  TransferShares,
} from './share-pool-commands';
import type { SharePoolEvent } from './share-pool-events';
import {
  addressIn,
  admitted,
  byCreator,
  byCreatorOrAdmin,
  deployed,
  live,
  nextKey,
  notPaused,
  openWayIn,
  reasonIn,
  roomFor,
  sharesIn,
  withinAvailable,
} from './share-pool-guards';
import { outgoingShares, sharesOf, type ExistingSharePool, type SharePoolState } from './share-pool-state';

/** Buy: a member's signed purchase at the fixed price; the worker's `buy` pulls the cost and moves the shares. */
export const requestSharePurchase = (command: RequestSharePurchase, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = openWayIn(state, 'buy', now);
  notPaused(s);
  const buyer = addressIn(command.data.buyer, 'buyer');
  const shares = sharesIn(command.data.shares);
  admitted(s, buyer, now, command.data.observedBalances, 'buyer');
  roomFor(s, buyer);
  withinAvailable(s, shares);
  const cost = BigInt(shares) * s.configuration.pricePerShare;
  return [{ type: 'SharePurchaseRequested', data: { key: nextKey(s, 'purchase'), buyer, shares, cost, requestedAt: now } }];
};

const noPendingGrant = (s: ExistingSharePool, member: string): void => {
  for (const p of s.pending.values())
    if (p.kind === 'grant' && p.to === member)
      throw new DomainError('SHARE_POOL.GRANT_PENDING', `Shares for ${member} are already on their way`, 'conflict');
};

/** Request to join: a newcomer who meets the conditions asks; the creator decides. */
export const requestToJoinSharePool = (command: RequestToJoinSharePool, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = openWayIn(state, 'request', now);
  const member = addressIn(command.data.member, 'member');
  if (sharesOf(s, member) > 0)
    throw new DomainError('SHARE_POOL.ALREADY_HOLDER', `${member} already holds shares of this pool`, 'conflict');
  if (s.joinRequests.has(member)) throw new DomainError('SHARE_POOL.JOIN_PENDING', `${member} already asked to join`, 'conflict');
  noPendingGrant(s, member);
  admitted(s, member, now, command.data.observedBalances, 'member');
  roomFor(s, member);
  return [{ type: 'SharePoolJoinRequested', data: { member, requestedAt: now } }];
};

const joinRequestOf = (s: ExistingSharePool, value: unknown) => {
  const member = addressIn(value, 'member');
  if (!s.joinRequests.has(member))
    throw new DomainError('SHARE_POOL.NO_JOIN_REQUEST', `${member} has no open request to join`, 'not-found', [
      { field: 'member', message: 'has no open request to join this pool' },
    ]);
  return member;
};

/** A DAO admin (or the Safe) turns a request down; nothing moves on chain. */
export const rejectJoinRequest = (command: RejectJoinRequest, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreatorOrAdmin(s, command.metadata);
  const member = joinRequestOf(s, command.data.member);
  const reason = reasonIn(command.data.reason);
  return [{ type: 'JoinRequestRejected', data: { member, reason, rejectedBy: command.metadata.actor, rejectedAt: command.metadata.now } }];
};

/**
 * An airdrop: the Safe's own `assign(to, shares)`, recorded once executed (the API checks it with this same decision
 * before the Safe transaction is proposed). Any way in; not while a crowdfunding is open, whose allocation takes the
 * shares available at its end. Where `to` has an open request to join, the assignment is the creator's approval of
 * it (JoinRequestApproved follows): shares move on the creator's say-so only through the Safe, never the relayer.
 */
export const assignShares = (command: AssignShares, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreator(s, command.metadata);
  deployed(s);
  const to = addressIn(command.data.to, 'to');
  const shares = sharesIn(command.data.shares);
  if (!isHash(command.data.txHash))
    throw new DomainError('SHARE_POOL.INVALID_TX', 'The assignment needs its transaction hash', 'invalid', [
      { field: 'txHash', message: 'must be a 32-byte hash' },
    ]);
  if (s.crowdfunding && s.crowdfunding.outcome === null)
    throw new DomainError('SHARE_POOL.CROWDFUNDING_OPEN', 'The available shares belong to the open crowdfunding', 'conflict');
  withinAvailable(s, shares);
  roomFor(s, to);
  const { actor, now } = command.metadata;
  const txHash = command.data.txHash;
  const assigned: SharePoolEvent = { type: 'SharesAssigned', data: { to, shares, txHash, assignedBy: actor, assignedAt: now } };
  if (!s.joinRequests.has(to)) return [assigned];
  return [assigned, { type: 'JoinRequestApproved', data: { member: to, shares, txHash, approvedBy: actor, approvedAt: now } }];
};

const MAX_CODES = 500;

/** One-time codes, each worth a number of shares, reserved from now on. The log holds hashes only. */
export const generateShareCodes = (command: GenerateShareCodes, state: SharePoolState): SharePoolEvent[] => {
  const s = openWayIn(state, 'codes', command.metadata.now);
  byCreatorOrAdmin(s, command.metadata);
  const list: readonly unknown[] = Array.isArray(command.data.codes) ? (command.data.codes as readonly unknown[]) : [];
  if (list.length === 0 || list.length > MAX_CODES)
    throw new DomainError('SHARE_POOL.INVALID_CODES', `Generate 1 to ${MAX_CODES} codes at a time`, 'invalid', [
      { field: 'codes', message: `must list 1 to ${MAX_CODES} codes` },
    ]);
  const seen = new Set<Hash>();
  const codes = list.map((entry, i) => {
    const code = (typeof entry === 'object' && entry !== null ? entry : {}) as { readonly codeHash?: unknown; readonly shares?: unknown };
    if (!isHash(code.codeHash))
      throw new DomainError('SHARE_POOL.INVALID_CODES', 'A code hash is malformed', 'invalid', [
        { field: `codes[${i}].codeHash`, message: 'must be a 32-byte hash' },
      ]);
    const codeHash = lowerHex(code.codeHash);
    if (seen.has(codeHash) || s.codes.has(codeHash))
      throw new DomainError('SHARE_POOL.DUPLICATE_CODE', 'A code is given twice', 'conflict', [
        { field: `codes[${i}].codeHash`, message: 'is already a code of this pool' },
      ]);
    seen.add(codeHash);
    return { codeHash, shares: sharesIn(code.shares, `codes[${i}].shares`) };
  });
  withinAvailable(
    s,
    codes.reduce((n, c) => n + c.shares, 0),
    'codes',
  );
  return [{ type: 'ShareCodesGenerated', data: { codes, generatedBy: command.metadata.actor, generatedAt: command.metadata.now } }];
};

export const revokeShareCodes = (command: RevokeShareCodes, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreatorOrAdmin(s, command.metadata);
  const hashes: readonly unknown[] = Array.isArray(command.data.codeHashes) ? (command.data.codeHashes as readonly unknown[]) : [];
  if (hashes.length === 0)
    throw new DomainError('SHARE_POOL.INVALID_CODES', 'Name the codes to revoke', 'invalid', [
      { field: 'codeHashes', message: 'must list at least one code' },
    ]);
  const codeHashes = [
    ...new Set(
      hashes.map((h, i) => {
        const code = isHash(h) ? s.codes.get(lowerHex(h)) : undefined;
        if (!isHash(h) || code?.status !== 'outstanding')
          throw new DomainError('SHARE_POOL.CODE_NOT_OUTSTANDING', 'Only an outstanding code can be revoked', 'conflict', [
            { field: `codeHashes[${i}]`, message: 'is not an outstanding code of this pool' },
          ]);
        return lowerHex(h);
      }),
    ),
  ];
  return [{ type: 'ShareCodesRevoked', data: { codeHashes, revokedBy: command.metadata.actor, revokedAt: command.metadata.now } }];
};

/** A member's signed redemption of a code (its hash): once only, then a grant the worker carries out. */
export const redeemShareCode = (command: RedeemShareCode, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = openWayIn(state, 'codes', now);
  notPaused(s);
  const member = addressIn(command.data.member, 'member');
  const codeHash = isHash(command.data.codeHash) ? lowerHex(command.data.codeHash) : null;
  const code = codeHash === null ? undefined : s.codes.get(codeHash);
  if (!code || codeHash === null)
    throw new DomainError('SHARE_POOL.UNKNOWN_CODE', 'No such code in this pool', 'invalid', [
      { field: 'codeHash', message: 'is not a code of this pool' },
    ]);
  if (code.status !== 'outstanding')
    throw new DomainError('SHARE_POOL.CODE_USED', `The code was ${code.status === 'revoked' ? 'revoked' : 'already used'}`, 'conflict');
  admitted(s, member, now, command.data.observedBalances, 'member');
  roomFor(s, member);
  return [{ type: 'ShareCodeRedeemed', data: { key: nextKey(s, 'grant'), codeHash, member, shares: code.shares, redeemedAt: now } }];
};

/**
 * A holder's signed transfer, only where the pool allows transfers. A recipient who holds nothing yet is a newcomer:
 * the pool's access conditions, expiry and maximum apply to them as to any way in.
 */
export const transferShares = (command: TransferShares, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = live(state);
  deployed(s);
  if (!s.configuration.transfersAllowed)
    throw new DomainError('SHARE_POOL.TRANSFERS_NOT_ALLOWED', "This pool's shares cannot be transferred", 'forbidden');
  notPaused(s);
  const from = addressIn(command.data.from, 'from');
  const to = addressIn(command.data.to, 'to');
  if (from === to)
    throw new DomainError('SHARE_POOL.SELF_TRANSFER', 'A transfer needs two holders', 'invalid', [
      { field: 'to', message: 'must differ from from' },
    ]);
  const shares = sharesIn(command.data.shares);
  const free = sharesOf(s, from) - outgoingShares(s, from);
  if (shares > free)
    throw new DomainError('SHARE_POOL.NOT_ENOUGH_SHARES', `${from} can transfer at most ${free} shares`, 'conflict', [
      { field: 'shares', message: `must be at most ${free}, the shares ${from} holds and has not already promised` },
    ]);
  if (sharesOf(s, to) === 0) {
    openWayIn(s, s.configuration.wayToAccess, now);
    admitted(s, to, now, command.data.observedBalances, 'to');
    roomFor(s, to);
  }
  return [{ type: 'ShareTransferRequested', data: { key: nextKey(s, 'transfer'), from, to, shares, requestedAt: now } }];
};
