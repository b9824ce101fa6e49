import type { APIEmbedField, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import type { NotificationData, NotificationEnvelope, NotificationType } from '../catalogue/notification-types';
import type { AppPage } from '../links/app-links';
import { notificationPage } from '../links/notification-page';
import { fitDiscordLimits } from './discord-limits';
import { AMBER, BLUE, f, GREEN, GREY, RED, when, who, type Rendered } from './discord-parts';
import { ROSCA_RENDER } from './rosca-discord';
import { SHARE_RENDER } from './share-discord';
import { shortAmount, shortHex, shortNumber } from './shorten';

const tallyText = (t: { for: string; against: string; abstain: string }) =>
  `for ${shortNumber(Number(t.for))} · against ${shortNumber(Number(t.against))} · abstain ${shortNumber(Number(t.abstain))}`;

type Renderers = { readonly [T in NotificationType]: (d: NotificationData[T]) => Rendered };

const RENDER: Renderers = {
  'proposal.created': (d) => ({
    title: `New proposal: ${d.proposalType}`,
    description: d.description,
    color: BLUE,
    fields: [f('Proposer', shortHex(d.proposer)), f('Voting ends', when(d.votingEndsAt)), f('Eligible voters', String(d.eligibleVoters))],
  }),
  'proposal.voting_ends_soon': (d) => ({
    title: 'Voting ends in 24 hours',
    description: d.description,
    color: AMBER,
    fields: [f('Ends', when(d.votingEndsAt)), f('Not voted yet', who(d.notVoted), false)],
  }),
  'proposal.passed': (d) => ({
    title: 'Proposal passed',
    description: d.description,
    color: GREEN,
    fields: [f('Tally', tallyText(d.tally), false)],
  }),
  'proposal.defeated': (d) => ({
    title: 'Proposal defeated',
    description: d.description,
    color: RED,
    fields: [f('Tally', tallyText(d.tally), false), f('Quorum', d.quorumReached ? 'reached' : 'not reached')],
  }),
  'proposal.canceled': (d) => ({
    title: 'Proposal canceled',
    description: d.description,
    color: GREY,
    fields: [f('By', shortHex(d.canceledBy))],
  }),
  'proposal.vetoed': (d) => ({
    title: 'Proposal vetoed',
    description: d.description,
    color: RED,
    fields: [f('By', shortHex(d.vetoedBy)), f('Reason', d.reason, false)],
  }),
  'proposal.expired': (d) => ({ title: 'Proposal expired', description: d.description, color: GREY }),
  'safe_transaction.signatures_needed': (d) => ({
    title: 'Safe transaction needs signatures',
    color: AMBER,
    fields: [
      f('Safe tx', shortHex(d.safeTxHash)),
      f('Threshold', d.threshold === null ? '?' : String(d.threshold)),
      f('Signed', who(d.signedBy), false),
      f('Still to sign', who(d.missingSigners), false),
    ],
  }),
  'safe_transaction.signature_dropped': (d) => ({
    title: 'Safe signature set aside',
    description: `${d.reason}. The other signatures stand; the owner may sign again.`,
    color: AMBER,
    fields: [f('Safe tx', shortHex(d.safeTxHash)), f('Signer', shortHex(d.signer))],
  }),
  'safe_transaction.execution_failed': (d) => ({
    title: 'Safe transaction cannot run',
    description: `${d.reason}. The platform stopped trying it.`,
    color: RED,
    fields: [f('Safe tx', shortHex(d.safeTxHash)), f('Nonce', d.nonce)],
  }),
  'timelock.scheduled': (d) => ({
    title: 'Timelock scheduled',
    color: BLUE,
    fields: [f('Executable from', when(d.eta)), f('Operation', shortHex(d.operationId))],
  }),
  'proposal.executed': (d) => ({
    title: 'Proposal executed',
    description: d.description,
    color: GREEN,
    fields: [f('Transaction', shortHex(d.txHash))],
  }),
  'proposal.execution_failed': (d) => ({
    title: 'Proposal execution failed',
    description: d.description,
    color: RED,
    fields: [f('Reason', d.reason, false)],
  }),
  'member.joined': (d) => ({ title: 'Member joined', color: GREEN, fields: [f('Member', shortHex(d.member))] }),
  'member.suspended': (d) => ({
    title: 'Member suspended',
    color: AMBER,
    fields: [f('Member', shortHex(d.member)), f('Reason', d.reason, false)],
  }),
  'member.removed': (d) => ({
    title: 'Member removed',
    color: RED,
    fields: [f('Member', shortHex(d.member)), f('Reason', d.reason, false)],
  }),
  'withdrawal.requested': (d) => ({
    title: 'Withdrawal requested',
    color: BLUE,
    fields: [f('Member', shortHex(d.member)), f('Amount', shortAmount(d.amount)), f('Status', d.status)],
  }),
  'withdrawal.approved': (d) => ({
    title: 'Withdrawal approved',
    color: GREEN,
    fields: [f('Recipient', shortHex(d.recipient)), f('Amount', shortAmount(d.amount))],
  }),
  'withdrawal.paid': (d) => ({
    title: 'Withdrawal paid',
    color: GREEN,
    fields: [f('Member', shortHex(d.member)), f('Amount', shortAmount(d.amount)), f('Transaction', shortHex(d.txHash))],
  }),
  'chain.fact_retracted': (d) => ({
    title: d.fact === 'deposit' ? 'Deposit retracted by a chain reorganisation' : 'Withdrawal retracted by a chain reorganisation',
    description: `Block ${d.blockNumber} left the chain; the balance no longer counts it. If the new chain holds the transaction, it is confirmed again.`,
    color: AMBER,
    fields: [f('Member', shortHex(d.member)), f('Amount', shortAmount(d.amount)), f('Transaction', shortHex(d.txHash))],
  }),
  'webhook.endpoint_disabled': (d) => ({
    title: 'Webhook endpoint disabled',
    description: d.reason === 'gone' ? 'The receiver answered 410 Gone.' : 'Deliveries kept failing for 5 days.',
    color: RED,
    fields: [f('Endpoint', d.endpointId), f('URL', d.url, false)],
  }),
  'processing.stream_quarantined': (d) => ({
    title: 'Processing paused for one stream',
    description: `The ${d.processor} processor could not apply ${d.eventType}: ${d.reason}. Other streams carry on; an admin resumes this one after a fix.`,
    color: RED,
    fields: [f('Stream', d.streamId, false), f('Log position', d.failedAt)],
  }),
  'dao.deployment_failed': (d) => ({
    title: 'DAO contracts not deployed',
    description: `The chain refused the deployment: ${d.reason}. It is not retried; the DAO has no treasury until the cause is fixed.`,
    color: RED,
  }),
  'relayer.balance_low': (d) => ({
    title: 'Relayer balance low',
    description: `The platform's relayer pays for every DAO's transactions on chain ${d.chainId} and is below its floor: top it up before it runs dry, or executions and claims stop.`,
    color: AMBER,
    fields: relayerFields(d),
  }),
  'relayer.balance_restored': (d) => ({
    title: 'Relayer balance restored',
    description: `The platform's relayer on chain ${d.chainId} is back above its floor.`,
    color: GREEN,
    fields: relayerFields(d),
  }),
  ...ROSCA_RENDER,
  ...SHARE_RENDER,
};

function relayerFields(d: NotificationData['relayer.balance_low']): APIEmbedField[] {
  return [f('Relayer', d.relayer, false), f('Balance', shortAmount(d.balance)), f('Floor', shortAmount(d.floor))];
}

/** The words of the link line, by the page it opens. */
const LINK_TEXT: { readonly [P in AppPage]: string } = {
  home: 'Open Ayllu',
  platformAdmin: 'Open the platform admin page',
  dao: 'Open the pool',
  proposals: 'Open the proposals',
  newProposal: 'Write a proposal',
  proposal: 'Open the proposal',
  treasury: 'Open the treasury',
  safeTransaction: 'Open the Safe transaction',
  daoAdmin: "Open the DAO's admin page",
  withdrawals: 'Open the withdrawals',
  rotatingPool: 'Open the rotating pool',
  sharePool: 'Open the share pool',
};

/**
 * Discord refuses a whole message (400 `{"embeds": ["0"]}`) whose embed `url` names a host without a dot, such as
 * `localhost` or a container's name; an IPv4 address or a full domain name passes. Such a link stays in the text only.
 */
const discordTakesAsEmbedUrl = (link: string): boolean => {
  try {
    const host = new URL(link).hostname;
    return host.includes('.') && !host.endsWith('.') && !host.startsWith('[');
  } catch {
    return false;
  }
};

/**
 * A Discord webhook message for a notification, always within Discord's limits. The description ends with the
 * link to the app page where the reader acts (room for the line is kept before anything is trimmed, so it is
 * never the part cut), and the title links there too where Discord takes the URL.
 */
export const toDiscordMessage = (envelope: NotificationEnvelope): RESTPostAPIWebhookWithTokenJSONBody => {
  const render = RENDER[envelope.type] as (d: unknown) => Rendered;
  const r = render(envelope.data);
  const { page } = notificationPage(envelope.type, envelope.daoId, envelope.data);
  // Angle brackets keep Discord from unfurling the app's page under the message.
  const line = `[${LINK_TEXT[page]}](<${envelope.link}>)`;
  const fitted = fitDiscordLimits(
    {
      username: 'Ayllu',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: r.title,
          ...(discordTakesAsEmbedUrl(envelope.link) ? { url: envelope.link } : {}),
          ...(r.description ? { description: r.description } : {}),
          color: r.color,
          fields: r.fields ?? [],
          timestamp: envelope.timestamp,
          footer: { text: `${envelope.type} · ${envelope.id} · #${envelope.logPosition}` },
        },
      ],
    },
    [...line].length + 2,
  );
  const [embed] = fitted.embeds!;
  return { ...fitted, embeds: [{ ...embed, description: embed.description ? `${embed.description}\n\n${line}` : line }] };
};
