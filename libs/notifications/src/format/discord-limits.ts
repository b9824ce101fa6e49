import type { APIEmbed, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';

/** Discord's documented embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embeds: 10,
  totalCharacters: 6000,
  content: 2000,
} as const;

const cut = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};
const length = (text: string | undefined) => (text ? [...text].length : 0);

/** Characters Discord counts toward the 6,000 per message: titles, descriptions, fields, footers, authors. */
export const embedCharacters = (embed: APIEmbed): number =>
  length(embed.title) +
  length(embed.description) +
  length(embed.footer?.text) +
  length(embed.author?.name) +
  (embed.fields ?? []).reduce((n, f) => n + length(f.name) + length(f.value), 0);

/**
 * Trims a message into Discord's limits, so a long proposal description or a long list of members never
 * makes the message bounce: fields beyond 25 become a "+N more" field, and text is shortened from the
 * description first when the total exceeds 6,000. `reserve` characters are left free in the first embed's
 * description and in the total, for a line the caller appends afterwards (the link to the app).
 */
export const fitDiscordLimits = (message: RESTPostAPIWebhookWithTokenJSONBody, reserve = 0): RESTPostAPIWebhookWithTokenJSONBody => {
  const embeds = (message.embeds ?? []).slice(0, DISCORD_LIMITS.embeds).map((embed, index): APIEmbed => {
    let fields = (embed.fields ?? []).map((f) => ({
      ...f,
      name: cut(f.name, DISCORD_LIMITS.fieldName),
      value: cut(f.value || '—', DISCORD_LIMITS.fieldValue),
    }));
    if (fields.length > DISCORD_LIMITS.fields) {
      const hidden = fields.length - (DISCORD_LIMITS.fields - 1);
      fields = [...fields.slice(0, DISCORD_LIMITS.fields - 1), { name: 'More', value: `+${hidden} more`, inline: false }];
    }
    return {
      ...embed,
      ...(embed.title === undefined ? {} : { title: cut(embed.title, DISCORD_LIMITS.title) }),
      ...(embed.description === undefined
        ? {}
        : { description: cut(embed.description, DISCORD_LIMITS.description - (index === 0 ? reserve : 0)) }),
      ...(embed.footer ? { footer: { ...embed.footer, text: cut(embed.footer.text, DISCORD_LIMITS.footerText) } } : {}),
      fields,
    };
  });
  let total = embeds.reduce((n, e) => n + embedCharacters(e), 0);
  const budget = DISCORD_LIMITS.totalCharacters - reserve;
  for (let i = embeds.length - 1; i >= 0 && total > budget; i--) {
    const embed = embeds[i];
    const over = total - budget;
    const description = length(embed.description);
    if (description > 0) {
      const keep = Math.max(0, description - over - 1);
      embeds[i] = { ...embed, description: keep > 0 ? cut(embed.description!, keep + 1) : '…' };
      total = embeds.reduce((n, e) => n + embedCharacters(e), 0);
    }
    while (total > budget && (embeds[i].fields?.length ?? 0) > 0) {
      const fields = embeds[i].fields!.slice(0, -1);
      embeds[i] = { ...embeds[i], fields };
      total = embeds.reduce((n, e) => n + embedCharacters(e), 0);
    }
  }
  return {
    ...message,
    ...(message.content === undefined ? {} : { content: cut(message.content, DISCORD_LIMITS.content) }),
    embeds,
  };
};
