// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TestToken} from "./TestToken.sol";

/// @title TestStrategy
/// @notice An ERC-4626 vault over a {TestToken} whose yield is simulated on demand, for the local development
/// chain and tests of the community vault's CHANGE_STRATEGY and harvest paths.
contract TestStrategy is ERC4626 {
    /// @notice Emitted after `amount` of simulated yield was added to the strategy's assets.
    event YieldSimulated(uint256 amount);
    /// @notice Emitted after `amount` of the strategy's assets were lost (sent to a dead address).
    event LossSimulated(uint256 amount);

    constructor(TestToken asset_) ERC20("Test Strategy Share", "tsTST") ERC4626(IERC20(address(asset_))) {}

    /// @notice Adds `amount` of the underlying to the strategy, raising the value of every share.
    /// @dev Minting (rather than transferring) keeps the caller's own balances out of it.
    function simulateYield(uint256 amount) external {
        TestToken(asset()).mint(address(this), amount);
        emit YieldSimulated(amount);
    }

    /// @notice Loses `amount` of the strategy's assets, lowering the value of every share (a hack, a bad debt).
    function simulateLoss(uint256 amount) external {
        IERC20(asset()).transfer(address(0xdead), amount);
        emit LossSimulated(amount);
    }
}
