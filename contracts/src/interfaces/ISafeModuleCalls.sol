// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ISafeModuleCalls
/// @notice The part of a Safe (1.4.1) a module calls. Safe ships its contracts as a package of artifacts for an
/// older compiler, so the one entry point is declared here.
interface ISafeModuleCalls {
    /// @notice Runs a call as the Safe for an enabled module. Returns false (it does not revert) when the call fails,
    /// with the call's revert data.
    /// @param operation 0 = call, 1 = delegatecall.
    function execTransactionFromModuleReturnData(address to, uint256 value, bytes memory data, uint8 operation)
        external
        returns (bool success, bytes memory returnData);
}
