import type { Address } from '@ayllu/domain';

/** Who an admin request is from, once its credential checked out. `actor` is what events record. */
export type AdminPrincipal =
  | { readonly kind: 'platform'; readonly actor: string }
  | { readonly kind: 'dao-key'; readonly actor: string; readonly daoId: string; readonly keyId: string }
  | { readonly kind: 'siwe'; readonly actor: string; readonly daoId: string; readonly address: Address };

/** Why a credential was refused. Only `unknown` can be a guess; the others name a real credential's state. */
export type AdminRefusal = 'missing' | 'unknown' | 'revoked' | 'expired' | 'session-expired' | 'no-longer-admin';

export type AdminAuthentication =
  { readonly ok: true; readonly principal: AdminPrincipal } | { readonly ok: false; readonly refusal: AdminRefusal };
