import type { NotificationData, NotificationEnvelope, NotificationType } from '../catalogue/notification-types';
import { ROSCA_NOTIFICATION_TYPES } from '../catalogue/rosca-notification-types';
import { SHARE_NOTIFICATION_TYPES } from '../catalogue/share-notification-types';
import { appLinks, appUrl, type AppPage } from './app-links';

/** A page of the app: which one (for its label) and its path. */
export interface AppPagePath {
  readonly page: AppPage;
  readonly path: string;
}

type PageOf = { readonly [T in NotificationType]: (daoId: string, d: NotificationData[T]) => AppPagePath };

const at = <P extends AppPage>(page: P, ...args: Parameters<(typeof appLinks)[P]>): AppPagePath => ({
  page,
  path: (appLinks[page] as (...a: Parameters<(typeof appLinks)[P]>) => string)(...args),
});

const proposal = (daoId: string, d: { proposalId: string }) => at('proposal', daoId, d.proposalId);
const safeTransaction = (daoId: string, d: { safeTxHash: string }) => at('safeTransaction', daoId, d.safeTxHash);
const withdrawals = (daoId: string) => at('withdrawals', daoId);
const daoAdmin = (daoId: string) => at('daoAdmin', daoId);
const platformAdmin = () => at('platformAdmin');

type PoolPage = (daoId: string, d: { poolId: string }) => AppPagePath;
/** Every type of a pool kind goes to its pool: each names its `poolId` (or the spread into PAGE fails to compile). */
const allTo = <K extends string>(types: readonly K[], page: PoolPage) =>
  Object.fromEntries(types.map((type) => [type, page])) as Record<K, PoolPage>;

const rotatingPool = allTo(ROSCA_NOTIFICATION_TYPES, (daoId, d) => at('rotatingPool', daoId, d.poolId));
const sharePool = allTo(SHARE_NOTIFICATION_TYPES, (daoId, d) => at('sharePool', daoId, d.poolId));

/**
 * For every notification type, the page where its reader acts on it: a vote to cast, a Safe transaction to sign,
 * a webhook or a stream to look after, a pool to pay into. The mapped type makes a new catalogue entry without
 * a page fail to compile.
 */
const PAGE: PageOf = {
  // Members vote, or read the outcome, on the proposal's page.
  'proposal.created': proposal,
  'proposal.voting_ends_soon': proposal,
  'proposal.passed': proposal,
  'proposal.defeated': proposal,
  'proposal.canceled': proposal,
  'proposal.vetoed': proposal,
  'proposal.expired': proposal,
  'proposal.executed': proposal,
  'proposal.execution_failed': proposal,
  // Treasurers sign (again) on the Safe transaction's page.
  'safe_transaction.signatures_needed': safeTransaction,
  'safe_transaction.signature_dropped': safeTransaction,
  'safe_transaction.execution_failed': safeTransaction,
  // A proposal's operation is followed on its proposal; the DAO's own setup operation in the treasury.
  'timelock.scheduled': (daoId, d) => (d.proposalId === null ? at('treasury', daoId) : proposal(daoId, { proposalId: d.proposalId })),
  'member.joined': (daoId) => at('dao', daoId),
  // The DAO admin reviews members on the admin page.
  'member.suspended': daoAdmin,
  // Removal is the outcome of a REMOVE_MEMBER vote.
  'member.removed': proposal,
  'withdrawal.requested': withdrawals,
  'withdrawal.approved': withdrawals,
  'withdrawal.paid': withdrawals,
  'chain.fact_retracted': (daoId, d) => (d.fact === 'deposit' ? at('dao', daoId) : withdrawals(daoId)),
  'webhook.endpoint_disabled': daoAdmin,
  // A DAO admin may resume the DAO's quarantined stream.
  'processing.stream_quarantined': daoAdmin,
  // Only the platform's operator can redeploy a DAO or fund the relayer.
  'dao.deployment_failed': platformAdmin,
  'relayer.balance_low': platformAdmin,
  'relayer.balance_restored': platformAdmin,
  ...rotatingPool,
  ...sharePool,
};

/** The page a notification of `type` about `data` in `daoId` points its reader to. */
export const notificationPage = <T extends NotificationType>(type: T, daoId: string, data: NotificationData[T]): AppPagePath =>
  (PAGE[type] as (daoId: string, d: NotificationData[T]) => AppPagePath)(daoId, data);

/** What the outbox stores: the envelope a receiver gets, less the link, which is drawn at delivery from PUBLIC_URL. */
export type StoredEnvelope = Omit<NotificationEnvelope, 'link'>;

/**
 * The envelope as delivered: the stored one with the absolute `link` to its page under `publicUrl`. Drawn at each
 * attempt, so notifications queued before PUBLIC_URL changed point to where the app is now.
 */
export const withLink = (stored: StoredEnvelope, publicUrl: string): NotificationEnvelope => {
  const { data, ...head } = stored;
  const { path } = notificationPage(stored.type, stored.daoId, data);
  return { ...head, link: appUrl(publicUrl, path), data } as NotificationEnvelope;
};
