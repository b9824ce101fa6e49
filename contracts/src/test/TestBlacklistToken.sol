// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TestToken} from "./TestToken.sol";

/// @title TestBlacklistToken
/// @notice A TestToken that refuses transfers to or from blocked addresses, like USDC's blacklist: the tests use it
/// to show that a payment failing for one recipient does not stop a rotating pool.
/// @dev Never deploy outside a development chain; anyone may block or unblock.
contract TestBlacklistToken is TestToken {
    mapping(address account => bool) public blocked;

    /// @notice A transfer involving `account` was refused.
    error TestBlacklistTokenBlocked(address account);

    constructor(string memory name_, string memory symbol_) TestToken(name_, symbol_) {}

    /// @notice Blocks or unblocks `account`; open to anyone because it only exists on development chains.
    function setBlocked(address account, bool isBlocked) external {
        blocked[account] = isBlocked;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (blocked[from]) revert TestBlacklistTokenBlocked(from);
        if (blocked[to]) revert TestBlacklistTokenBlocked(to);
        super._update(from, to, value);
    }
}
