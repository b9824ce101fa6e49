import type { Hash, Hex } from '../shared/hex';
import type { Address } from '../shared/address';
import { assertNever } from '../shared/decider';
import type {
  ChainPosition,
  DaoContracts,
  OperationCall,
  RoscaOrganiserAction,
  SharePoolCreatorAction,
  SafeTransactionFields,
  SafeTransactionPurpose,
  TreasuryEvent,
} from './treasury-events';

/** `Abandoned`: it can never run as signed; the platform stopped trying (`reason` says why). */
export type SafeTransactionStatus = 'AwaitingSignatures' | 'Executed' | 'Failed' | 'Replaced' | 'Abandoned';

export interface QueuedSafeTransaction {
  readonly safeTxHash: Hash;
  /** Null for the DAO's own transactions (purposes `enable_module`, `rosca_organiser`). */
  readonly proposalId: string | null;
  readonly purpose: SafeTransactionPurpose;
  /** Purpose `rosca_organiser` only: the pool's command it carries out. */
  readonly organiserAction?: RoscaOrganiserAction;
  /** Purpose `share_pool_creator` only: what the Safe does to the share pool. */
  readonly sharePoolAction?: SharePoolCreatorAction;
  readonly nonce: bigint;
  readonly transaction: SafeTransactionFields;
  readonly operationId: Hash;
  readonly salt: Hash;
  readonly calls: readonly OperationCall[];
  readonly status: SafeTransactionStatus;
  /** Signer → signature, in the order they arrived. */
  readonly signatures: ReadonlyMap<Address, Hex>;
  readonly txHash: Hash | null;
  /** Why it was abandoned; for an executed `rosca_organiser` transaction, why the pool's log refused its command. */
  readonly reason: string | null;
}

export type OperationStatus = 'Scheduled' | 'Executed' | 'Failed' | 'Cancelled';

export interface TimelockOperation {
  readonly operationId: Hash;
  readonly proposalId: string;
  readonly eta: string;
  readonly status: OperationStatus;
  readonly reason: string | null;
  readonly txHash: Hash;
}

export type TreasuryState =
  | { readonly status: 'Undeployed' }
  /** The chain refused the deployment for good (see DaoDeploymentFailed); nothing on chain to act on. */
  | { readonly status: 'DeploymentFailed'; readonly daoId: string; readonly reason: string; readonly failedAt: string }
  | {
      readonly status: 'Deployed';
      readonly daoId: string;
      readonly contracts: DaoContracts;
      /** The Safe existed before the DAO (attached at creation) rather than being deployed for it. */
      readonly attached: boolean;
      /**
       * Whether the Safe has the DAO's module enabled, so the timelock can act as the Safe: at once for a Safe
       * the platform deployed (its bootstrap enables it), after the setup transaction for an attached one.
       */
      readonly moduleEnabled: boolean;
      readonly transactions: ReadonlyMap<Hash, QueuedSafeTransaction>;
      readonly operations: ReadonlyMap<Hash, TimelockOperation>;
      /** The last owner, threshold or delay change taken from the chain (null: none since deployment). */
      readonly chainPosition: ChainPosition | null;
      /** Every change taken from the chain, oldest first, with what it replaced: what a reorg undoes. */
      readonly chainChanges: readonly AppliedTreasuryChange[];
    };
export interface AppliedTreasuryChange {
  readonly chain: ChainPosition;
  readonly before: Pick<DaoContracts, 'owners' | 'threshold' | 'timelockDelaySeconds'>;
  readonly positionBefore: ChainPosition | null;
}

export type DeployedTreasury = Extract<TreasuryState, { status: 'Deployed' }>;

export const initialTreasuryState = (): TreasuryState => ({ status: 'Undeployed' });

const withTx = (state: DeployedTreasury, hash: Hash, change: Partial<QueuedSafeTransaction>): DeployedTreasury => {
  const current = state.transactions.get(hash);
  if (!current) return state;
  return { ...state, transactions: new Map(state.transactions).set(hash, { ...current, ...change }) };
};

const withOperation = (state: DeployedTreasury, id: Hash, change: Partial<TimelockOperation>): DeployedTreasury => {
  const current = state.operations.get(id);
  if (!current) return state;
  return { ...state, operations: new Map(state.operations).set(id, { ...current, ...change }) };
};

const sameSigner = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

export const evolveTreasury = (state: TreasuryState, event: TreasuryEvent): TreasuryState => {
  if (event.type === 'DaoContractsDeployed') {
    if (state.status === 'Deployed') return state;
    const { daoId, attached, deployedAt: _at, ...contracts } = event.data;
    return {
      status: 'Deployed',
      daoId,
      contracts,
      attached,
      moduleEnabled: !attached,
      transactions: new Map(),
      operations: new Map(),
      chainPosition: null,
      chainChanges: [],
    };
  }
  if (event.type === 'DaoDeploymentFailed') {
    if (state.status !== 'Undeployed') return state;
    const { daoId, reason, failedAt } = event.data;
    return { status: 'DeploymentFailed', daoId, reason, failedAt };
  }
  if (state.status !== 'Deployed') return state;
  switch (event.type) {
    case 'SafeTransactionProposed': {
      const { daoId: _dao, proposedAt: _at, ...tx } = event.data;
      const queued: QueuedSafeTransaction = { ...tx, status: 'AwaitingSignatures', signatures: new Map(), txHash: null, reason: null };
      return { ...state, transactions: new Map(state.transactions).set(tx.safeTxHash, queued) };
    }
    case 'SafeTransactionSignatureAdded': {
      const current = state.transactions.get(event.data.safeTxHash);
      if (!current) return state;
      const signatures = new Map(current.signatures).set(event.data.signer, event.data.signature);
      return withTx(state, event.data.safeTxHash, { signatures });
    }
    case 'SafeTransactionSignatureReplaced': {
      const current = state.transactions.get(event.data.safeTxHash);
      if (!current) return state;
      const signatures = new Map([...current.signatures].filter(([signer]) => !sameSigner(signer, event.data.signer)));
      return withTx(state, event.data.safeTxHash, { signatures: signatures.set(event.data.signer, event.data.signature) });
    }
    case 'SafeTransactionSignatureDropped': {
      const current = state.transactions.get(event.data.safeTxHash);
      if (!current) return state;
      const signatures = new Map([...current.signatures].filter(([signer]) => !sameSigner(signer, event.data.signer)));
      return withTx(state, event.data.safeTxHash, { signatures });
    }
    case 'SafeTransactionAbandoned':
      return withTx(state, event.data.safeTxHash, { status: 'Abandoned', reason: event.data.reason });
    case 'SafeTransactionExecuted':
      return withTx(state, event.data.safeTxHash, {
        status: event.data.success ? 'Executed' : 'Failed',
        txHash: event.data.txHash,
      });
    case 'SafeTransactionReplaced':
      return withTx(state, event.data.safeTxHash, { status: 'Replaced' });
    case 'SafeModuleEnabled':
      return { ...state, moduleEnabled: true };
    case 'RoscaOrganiserActionRefused':
    case 'SharePoolCreatorActionRefused':
      return withTx(state, event.data.safeTxHash, { reason: `${event.data.code}: ${event.data.reason}` });
    case 'TimelockOperationScheduled': {
      const { operationId, proposalId, eta, txHash } = event.data;
      const operation: TimelockOperation = { operationId, proposalId, eta, txHash, status: 'Scheduled', reason: null };
      return { ...state, operations: new Map(state.operations).set(operationId, operation) };
    }
    case 'TimelockOperationExecuted':
      return withOperation(state, event.data.operationId, { status: 'Executed', txHash: event.data.txHash });
    case 'TimelockOperationFailed':
      return withOperation(state, event.data.operationId, { status: 'Failed', reason: event.data.reason });
    case 'TimelockOperationCancelled':
      return withOperation(state, event.data.operationId, { status: 'Cancelled', txHash: event.data.txHash });
    case 'SafeOwnerAdded': {
      // The Safe puts an added owner at the head of its list; keep its order.
      const owners = [event.data.owner, ...state.contracts.owners.filter((o) => o.toLowerCase() !== event.data.owner.toLowerCase())];
      return withContracts(state, { owners }, event.data.chain);
    }
    case 'SafeOwnerRemoved': {
      const owners = state.contracts.owners.filter((o) => o.toLowerCase() !== event.data.owner.toLowerCase());
      return withContracts(state, { owners }, event.data.chain);
    }
    case 'SafeThresholdChanged':
      return withContracts(state, { threshold: event.data.threshold }, event.data.chain);
    case 'TimelockDelayChanged':
      return withContracts(state, { timelockDelaySeconds: event.data.delaySeconds }, event.data.chain);
    case 'TreasuryChainChangesRetracted': {
      const { owners, threshold, timelockDelaySeconds, chainPosition, rewoundTo } = event.data;
      return {
        ...state,
        contracts: { ...state.contracts, owners, threshold, timelockDelaySeconds },
        chainPosition,
        chainChanges: state.chainChanges.filter((c) => c.chain.blockNumber <= rewoundTo),
      };
    }
    default:
      return assertNever(event);
  }
};

const withContracts = (state: DeployedTreasury, change: Partial<DaoContracts>, chainPosition: ChainPosition): DeployedTreasury => {
  const { owners, threshold, timelockDelaySeconds } = state.contracts;
  const applied = { chain: chainPosition, before: { owners, threshold, timelockDelaySeconds }, positionBefore: state.chainPosition };
  return {
    ...state,
    contracts: { ...state.contracts, ...change },
    chainPosition,
    chainChanges: [...state.chainChanges, applied],
  };
};

/** The Safe transactions of a proposal, oldest first. */
export const transactionsOf = (state: DeployedTreasury, proposalId: string): QueuedSafeTransaction[] =>
  [...state.transactions.values()].filter((tx) => tx.proposalId === proposalId);

/** The DAO's setup transactions (an attached Safe enabling the module relay), oldest first. */
export const setupTransactionsOf = (state: DeployedTreasury): QueuedSafeTransaction[] =>
  [...state.transactions.values()].filter((tx) => tx.purpose === 'enable_module');

/** The DAO's Safe transactions acting as a rotating pool's organiser (all pools, or `poolId`'s), oldest first. */
export const organiserTransactionsOf = (state: DeployedTreasury, poolId?: string): QueuedSafeTransaction[] =>
  [...state.transactions.values()].filter(
    (tx) => tx.purpose === 'rosca_organiser' && (poolId === undefined || tx.organiserAction?.poolId === poolId),
  );

/** The DAO's Safe transactions acting as a share pool's creator (all pools, or `poolId`'s), oldest first. */
export const sharePoolCreatorTransactionsOf = (state: DeployedTreasury, poolId?: string): QueuedSafeTransaction[] =>
  [...state.transactions.values()].filter(
    (tx) => tx.purpose === 'share_pool_creator' && (poolId === undefined || tx.sharePoolAction?.poolId === poolId),
  );

export const operationOf = (state: DeployedTreasury, proposalId: string): TimelockOperation | undefined =>
  [...state.operations.values()].find((op) => op.proposalId === proposalId);
