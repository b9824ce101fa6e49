/** A webhook URL fit for logs, events and other people's screens: a Discord URL carries its token in the path. */
export const redactUrl = (url: string): string => {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '…';
  }
};
