import { hashTypedData } from 'viem';
import { ACTION_SCHEMAS } from './signed-actions';
import { ayllu712Domain } from './typed-data';
import { typedDataDigest } from './typed-data-digest';

const VOTE_TYPES = { Vote: ACTION_SCHEMAS.vote.fields.map((f) => ({ ...f })) };
const vote = (overrides: Record<string, unknown> = {}) => ({
  voter: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  proposalId: 'prop_0193a1b2c3d4e5f60718293a4b5c',
  support: 'for',
  reason: 'Better yield, same risk',
  dao: 'dao_0193a1b2c3d4e5f60718293a4b5c',
  nonce: `0x${'ab'.repeat(32)}`,
  deadline: 1_900_000_000n,
  ...overrides,
});

describe('typedDataDigest', () => {
  it.each([1, 31337, 8453])('is viem hashTypedData for a vote on chain %i, message after message', (chainId) => {
    for (const support of ['for', 'against', 'abstain']) {
      const typedData = { domain: ayllu712Domain(chainId), types: VOTE_TYPES, primaryType: 'Vote', message: vote({ support }) };
      expect(typedDataDigest(typedData)).toBe(hashTypedData(typedData as Parameters<typeof hashTypedData>[0]));
    }
  });

  it('refuses a message that does not fit its types, as viem does', () => {
    const typedData = { domain: ayllu712Domain(1), types: VOTE_TYPES, primaryType: 'Vote', message: vote({ voter: '0x1234' }) };
    expect(() => typedDataDigest(typedData)).toThrow();
    expect(() => hashTypedData(typedData as Parameters<typeof hashTypedData>[0])).toThrow();
  });
});
