import type { Address } from '../../shared/address';
import type { Command } from '../../shared/decider';

/** Platform admin only. `keyId` and `secretHash` come from the adapter, which made the key. */
export type CreateDaoAdminKey = Command<
  'CreateDaoAdminKey',
  { readonly keyId: string; readonly name: string; readonly secretHash: string; readonly expiresAt: string }
>;
/** Platform admin only. */
export type RevokeDaoAdminKey = Command<'RevokeDaoAdminKey', { readonly keyId: string }>;
/** Platform admin only. */
export type AddDaoAdminWallet = Command<'AddDaoAdminWallet', { readonly address: Address }>;
/** Platform admin only. */
export type RemoveDaoAdminWallet = Command<'RemoveDaoAdminWallet', { readonly address: Address }>;

export type DaoAdminCommand = CreateDaoAdminKey | RevokeDaoAdminKey | AddDaoAdminWallet | RemoveDaoAdminWallet;
