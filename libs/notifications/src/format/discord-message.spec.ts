import type { APIEmbed, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { NOTIFICATION_EXAMPLES } from '../catalogue/notification-examples';
import { NOTIFICATION_TYPES, type NotificationEnvelope, type NotificationType } from '../catalogue/notification-types';
import { DISCORD_LIMITS, embedCharacters, fitDiscordLimits } from './discord-limits';
import { toDiscordMessage } from './discord-message';
import { withLink } from '../links/notification-page';
import { shortAmount, shortHex } from './shorten';

const envelope = <T extends NotificationType>(
  type: T,
  data = NOTIFICATION_EXAMPLES[type],
  publicUrl = 'https://ayllu.example.org',
): NotificationEnvelope =>
  withLink(
    {
      id: '0b7e6c5a-1d2f-5e3a-9b8c-7d6e5f4a3b2c',
      type,
      timestamp: '2026-11-21T10:00:00.000Z',
      daoId: 'dao_x',
      logPosition: '42',
      eventId: 'e',
      data,
    } as Omit<NotificationEnvelope, 'link'>,
    publicUrl,
  );

const expectWithinLimits = (message: RESTPostAPIWebhookWithTokenJSONBody) => {
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    expect([...(embed.title ?? '')].length).toBeLessThanOrEqual(256);
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(4096);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect([...field.name].length).toBeLessThanOrEqual(256);
      expect([...field.value].length).toBeLessThanOrEqual(1024);
      expect(field.value.length).toBeGreaterThan(0);
    }
    total += embedCharacters(embed);
  }
  expect(total).toBeLessThanOrEqual(6000);
};

describe('Discord messages', () => {
  it.each(NOTIFICATION_TYPES)('renders %s within the limits, naming the notification id and log position', (type) => {
    const message = toDiscordMessage(envelope(type));
    expectWithinLimits(message);
    expect(message.embeds![0].footer!.text).toContain('#42');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const { link } = envelope(type);
    expect(message.embeds![0].url).toBe(link);
    expect(message.embeds![0].description).toMatch(new RegExp(`\\[[^\\]]+\\]\\(<${link.replace(/[.?]/g, '\\$&')}>\\)$`));
  });

  it('ends with a line that opens the page where the reader acts, its title linking there too', () => {
    const message = toDiscordMessage(envelope('safe_transaction.signatures_needed'));
    const { safeTxHash } = NOTIFICATION_EXAMPLES['safe_transaction.signatures_needed'];
    const link = `https://ayllu.example.org/daos/dao_x/treasury/${safeTxHash}`;
    expect(message.embeds![0].url).toBe(link);
    expect(message.embeds![0].description).toBe(`[Open the Safe transaction](<${link}>)`);
    const vote = toDiscordMessage(envelope('proposal.created')).embeds![0];
    expect(vote.description).toBe(
      `Pay the well repair invoice\n\n[Open the proposal](<https://ayllu.example.org/daos/dao_x/proposals/${NOTIFICATION_EXAMPLES['proposal.created'].proposalId}>)`,
    );
  });

  it('links the title only where Discord takes the URL (it refuses a host without a dot), keeping the line', () => {
    for (const publicUrl of ['http://localhost:3000', 'http://ayllu:3000', 'http://[::1]:3000']) {
      const embed = toDiscordMessage(envelope('member.joined', undefined, publicUrl)).embeds![0];
      expect(embed.url).toBeUndefined();
      expect(embed.description).toBe(`[Open the pool](<${publicUrl}/daos/dao_x>)`);
    }
    expect(toDiscordMessage(envelope('member.joined', undefined, 'http://127.0.0.1:3000')).embeds![0].url).toBe(
      'http://127.0.0.1:3000/daos/dao_x',
    );
  });

  it('keeps the link whole when a huge description is trimmed', () => {
    const long = 'Ω'.repeat(10_000);
    const publicUrl = `https://ayllu.example.org/${'p'.repeat(900)}`;
    const message = toDiscordMessage(
      envelope('proposal.vetoed', { ...NOTIFICATION_EXAMPLES['proposal.vetoed'], description: long, reason: long }, publicUrl),
    );
    expectWithinLimits(message);
    const { proposalId } = NOTIFICATION_EXAMPLES['proposal.vetoed'];
    expect(message.embeds![0].description).toMatch(
      /^Ω+…\n\n\[Open the proposal\]\(<https:\/\/ayllu\.example\.org\/p+\/daos\/dao_x\/proposals\/[^>]+>\)$/,
    );
    expect(message.embeds![0].description).toContain(`/proposals/${proposalId}>)`);
  });

  it('shortens addresses and amounts for reading', () => {
    const message = toDiscordMessage(envelope('withdrawal.paid'));
    const text = JSON.stringify(message);
    expect(text).toContain('0x7099…79C8');
    expect(text).not.toContain('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(text).toContain('"value":"250"');
    expect(shortAmount('1250000000000000000000')).toBe('1.25K');
    expect(shortHex('dao_123')).toBe('dao_123');
  });

  it('keeps a huge proposal and 1,000 members within every limit', () => {
    const long = 'Ω'.repeat(10_000);
    expectWithinLimits(
      toDiscordMessage(envelope('proposal.vetoed', { ...NOTIFICATION_EXAMPLES['proposal.vetoed'], description: long, reason: long })),
    );
    const members = Array.from({ length: 1000 }, (_, i) => `0x${i.toString(16).padStart(40, '0')}`);
    expectWithinLimits(
      toDiscordMessage(envelope('proposal.voting_ends_soon', { ...NOTIFICATION_EXAMPLES['proposal.voting_ends_soon'], notVoted: members })),
    );
    const fields = members.map((member) => ({ name: shortHex(member), value: '1.5 / month', inline: true }));
    const listed = fitDiscordLimits({ embeds: [{ title: 'Members', fields }] });
    expectWithinLimits(listed);
    expect(listed.embeds![0].fields!.at(-1)!.value).toMatch(/^\+\d+ more$/);
  });

  it('trims to 6,000 characters across ten embeds', () => {
    const embed: APIEmbed = {
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2000) })),
    };
    expectWithinLimits(fitDiscordLimits({ embeds: Array.from({ length: 12 }, () => embed) }));
  });
});
