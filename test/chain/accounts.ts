import { keccak256, parseEther, toHex, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { DevClients } from '../../libs/chain/src/local/dev-clients';

/**
 * `count` fresh accounts derived from `label`, funded with ETH through `hardhat_setBalance` (no transaction,
 * so no nonce shared with anyone). Files on the shared node use distinct labels and never collide on nonces.
 */
export async function fundedAccounts(clients: DevClients, label: string, count: number): Promise<PrivateKeyAccount[]> {
  const accounts = Array.from({ length: count }, (_, i) => privateKeyToAccount(keccak256(toHex(`ayllu:${label}:${i}`))));
  await Promise.all(accounts.map((account) => fund(clients, account.address)));
  return accounts;
}

export const fund = (clients: DevClients, address: Address): Promise<void> =>
  clients.test.setBalance({ address, value: parseEther('10000') });
