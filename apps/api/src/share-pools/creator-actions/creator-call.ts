import {
  assignSharesCall,
  distributeCall,
  distributeFlowCall,
  setSharePoolOperatorCall,
  setSharePoolPausedCall,
  type SafeCall,
} from '@ayllu/chain';
import type { DeployedTreasury, ExistingSharePool, SharePoolCreatorAction } from '@ayllu/domain';

/**
 * The Safe's call for a creator action: the pool's `assign(to, shares)`, or the GDAv1Forwarder's `distribute` /
 * `distributeFlow` from the Safe into the pool's GDA pool in its distribution token (as the community pool's payouts),
 * or the pool's `setPaused(bool)` / `setOperator(operator)`.
 */
export const creatorCallOf = (treasury: DeployedTreasury, pool: ExistingSharePool, action: SharePoolCreatorAction): SafeCall => {
  const payout = { forwarder: treasury.contracts.gdaForwarder, token: pool.configuration.distributionToken, pool: pool.gdaPool! };
  switch (action.action) {
    case 'assign':
      return assignSharesCall(pool.contract!, action.to, BigInt(action.shares));
    case 'distribute':
      return distributeCall(payout, treasury.contracts.safe, action.amount);
    case 'stream':
      return distributeFlowCall(payout, treasury.contracts.safe, action.flowRate);
    case 'pause':
    case 'resume':
      return setSharePoolPausedCall(pool.contract!, action.action === 'pause');
    case 'operator':
      return setSharePoolOperatorCall(pool.contract!, action.operator);
  }
};
