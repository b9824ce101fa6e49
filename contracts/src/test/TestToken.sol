// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken
/// @notice An 18-decimal ERC-20 for the local development chain and tests: anyone may mint.
/// @dev Never deploy outside a development chain; `mint` is deliberately unrestricted.
contract TestToken is ERC20 {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`; open to anyone because it only exists on development chains.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
