import type { TestApi } from '../../support/api';
import type { SignedActionName } from '../../support/signing';
import type { AccessWorld, Role } from './access-world';

/** One write (or admin read) route of the access matrix, and who may use it. */
export interface WriteRoute {
  readonly name: string;
  readonly method: string;
  /** `extra`: what the route's `prepare` made (a key to revoke, a wallet to remove, a pool). */
  readonly path: (w: AccessWorld, extra: Record<string, string>) => string;
  /** Sets up what the route acts on, before the state is fingerprinted. */
  readonly prepare?: (api: TestApi, w: AccessWorld) => Promise<Record<string, string>>;
  /** Signed member writes: the action and the intent a role would sign. */
  readonly signed?: {
    action: SignedActionName;
    intent: (w: AccessWorld, address: string, extra: Record<string, string>) => Record<string, unknown>;
  };
  /** Admin writes: the body the admin sends. */
  readonly body?: (w: AccessWorld, extra: Record<string, string>) => unknown;
  readonly allowed: readonly Role[];
}
