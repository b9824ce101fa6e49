import { randomBytes } from 'node:crypto';

/** Time-ordered, unguessable ids: `<prefix>_` + 12 hex of milliseconds + 16 random hex. */
export const newId = (prefix: 'dao' | 'prop' | 'wd' | 'rosca' | 'share'): string =>
  `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
