/**
 * The web app's pages (client-side routes, served by the API at PUBLIC_URL) as paths. One module, so a route
 * renamed in the app is renamed here once. Every id is a single path segment: encoded, never a way out of it.
 */
const segment = (id: string): string => {
  // Also the sub-delimiters encodeURIComponent keeps, so a link never closes a Markdown link early.
  const encoded = encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  // "." and ".." are left alone by encodeURIComponent, but a browser resolves them as path steps.
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%2E') : encoded;
};

const dao = (daoId: string) => `/daos/${segment(daoId)}`;

export const appLinks = {
  /** My DAOs and pools. */
  home: () => '/',
  /** The platform admin's page. */
  platformAdmin: () => '/admin',
  /** A community pool, as its member sees it. */
  dao,
  proposals: (daoId: string) => `${dao(daoId)}/proposals`,
  newProposal: (daoId: string) => `${dao(daoId)}/proposals/new`,
  proposal: (daoId: string, proposalId: string) => `${dao(daoId)}/proposals/${segment(proposalId)}`,
  /** The Safe's queue of transactions awaiting signatures. */
  treasury: (daoId: string) => `${dao(daoId)}/treasury`,
  safeTransaction: (daoId: string, safeTxHash: string) => `${dao(daoId)}/treasury/${segment(safeTxHash)}`,
  /** The DAO admin's page: join requests, veto, webhooks. */
  daoAdmin: (daoId: string) => `${dao(daoId)}/admin`,
  withdrawals: (daoId: string) => `${dao(daoId)}/withdrawals`,
  rotatingPool: (daoId: string, poolId: string) => `${dao(daoId)}/rotating-pools/${segment(poolId)}`,
  sharePool: (daoId: string, poolId: string) => `${dao(daoId)}/share-pools/${segment(poolId)}`,
} as const;

export type AppPage = keyof typeof appLinks;

/** An app path under the public URL. Tolerates a base given with a trailing slash (the configuration strips it). */
export const appUrl = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, '')}${path}`;
