// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ShareAllocation
/// @notice Splits whole shares in proportion to weights by the largest-remainder method: each weight gets the floor
/// of its exact part; the shares those floors leave over (fewer than the number of weights) go one each to the
/// largest fractional remainders, ties to the earlier weight. A weight can get 0 shares when its exact part is
/// below one and its remainder is not among the largest.
library ShareAllocation {
    /// @param shares The whole shares to split.
    /// @param weights The contributions, in contribution order; their sum must be `total` and positive.
    /// @return allocated Per weight, summing to exactly `shares`.
    function largestRemainder(uint256 shares, uint256[] memory weights, uint256 total)
        internal
        pure
        returns (uint256[] memory allocated)
    {
        uint256 n = weights.length;
        allocated = new uint256[](n);
        uint256[] memory remainders = new uint256[](n);
        uint256 given;
        for (uint256 i = 0; i < n; i++) {
            allocated[i] = Math.mulDiv(shares, weights[i], total);
            // mulmod keeps the remainder exact where shares * weight would not fit 256 bits.
            remainders[i] = mulmod(shares, weights[i], total);
            given += allocated[i];
        }
        // The fractional parts sum to exactly `shares - given`, each below one: at least that many remainders are
        // positive, so each pass finds one and a winner (reset to 0) is never picked twice.
        for (uint256 left = shares - given; left > 0; left--) {
            uint256 best;
            for (uint256 i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) best = i;
            }
            allocated[best] += 1;
            remainders[best] = 0;
        }
    }
}
