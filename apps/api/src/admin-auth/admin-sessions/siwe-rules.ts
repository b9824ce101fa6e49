/** How long a served sign-in message may be signed, and how long the session it opens lasts. */
export const SIWE_NONCE_TTL_MS = 5 * 60_000;
export const ADMIN_SESSION_TTL_MS = 30 * 60_000;

export const daoResource = (daoId: string): string => `urn:ayllu:dao:${daoId}`;
