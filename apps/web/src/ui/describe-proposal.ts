import { amountOf, perMonth, shortAddress, type TokenUnits } from './format';

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The tokens a proposal's amounts are counted in: the vault's asset and the payout Super Token. */
export interface ProposalTokens {
  readonly asset?: TokenUnits;
  readonly payout?: TokenUnits;
}

const EIGHTEEN: TokenUnits = { decimals: 18 };

/** What a proposal will do once executed, in words; amounts in the DAO's tokens when known (else 18 decimals, "tokens"). */
export const describeProposal = (type: string, payload: Payload, units: ProposalTokens = {}): string => {
  const asset = units.asset ?? EIGHTEEN;
  const payout = units.payout ?? EIGHTEEN;
  switch (type) {
    case 'DISTRIBUTE_YIELDS':
      if (payload.mode === 'stream')
        return `Stream the treasury's yield to members: ${perMonth(str(payload.flowRatePerSecond), payout.decimals)} ${payout.symbol || 'tokens'} a month (${str(payload.flowRatePerSecond)} of its smallest unit a second), shared by pool units; the platform fee goes to the fee collector.`;
      if (payload.mode === 'instant')
        return `Pay ${amountOf(str(payload.amount), payout, 4)} from the treasury to members at once, shared by pool units.`;
      return 'Stop the yield stream to members.';
    case 'ADD_MEMBER':
      return `Admit ${str(payload.member)} as a member${payload.units ? ` with ${str(payload.units)} pool units` : ''}.`;
    case 'REMOVE_MEMBER':
      return `Remove ${str(payload.member)}: their pool units go to zero and their balance is paid out (reason: ${str(payload.reason)}).`;
    case 'WITHDRAW_FUNDS':
      return `Let ${shortAddress(str(payload.recipient))} withdraw ${amountOf(str(payload.amount), asset, 4)} from the vault${payload.withdrawalId ? ' (their large withdrawal request)' : ''}.`;
    case 'CHANGE_PARAMETERS':
      return `Change the DAO's rules: ${Object.entries((payload.changes ?? {}) as Payload)
        .map(([k, v]) => `${k} → ${str(v)}`)
        .join(', ')}. Proposals made after it runs follow the new rules.`;
    case 'CHANGE_STRATEGY':
      return `Move the vault's idle funds to the yield strategy at ${str(payload.strategy)}.`;
    case 'UPGRADE_CONTRACT':
      return `Upgrade the vault's code to the implementation at ${str(payload.implementation)}.`;
    default:
      return `${type}: ${JSON.stringify(payload)}`;
  }
};

export const PROPOSAL_TYPE_NAMES: Record<string, string> = {
  DISTRIBUTE_YIELDS: 'Distribute yield',
  ADD_MEMBER: 'Admit a member',
  REMOVE_MEMBER: 'Remove a member',
  WITHDRAW_FUNDS: 'Pay out funds',
  CHANGE_PARAMETERS: 'Change the rules',
  CHANGE_STRATEGY: 'Change the yield strategy',
  UPGRADE_CONTRACT: 'Upgrade the vault',
};
