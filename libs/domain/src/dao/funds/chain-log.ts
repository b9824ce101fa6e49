import { isChecksumAddress } from '../../shared/address';
import { DomainError } from '../../shared/domain-error';

export const requireChainAddress = (address: unknown): void => {
  if (!isChecksumAddress(address))
    throw new DomainError('CHAIN.INVALID_ADDRESS', 'Chain logs must carry checksummed addresses', 'invalid', [
      { field: 'member', message: 'must be an EIP-55 checksummed address' },
    ]);
};
