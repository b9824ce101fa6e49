import { chainName } from './config';

/** Thrown before a write when the wallet is on another chain and would not switch. */
export class WrongChainError extends Error {
  constructor(
    readonly walletChainId: number,
    readonly daoChainId: number,
    readonly reason: string,
  ) {
    super(
      `Your wallet is on ${chainName(walletChainId)}, but this DAO lives on ${chainName(daoChainId)} (chain id ${daoChainId}). ` +
        `Switch to ${chainName(daoChainId)} in your wallet, then try again. ${reason}`.trim(),
    );
  }
}

export class NoWalletError extends Error {
  constructor() {
    super('Connect your wallet first: use “Connect wallet” at the top of the page.');
  }
}

const codeOf = (error: unknown): number | undefined => {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/** Whether the person declined the request in their wallet (EIP-1193 4001). */
export const isRefusal = (error: unknown) =>
  codeOf(error) === 4001 || (error instanceof Error && /user rejected|user denied|rejected the request/i.test(error.message));

/** A wallet failure in words a person can act on, or null when it is not a wallet failure. */
export const walletMessage = (error: unknown): { title: string; detail: string } | null => {
  if (error instanceof WrongChainError) return { title: 'Wrong network', detail: error.message };
  if (error instanceof NoWalletError) return { title: 'No wallet connected', detail: error.message };
  if (isRefusal(error))
    return {
      title: 'You declined in your wallet',
      detail: 'Nothing was signed or sent. When you are ready, press the button again and approve the request in your wallet.',
    };
  if (codeOf(error) === 4100)
    return {
      title: 'Your wallet did not authorise this site',
      detail: 'Connect your wallet again and allow this site to see your account.',
    };
  if (error instanceof Error && /reverted|execution reverted/i.test(error.message))
    return {
      title: 'The chain refused the transaction',
      detail: `${error.message.split('\n')[0]} — check the amount and your token balance, then try again.`,
    };
  return null;
};
