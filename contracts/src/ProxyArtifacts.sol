// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Compiled only so that Hardhat writes an ERC1967Proxy artifact the deploy code can put the vault behind.
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
