// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISuperfluidToken} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/superfluid/ISuperfluidToken.sol";
import {ISuperfluidPool} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/ISuperfluidPool.sol";
import {PoolConfig} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/IGeneralDistributionAgreementV1.sol";

/// @title IGDAv1Forwarder
/// @notice The part of Superfluid's GDAv1Forwarder our contracts call (the community vault and share pools).
/// Superfluid ships the forwarder as a contract, not an interface; importing it would compile the whole pool
/// implementation into this project.
interface IGDAv1Forwarder {
    /// @notice Creates a GDA pool for `token` administered by `admin`.
    function createPool(ISuperfluidToken token, address admin, PoolConfig memory config)
        external
        returns (bool success, ISuperfluidPool pool);

    /// @notice Connects the caller to `pool`: what the pool distributes to the caller's units reaches its balance
    /// directly instead of waiting for a claim.
    function connectPool(ISuperfluidPool pool, bytes memory userData) external returns (bool);
}
