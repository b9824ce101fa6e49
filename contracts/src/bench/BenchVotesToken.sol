// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title BenchVotesToken
/// @notice Benchmark only: the ERC20Votes token of the OpenZeppelin Governor that
///         Ayllu's off-chain voting is compared with. Anyone may mint; never deploy outside a local chain.
contract BenchVotesToken is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Bench Votes", "BVOTE") ERC20Permit("Bench Votes") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
