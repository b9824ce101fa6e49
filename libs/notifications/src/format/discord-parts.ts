import type { APIEmbedField } from 'discord-api-types/v10';
import { shortHex } from './shorten';

/** The pieces every Discord renderer is drawn with. */
export const GREEN = 0x2ecc71;
export const RED = 0xe74c3c;
export const BLUE = 0x3498db;
export const AMBER = 0xf1c40f;
export const GREY = 0x95a5a6;

export interface Rendered {
  readonly title: string;
  readonly description?: string;
  readonly color: number;
  readonly fields?: APIEmbedField[];
}

export const f = (name: string, value: string, inline = true): APIEmbedField => ({ name, value: value || '—', inline });
export const who = (list: readonly string[]) => (list.length ? list.map(shortHex).join(', ') : 'nobody');
export const when = (iso: string) => {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:f>` : iso;
};
