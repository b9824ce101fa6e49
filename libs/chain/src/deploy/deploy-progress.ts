import type { Address, Hash, PublicClient } from 'viem';

type ReceiptWaiter = Pick<PublicClient, 'waitForTransactionReceipt'>;

/**
 * What a long deployment reports as it goes, one piece (`step`) at a time: the piece is started, each of its
 * transactions is sent (hash known, not yet mined), and the piece is confirmed with the block of its last
 * transaction. Callers decide how to show it (the CLIs print one line each); the library never prints.
 */
export type DeployProgress<Step extends string = string> =
  | { readonly kind: 'started'; readonly step: Step }
  | { readonly kind: 'sent'; readonly step: Step; readonly transactionHash: Hash }
  | {
      readonly kind: 'confirmed';
      readonly step: Step;
      /** The piece's contract, when it is one. */
      readonly address?: Address;
      /** The block of the piece's last transaction (undefined when it sent none, e.g. already deployed). */
      readonly blockNumber?: bigint;
      readonly transactions: number;
      readonly elapsedMs: number;
    };

export type OnDeployProgress<Step extends string = string> = (event: DeployProgress<Step>) => void;

/** A client whose reads are the given one's, and whose receipt waits report to the step that is running. */
export type ProgressTracker<Step extends string, Client extends ReceiptWaiter = PublicClient> = {
  readonly public: Client;
  /** Runs one piece, reporting `started` before and `confirmed` (with `address(result)`) after. */
  step<T>(step: Step, run: () => Promise<T>, address?: (result: T) => Address | undefined): Promise<T>;
};

/**
 * Wraps `client` so every transaction the deploy code waits for is reported against the running step. The deploy
 * functions already wait through `public.waitForTransactionReceipt` right after sending, so this sees every
 * transaction without each of them having to know about progress. Steps run one after another.
 */
export function trackProgress<Step extends string, Client extends ReceiptWaiter>(
  client: Client,
  onProgress: OnDeployProgress<Step> | undefined,
  now: () => number = () => performance.now(),
): ProgressTracker<Step, Client> {
  if (!onProgress) return { public: client, step: (_step, run) => run() };
  let current: { step: Step; transactions: number; blockNumber?: bigint } | undefined;
  const waitForTransactionReceipt: ReceiptWaiter['waitForTransactionReceipt'] = async (args) => {
    const running = current;
    if (running) onProgress({ kind: 'sent', step: running.step, transactionHash: args.hash });
    const receipt = await client.waitForTransactionReceipt(args);
    if (running) {
      running.transactions += 1;
      running.blockNumber = receipt.blockNumber;
    }
    return receipt;
  };
  // viem's clients are plain objects of closures over their transport: a copy with one action replaced is a client.
  const observed = { ...client, waitForTransactionReceipt } as Client;
  return {
    public: observed,
    async step(step, run, address) {
      const started = now();
      current = { step, transactions: 0 };
      const running = current;
      onProgress({ kind: 'started', step });
      try {
        const result = await run();
        const contract = address?.(result);
        onProgress({
          kind: 'confirmed',
          step,
          ...(contract && { address: contract }),
          ...(running.blockNumber !== undefined && { blockNumber: running.blockNumber }),
          transactions: running.transactions,
          elapsedMs: now() - started,
        });
        return result;
      } finally {
        current = undefined;
      }
    },
  };
}

/** How a step is named in progress lines: a contract's name, or what is being done and what got done. */
export type StepLabel = string | { readonly doing: string; readonly done: string };

/**
 * One line for a progress event, as the CLIs print it: `→ deploying timelock…`, `✓ timelock 0x… (block 7, 1.2 s)`;
 * a step that deploys no contract names itself, e.g. `→ handing the Safe over…`, `✓ Safe handed over (…)`.
 */
export function formatDeployProgress<Step extends string>(
  event: DeployProgress<Step>,
  label: (step: Step) => StepLabel = (step) => step,
): string {
  const name = label(event.step);
  const doing = typeof name === 'string' ? `deploying ${name}` : name.doing;
  const done = typeof name === 'string' ? name : name.done;
  switch (event.kind) {
    case 'started':
      return `→ ${doing}…`;
    case 'sent':
      return `  sent ${event.transactionHash}, waiting for it to be mined…`;
    case 'confirmed': {
      const where = [
        event.blockNumber !== undefined ? `block ${event.blockNumber}` : 'nothing sent',
        ...(event.transactions > 1 ? [`${event.transactions} transactions`] : []),
        `${(event.elapsedMs / 1000).toFixed(1)} s`,
      ].join(', ');
      return `✓ ${done}${event.address ? ` ${event.address}` : ''} (${where})`;
    }
    default: {
      const unknown: never = event;
      return String(unknown);
    }
  }
}
