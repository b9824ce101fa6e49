import { isChecksumAddress } from '../../shared/address';
import { DomainError } from '../../shared/domain-error';
import type { Hash } from '../../shared/hex';
import type { ChainLog } from '../dao-commands';

export const requireChainAddress = (address: unknown): void => {
  if (!isChecksumAddress(address))
    throw new DomainError('CHAIN.INVALID_ADDRESS', 'Chain logs must carry checksummed addresses', 'invalid', [
      { field: 'member', message: 'must be an EIP-55 checksummed address' },
    ]);
};

/** The log's block, when the indexer gave it (both or neither). */
export const blockOf = (log: ChainLog): { blockNumber?: bigint; blockHash?: Hash } =>
  log.blockNumber !== undefined && log.blockHash !== undefined ? { blockNumber: log.blockNumber, blockHash: log.blockHash } : {};
