import { NOTIFICATION_EXAMPLES } from '../catalogue/notification-examples';
import { NOTIFICATION_TYPES, type NotificationData, type NotificationType } from '../catalogue/notification-types';
import { ROSCA_NOTIFICATION_TYPES } from '../catalogue/rosca-notification-types';
import { SHARE_NOTIFICATION_TYPES } from '../catalogue/share-notification-types';
import { notificationPage, withLink, type StoredEnvelope } from './notification-page';

const DAO = 'dao_0193a1b2c3d4e5f60718293a4b5c';
const page = <T extends NotificationType>(type: T, data: NotificationData[T] = NOTIFICATION_EXAMPLES[type]) =>
  notificationPage(type, DAO, data);

describe('the page a notification links to', () => {
  it.each(NOTIFICATION_TYPES)('%s has a page under its DAO or the platform admin', (type) => {
    const { path } = page(type);
    expect(path === '/admin' || path.startsWith(`/daos/${DAO}`)).toBe(true);
  });

  it('sends members to the proposal they vote on or read the outcome of', () => {
    const { proposalId } = NOTIFICATION_EXAMPLES['proposal.created'];
    const proposal = { page: 'proposal', path: `/daos/${DAO}/proposals/${proposalId}` };
    for (const type of [
      'proposal.created',
      'proposal.voting_ends_soon',
      'proposal.passed',
      'proposal.defeated',
      'proposal.canceled',
      'proposal.vetoed',
      'proposal.expired',
      'proposal.executed',
      'proposal.execution_failed',
      'member.removed',
      'timelock.scheduled',
    ] as const)
      expect(page(type)).toEqual(proposal);
  });

  it('sends treasurers to the Safe transaction they sign', () => {
    const { safeTxHash } = NOTIFICATION_EXAMPLES['safe_transaction.signatures_needed'];
    for (const type of [
      'safe_transaction.signatures_needed',
      'safe_transaction.signature_dropped',
      'safe_transaction.execution_failed',
    ] as const)
      expect(page(type, { ...NOTIFICATION_EXAMPLES[type], safeTxHash } as never)).toEqual({
        page: 'safeTransaction',
        path: `/daos/${DAO}/treasury/${safeTxHash}`,
      });
    // The DAO's own setup operation has no proposal: the treasury shows it.
    expect(page('timelock.scheduled', { ...NOTIFICATION_EXAMPLES['timelock.scheduled'], proposalId: null }).path).toBe(
      `/daos/${DAO}/treasury`,
    );
  });

  it('sends withdrawals to the withdrawals, a retracted deposit to the pool', () => {
    for (const type of ['withdrawal.requested', 'withdrawal.approved', 'withdrawal.paid'] as const)
      expect(page(type).path).toBe(`/daos/${DAO}/withdrawals`);
    const retracted = NOTIFICATION_EXAMPLES['chain.fact_retracted'];
    expect(page('chain.fact_retracted', { ...retracted, fact: 'deposit' }).path).toBe(`/daos/${DAO}`);
    expect(page('chain.fact_retracted', { ...retracted, fact: 'withdrawal' }).path).toBe(`/daos/${DAO}/withdrawals`);
    expect(page('member.joined').path).toBe(`/daos/${DAO}`);
  });

  it('sends what a DAO admin looks after to the DAO admin page, what only the operator can fix to /admin', () => {
    for (const type of ['member.suspended', 'webhook.endpoint_disabled', 'processing.stream_quarantined'] as const)
      expect(page(type).path).toBe(`/daos/${DAO}/admin`);
    for (const type of ['dao.deployment_failed', 'relayer.balance_low', 'relayer.balance_restored'] as const)
      expect(page(type).path).toBe('/admin');
  });

  it.each([...ROSCA_NOTIFICATION_TYPES])('%s goes to its rotating pool', (type) => {
    const { poolId } = NOTIFICATION_EXAMPLES[type];
    expect(page(type)).toEqual({ page: 'rotatingPool', path: `/daos/${DAO}/rotating-pools/${poolId}` });
  });

  it.each([...SHARE_NOTIFICATION_TYPES])('%s goes to its share pool', (type) => {
    const { poolId } = NOTIFICATION_EXAMPLES[type];
    expect(page(type)).toEqual({ page: 'sharePool', path: `/daos/${DAO}/share-pools/${poolId}` });
  });

  it('encodes the ids it puts in the path', () => {
    const data = { ...NOTIFICATION_EXAMPLES['proposal.passed'], proposalId: '../../admin' };
    expect(notificationPage('proposal.passed', 'dao/1', data).path).toBe('/daos/dao%2F1/proposals/..%2F..%2Fadmin');
  });
});

describe('withLink', () => {
  const stored: StoredEnvelope = {
    id: 'n1',
    type: 'withdrawal.paid',
    timestamp: '2026-11-21T10:00:00.000Z',
    daoId: DAO,
    logPosition: '7',
    eventId: 'e1',
    data: NOTIFICATION_EXAMPLES['withdrawal.paid'],
  };

  it('adds the absolute link under the public URL and keeps every other field as stored', () => {
    const delivered = withLink(stored, 'https://ayllu.example.org/coop');
    expect(delivered).toEqual({ ...stored, link: `https://ayllu.example.org/coop/daos/${DAO}/withdrawals` });
    // Receivers read `data` last, as before: the link goes just ahead of it.
    expect(Object.keys(delivered)).toEqual(['id', 'type', 'timestamp', 'daoId', 'logPosition', 'eventId', 'link', 'data']);
  });

  it('never doubles the slash after a public URL given with one', () => {
    expect(withLink(stored, 'http://127.0.0.1:3000/').link).toBe(`http://127.0.0.1:3000/daos/${DAO}/withdrawals`);
  });
});
