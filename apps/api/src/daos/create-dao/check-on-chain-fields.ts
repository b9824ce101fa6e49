import { classifyChainError, readSafeState, type SafeState, type SelectedNetwork } from '@ayllu/chain';
import { isChecksumAddress, type DaoConfigurationInput } from '@ayllu/domain';
import { isAddress, isAddressEqual, type Address, type PublicClient } from 'viem';
import { problem, ProblemException } from '../../shared/problem';

const refuse = (code: string, detail: string, fields: readonly string[]) =>
  new ProblemException(problem(422, code, detail, { errors: fields.map((field) => ({ field, message: detail })) }));

const chainUnavailable = () =>
  new ProblemException(
    problem(
      503,
      'CHAIN.UNAVAILABLE',
      'The chain does not answer, so the Safe cannot be checked; nothing was recorded, send the request again shortly',
    ),
    { 'retry-after': '5' },
  );

/**
 * What DAO creation checks against the network before the domain sees the configuration (so a refusal appends
 * nothing):
 * - `asset` must be one of the network profile's tokens (each has the Super Token payouts stream in);
 * - `safe`, an existing Safe to attach, must be a Safe on the chain; its owners and threshold are the DAO's
 *   treasurers: taken from it when `treasurers` is absent, else they must be the same set and threshold.
 * Malformed addresses are left to the domain, which names the field.
 */
export async function checkOnChainFields(
  input: DaoConfigurationInput,
  network: SelectedNetwork | null,
  chain: PublicClient | null,
): Promise<DaoConfigurationInput> {
  const { asset, safe } = input;
  if (network && isChecksumAddress(asset)) {
    const { tokens, name } = network.profile;
    if (!tokens.some((token) => isAddressEqual(token.address, asset))) {
      const offered = tokens.map((t) => `${t.symbol} (${t.address})`).join(', ') || 'none';
      throw refuse('DAO.ASSET_NOT_OFFERED', `asset must be one of the tokens the ${name} network offers: ${offered}`, ['asset']);
    }
  }
  if (!isChecksumAddress(safe)) return input;
  if (!chain)
    throw refuse('DAO.SAFE_NEEDS_NETWORK', 'Attaching a Safe needs a configured network (RPC_URL or a network profile)', ['safe']);
  const state = await readAttachedSafe(chain, safe);
  const owners = state.owners;
  const threshold = Number(state.threshold);
  if (input.treasurers === undefined) {
    if (input.treasurerThreshold !== undefined && input.treasurerThreshold !== threshold)
      throw refuse(
        'DAO.SAFE_MISMATCH',
        `treasurerThreshold ${input.treasurerThreshold} is not the Safe's threshold ${threshold}; leave it out to take the Safe's`,
        ['safe', 'treasurerThreshold'],
      );
    return { ...input, treasurers: owners, treasurerThreshold: threshold };
  }
  const given = input.treasurers.filter((t) => isAddress(t, { strict: false }));
  const sameSet =
    given.length === input.treasurers.length &&
    given.length === owners.length &&
    owners.every((owner) => given.some((t) => isAddressEqual(t, owner)));
  const givenThreshold = input.treasurerThreshold ?? (given.length === 1 ? 1 : undefined);
  if (!sameSet || givenThreshold !== threshold) {
    const fields = ['safe', ...(sameSet ? [] : ['treasurers']), ...(givenThreshold === threshold ? [] : ['treasurerThreshold'])];
    throw refuse(
      'DAO.SAFE_MISMATCH',
      `The treasurers must be the attached Safe's owners and threshold: the Safe has ${owners.length} owners (${owners.join(', ')}) ` +
        `and threshold ${threshold}; the request names ${input.treasurers.length} treasurers with threshold ${givenThreshold ?? 'unset'}` +
        " (or leave treasurers out to take the Safe's)",
      fields,
    );
  }
  return input;
}

/** The Safe's owners, threshold and nonce; an address without code or that does not answer as a Safe is refused. */
async function readAttachedSafe(chain: PublicClient, safe: Address): Promise<SafeState> {
  let code: string | undefined;
  try {
    code = await chain.getCode({ address: safe });
  } catch {
    throw chainUnavailable();
  }
  if (!code || code === '0x') throw refuse('DAO.NOT_A_SAFE', `safe ${safe} has no code on the chain: it is not a Safe (an EOA?)`, ['safe']);
  try {
    const state = await readSafeState(chain, safe);
    if (state.owners.length === 0 || state.threshold < 1n) throw new Error('no owners');
    return state;
  } catch (error) {
    if (classifyChainError(error).kind === 'transport') throw chainUnavailable();
    throw refuse('DAO.NOT_A_SAFE', `safe ${safe} does not answer as a Safe (getOwners, getThreshold, nonce)`, ['safe']);
  }
}
