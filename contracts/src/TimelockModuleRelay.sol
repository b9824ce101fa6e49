// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISafeModuleCalls} from "./interfaces/ISafeModuleCalls.sol";

/// @title TimelockModuleRelay
/// @notice The DAO's Safe module, enabled in place of the timelock: the timelock's scheduled calls that must act as
/// the Safe (spend the treasury's tokens, start a payout stream) reach the Safe through this relay.
/// @dev Why not the timelock as the module: a Safe module call that fails returns false instead of reverting, so
/// a timelock batch whose Safe call fails (or is starved of gas by whoever runs the batch: the timelock lets
/// anyone execute) still succeeds, the operation is marked done and the payout is lost. This relay turns that
/// false into a revert carrying the inner call's revert data: the whole batch reverts and the operation stays
/// ready to be run properly.
contract TimelockModuleRelay {
    ISafeModuleCalls private immutable _safe;
    address private immutable _timelock;

    /// @notice Only the timelock may have the Safe make calls.
    error TimelockModuleRelayUnauthorized(address caller);
    /// @notice The Safe's call to `to` failed without revert data (typically out of gas).
    error TimelockModuleRelayCallFailed(address to);
    /// @notice A relay needs both a Safe and a timelock.
    error TimelockModuleRelayZeroAddress();

    constructor(ISafeModuleCalls safe_, address timelock_) {
        if (address(safe_) == address(0) || timelock_ == address(0)) revert TimelockModuleRelayZeroAddress();
        _safe = safe_;
        _timelock = timelock_;
    }

    /// @notice The Safe this relay is a module of.
    function safe() external view returns (address) {
        return address(_safe);
    }

    /// @notice The timelock whose operations this relay carries to the Safe.
    function timelock() external view returns (address) {
        return _timelock;
    }

    /// @notice Has the Safe call `to` with `value` and `data`; reverts with the call's own revert data if it fails.
    /// @return returnData What the call returned.
    function execute(address to, uint256 value, bytes calldata data) external returns (bytes memory returnData) {
        if (msg.sender != _timelock) revert TimelockModuleRelayUnauthorized(msg.sender);
        bool success;
        (success, returnData) = _safe.execTransactionFromModuleReturnData(to, value, data, 0);
        if (!success) {
            if (returnData.length == 0) revert TimelockModuleRelayCallFailed(to);
            assembly ("memory-safe") {
                revert(add(returnData, 0x20), mload(returnData))
            }
        }
    }
}
