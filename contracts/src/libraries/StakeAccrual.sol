// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title StakeAccrual
/// @notice The shares a staking position earns: `amount × seconds × rate`, where the rate is shares per token-wei
/// per second scaled by RATE_SCALE, plus the fraction carried from the last time the position was touched.
library StakeAccrual {
    uint256 internal constant RATE_SCALE = 1e36;

    /// @return shares The whole shares earned, at most `cap` (the pool's available shares).
    /// @return carry The fraction (scaled by RATE_SCALE) left for next time; 0 when the cap cut the earnings
    /// (what the cap cuts off is dropped), also when the product would not fit 256 bits (far beyond any cap).
    function earned(uint256 amount, uint256 elapsed, uint256 rate, uint256 carried, uint256 cap)
        internal
        pure
        returns (uint256 shares, uint256 carry)
    {
        if (amount == 0) return (0, carried);
        (bool ok1, uint256 weight) = Math.tryMul(amount, elapsed);
        (bool ok2, uint256 scaled) = Math.tryMul(weight, rate);
        (bool ok3, uint256 total) = Math.tryAdd(scaled, carried);
        if (!(ok1 && ok2 && ok3)) return (cap, 0);
        shares = total / RATE_SCALE;
        carry = total % RATE_SCALE;
        if (shares > cap) return (cap, 0);
    }
}
