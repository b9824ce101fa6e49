// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {ISuperfluidToken} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/superfluid/ISuperfluidToken.sol";
import {ISuperfluidPool} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/ISuperfluidPool.sol";
import {PoolConfig} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/IGeneralDistributionAgreementV1.sol";
import {ISharePool} from "./interfaces/ISharePool.sol";
import {IGDAv1Forwarder} from "./interfaces/IGDAv1Forwarder.sol";

/// @title ShareLedger
/// @notice A share pool's accounting: exactly 10,000 shares, kept as the balance of their holder and, for the
/// available ones, as the balance of this contract; every change sets the GDA units of both sides to their shares,
/// so the units always total 10,000 and the unallocated part of any distribution accrues to this (connected)
/// contract, where it stays.
abstract contract ShareLedger is ISharePool {
    using EnumerableSet for EnumerableSet.AddressSet;

    uint256 public constant TOTAL_SHARES = 10_000;

    ISuperfluidPool private immutable _pool;
    /// @dev Holders' shares; this contract's entry is `available()`.
    mapping(address account => uint256) private _shares;
    EnumerableSet.AddressSet private _holders;

    /// @notice Creates the pool's GDA pool (admin = this contract; anyone may distribute, so the Safe distributes
    /// directly), gives the creator their allocation and this contract the rest as units, and connects this
    /// contract to the GDA pool so the unallocated part of a distribution reaches its balance.
    constructor(SharePoolConfig memory c) {
        IGDAv1Forwarder forwarder = IGDAv1Forwarder(c.gdaForwarder);
        (, ISuperfluidPool pool_) = forwarder.createPool(
            ISuperfluidToken(c.distributionToken),
            address(this),
            PoolConfig({transferabilityForUnitsOwner: false, distributionFromAnyAddress: true})
        );
        _pool = pool_;
        _shares[address(this)] = TOTAL_SHARES - c.creatorShares;
        _syncUnits(address(this));
        if (c.creatorShares > 0) {
            _shares[c.creator] = c.creatorShares;
            _holders.add(c.creator);
            _syncUnits(c.creator);
        }
        forwarder.connectPool(pool_, "");
    }

    function sharesOf(address holder) external view returns (uint256) {
        return holder == address(this) ? 0 : _shares[holder];
    }

    /// @notice The shares nobody holds yet (the units this contract holds in the GDA pool).
    function available() external view returns (uint256) {
        return _shares[address(this)];
    }

    function totalShares() external pure returns (uint256) {
        return TOTAL_SHARES;
    }

    /// @notice Every address holding shares now (the creator included), in no particular order.
    function holders() external view returns (address[] memory) {
        return _holders.values();
    }

    function gdaPool() external view returns (ISuperfluidPool) {
        return _pool;
    }

    function _availableShares() internal view returns (uint256) {
        return _shares[address(this)];
    }

    /// @dev Moves shares between two holders (this contract standing for the available ones) and sets both sides'
    /// units to their new shares.
    function _move(address from, address to, uint256 shares) internal {
        if (shares == 0) revert SharePoolZeroAmount();
        if (to == address(0) || to == address(this)) revert SharePoolInvalidRecipient(to);
        uint256 held = _shares[from];
        if (shares > held) {
            if (from == address(this)) revert SharePoolInsufficientAvailable(shares, held);
            revert SharePoolInsufficientShares(from, shares, held);
        }
        _shares[from] = held - shares;
        _shares[to] += shares;
        if (from != address(this) && held == shares) _holders.remove(from);
        _holders.add(to);
        _syncUnits(from);
        _syncUnits(to);
    }

    /// @dev Hands out every available share at once, `shares[i]` to `to[i]` (summing to `available()`), updating
    /// this contract's units once rather than per recipient.
    function _issueAllAvailable(address[] memory to, uint256[] memory shares) internal {
        _shares[address(this)] = 0;
        _syncUnits(address(this));
        for (uint256 i = 0; i < to.length; i++) {
            if (shares[i] == 0) continue;
            _shares[to[i]] += shares[i];
            _holders.add(to[i]);
            _syncUnits(to[i]);
        }
    }

    /// @dev A new holder needs room under `maxParticipants` (0 = no limit); an existing one always has it.
    function _requireRoom(address to, uint256 maxParticipants) internal view {
        if (maxParticipants != 0 && !_holders.contains(to) && _holders.length() >= maxParticipants) {
            revert SharePoolFull(maxParticipants);
        }
    }

    function _syncUnits(address account) private {
        _pool.updateMemberUnits(account, uint128(_shares[account]));
    }
}
