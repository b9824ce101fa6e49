import { isChecksumAddress } from '../shared/address';
import { chainIntegerMessage, fitsChainInteger, type ChainIntegerType } from '../shared/chain-integer';
import { DomainError, type FieldError } from '../shared/domain-error';
import { DAO_LIMITS, PROPOSAL_TYPES, type DaoConfiguration, type DaoConfigurationInput } from '../dao/dao-configuration';
import { seatedCount } from '../dao/dao-guards';
import type { ActiveDao } from '../dao/dao-state';
import { validateDaoConfiguration } from '../dao/validate-dao-configuration';
import type { ProposalOf, ProposalPayloads } from './proposal-payloads';

const CONFIGURATION_FIELDS: readonly (keyof DaoConfiguration)[] = [
  'name', 'description', 'access', 'votingType', 'quorumBps', 'votingPeriodSeconds', 'earlyClose', 'allowVoteChange',
  'minimumDeposit', 'maxMembers', 'maxActiveProposals', 'smallWithdrawalLimitBps', 'emergencyExitWaitSeconds',
  'platformFeeBps', 'yieldMode', 'timelockDelaySeconds', 'executionWindowSeconds', 'approvalThresholdBps',
  'treasurers', 'treasurerThreshold', 'feeCollector',
]; // prettier-ignore

/**
 * The fields each payload may carry, checked by the compiler against ProposalPayloads in both directions.
 * A payload is stored as signed, so a key outside its type would reach the log and every reader of it.
 */
const PAYLOAD_FIELDS: { readonly [T in keyof ProposalPayloads]: { readonly [K in keyof ProposalPayloads[T]]-?: true } } = {
  ADD_MEMBER: { member: true, units: true },
  REMOVE_MEMBER: { member: true, reason: true },
  WITHDRAW_FUNDS: { recipient: true, amount: true, withdrawalId: true },
  CHANGE_PARAMETERS: { changes: true },
  CHANGE_STRATEGY: { strategy: true },
  DISTRIBUTE_YIELDS: { mode: true, flowRatePerSecond: true, amount: true },
  UPGRADE_CONTRACT: { implementation: true },
};

/**
 * Checks a proposal's type and payload against the shapes and against the DAO as it is now.
 * Throws `PROPOSAL.INVALID_PAYLOAD` with field errors (`payload.member`, `payload.changes.quorumBps`, ...),
 * one per key the type does not define (`payload.extra`),
 * or a conflict when the payload is well formed but pointless (removing someone who is not a member).
 */
export const validateProposalPayload = (type: unknown, payload: unknown, dao: ActiveDao): ProposalOf => {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `payload.${field}`, message });
  if (!(PROPOSAL_TYPES as readonly unknown[]).includes(type))
    throw new DomainError('PROPOSAL.INVALID_TYPE', `Unknown proposal type ${String(type)}`, 'invalid', [
      { field: 'type', message: `must be one of ${PROPOSAL_TYPES.join(', ')}` },
    ]);
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const fields = PAYLOAD_FIELDS[type as ProposalOf['type']];
  for (const key of Object.keys(p)) if (!Object.hasOwn(fields, key)) fail(key, `is not a field of a ${String(type)} proposal`);
  const address = (field: string) => {
    if (!isChecksumAddress(p[field])) fail(field, 'must be an EIP-55 checksummed address');
  };
  /** A positive amount (uint256) or flow rate (int96): what the chain call it ends up in can carry. */
  const amount = (field: string, required: boolean, type: ChainIntegerType = 'uint256') => {
    if (p[field] === undefined && !required) return;
    if (typeof p[field] !== 'bigint' || !fitsChainInteger(p[field], type, 1n)) fail(field, chainIntegerMessage(type, 1n));
  };
  const absent = (field: string) => {
    if (p[field] !== undefined) fail(field, 'does not apply to this mode');
  };

  switch (type as ProposalOf['type']) {
    case 'ADD_MEMBER':
      address('member');
      if (p.units !== undefined && (typeof p.units !== 'bigint' || !fitsChainInteger(p.units, 'uint256')))
        fail('units', chainIntegerMessage('uint256'));
      break;
    case 'REMOVE_MEMBER':
      address('member');
      if (typeof p.reason !== 'string' || p.reason.trim() === '' || p.reason.length > DAO_LIMITS.reasonMaxLength)
        fail('reason', `is required (at most ${DAO_LIMITS.reasonMaxLength} characters)`);
      break;
    case 'WITHDRAW_FUNDS':
      address('recipient');
      amount('amount', true);
      break;
    case 'CHANGE_PARAMETERS':
      validateChanges(p.changes, dao, fail);
      break;
    case 'CHANGE_STRATEGY':
      address('strategy');
      break;
    case 'DISTRIBUTE_YIELDS':
      if (p.mode === 'stream') {
        amount('flowRatePerSecond', true, 'int96');
        absent('amount');
      } else if (p.mode === 'instant') {
        amount('amount', true);
        absent('flowRatePerSecond');
      } else if (p.mode === 'stop') {
        absent('amount');
        absent('flowRatePerSecond');
      } else fail('mode', 'must be stream, instant or stop');
      break;
    case 'UPGRADE_CONTRACT':
      address('implementation');
      break;
  }
  if (errors.length > 0)
    throw new DomainError(
      'PROPOSAL.INVALID_PAYLOAD',
      `Invalid ${String(type)} payload: ${errors.map((e) => e.field).join(', ')}`,
      'invalid',
      errors,
    );
  const proposal = { type, payload: p } as ProposalOf;
  requireMeaningful(proposal, dao);
  return proposal;
};

const validateChanges = (changes: unknown, dao: ActiveDao, fail: (field: string, message: string) => void): void => {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes) || Object.keys(changes).length === 0) {
    fail('changes', 'must name at least one configuration field');
    return;
  }
  const unknownFields = Object.keys(changes).filter((k) => !(CONFIGURATION_FIELDS as string[]).includes(k));
  unknownFields.forEach((k) => fail(`changes.${k}`, 'is not a configuration field'));
  if (unknownFields.length > 0) return;
  const merged = { ...dao.configuration, ...changes } as DaoConfigurationInput;
  try {
    validateDaoConfiguration(merged);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    error.errors.forEach((e) => fail(`changes.${e.field}`, e.message));
  }
  if (typeof merged.maxMembers === 'number' && merged.maxMembers < seatedCount(dao))
    fail('changes.maxMembers', `must hold the ${seatedCount(dao)} current members`);
  validateSafeOwners((changes as Record<string, unknown>).treasurers, fail);
};

/** Addresses the Safe refuses as owners (GS203): none, and the sentinel of its owner list. */
const NOT_OWNERS = ['0x0000000000000000000000000000000000000000', '0x0000000000000000000000000000000000000001'];

/**
 * What the Safe itself would refuse when the proposal runs, refused now instead: a Safe keeps at least one
 * owner, and the zero address and its list's sentinel can never be owners.
 */
const validateSafeOwners = (treasurers: unknown, fail: (field: string, message: string) => void): void => {
  if (!Array.isArray(treasurers)) return;
  if (treasurers.length === 0) fail('changes.treasurers', "must keep at least one owner of the DAO's Safe");
  treasurers.forEach((address: unknown, i) => {
    if (typeof address === 'string' && NOT_OWNERS.includes(address.toLowerCase()))
      fail(`changes.treasurers[${i}]`, 'cannot own a Safe (the zero address and 0x…01 are reserved)');
  });
};

const requireMeaningful = (proposal: ProposalOf, dao: ActiveDao): void => {
  if (proposal.type === 'ADD_MEMBER') {
    const status = dao.members.get(proposal.payload.member)?.status;
    if (status === 'ACTIVE' || status === 'INACTIVE' || status === 'SUSPENDED')
      throw new DomainError('MEMBER.ALREADY_MEMBER', `${proposal.payload.member} is already a member`, 'conflict');
  }
  if (proposal.type === 'REMOVE_MEMBER') {
    const member = dao.members.get(proposal.payload.member);
    if (!member || member.status === 'REMOVED' || member.status === 'PENDING')
      throw new DomainError('MEMBER.NOT_FOUND', `${proposal.payload.member} is not a member`, 'not-found');
    if (member.pendingRemoval)
      throw new DomainError('MEMBER.REMOVAL_PENDING', `Proposal ${member.pendingRemoval} already decides this`, 'conflict');
  }
};
