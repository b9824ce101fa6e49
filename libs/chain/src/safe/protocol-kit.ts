type ProtocolKit = typeof import('@safe-global/protocol-kit');

let loaded: ProtocolKit | undefined;

/**
 * `@safe-global/protocol-kit`, loaded on first use rather than at start: it brings every chain of `viem/chains`
 * (about 19 MiB of resident memory), which an API or worker that never touches a Safe need not carry.
 */
export const protocolKit = (): ProtocolKit =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load must stay synchronous for its callers
  (loaded ??= require('@safe-global/protocol-kit') as ProtocolKit);
