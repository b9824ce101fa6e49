// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISharePool} from "../interfaces/ISharePool.sol";

/// @title SharePoolConfigCheck
/// @notice The constructor's checks of a share pool's configuration: every way in has what it needs, and nothing is
/// configured for a way in the pool does not offer (a deadline without a target, a staking token without a rate).
library SharePoolConfigCheck {
    /// @return c The configuration, unchanged, so a constructor can check it before its base constructors use it.
    function validated(ISharePool.SharePoolConfig memory c) internal view returns (ISharePool.SharePoolConfig memory) {
        if (c.distributionToken == address(0) || c.gdaForwarder == address(0) || c.creator == address(0)) {
            revert ISharePool.SharePoolZeroAddress();
        }
        if (c.operator == address(0)) revert ISharePool.SharePoolZeroAddress();
        if (c.creatorShares > 10_000) revert ISharePool.SharePoolInvalidConfig("creatorShares");
        bool needsPurchaseToken = c.pricePerShare > 0 || c.crowdfundingTarget > 0;
        if (needsPurchaseToken && c.purchaseToken == address(0)) revert ISharePool.SharePoolInvalidConfig("purchaseToken");
        if (c.crowdfundingTarget > 0 ? c.crowdfundingDeadline <= block.timestamp : c.crowdfundingDeadline != 0) {
            revert ISharePool.SharePoolInvalidConfig("crowdfundingDeadline");
        }
        if ((c.stakingRate == 0) != (c.stakingToken == address(0))) revert ISharePool.SharePoolInvalidConfig("staking");
        return c;
    }
}
