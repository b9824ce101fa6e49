// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IRotatingPool} from "./interfaces/IRotatingPool.sol";

/// @title RotatingPoolFunds
/// @notice Where a rotating pool's money is: idle in the pool, or invested in the DAO's ERC-4626 strategy (fixed at
/// deployment; none = everything idle). The pool counts the principal the event log knows of (collateral,
/// contributions, penalties and the yield it recognised, less what it paid out); whatever it holds beyond that and
/// the deferred balances is yield the log has not recognised yet, and whatever it holds below that is a loss (a
/// strategy loss, or ERC-4626 rounding against the pool: up to one strategy share per deposit or withdrawal).
/// @dev Deferred balances are kept idle: they are paid out of idle funds and never deposited again.
abstract contract RotatingPoolFunds is IRotatingPool {
    using SafeERC20 for IERC20;

    IERC20 internal immutable _token;
    IERC4626 internal immutable _strategy;

    uint256 internal _principal;
    mapping(address account => uint256) private _deferred;
    uint256 private _totalDeferred;

    constructor(IERC20 token_, IERC4626 strategy_) {
        if (address(strategy_) != address(0) && strategy_.asset() != address(token_)) {
            revert RotatingPoolStrategyAssetMismatch(address(strategy_));
        }
        _token = token_;
        _strategy = strategy_;
    }

    // ------------------------------------------------------------------ views

    /// @notice The ERC-4626 strategy the pool invests in; address(0) = none.
    function strategy() external view returns (IERC4626) {
        return _strategy;
    }

    /// @notice What the log knows the pool holds: collateral, contributions, penalties and recognised yield, less
    /// what it paid out (deferred payments included).
    function principal() external view returns (uint256) {
        return _principal;
    }

    /// @notice What the pool holds beyond its principal: yield the log may recognise at the next settlement.
    function yieldAvailable() public view returns (uint256) {
        uint256 funds = _funds();
        return funds > _principal ? funds - _principal : 0;
    }

    /// @notice What the pool holds below its principal: a strategy loss, or rounding not yet covered by yield.
    function shortfall() external view returns (uint256) {
        uint256 funds = _funds();
        return _principal > funds ? _principal - funds : 0;
    }

    /// @notice What the pool may pay or refund: idle funds plus what the strategy would pay for its shares now,
    /// minus the deferred balances it owes.
    function available() external view returns (uint256) {
        return _funds();
    }

    /// @notice What failed to reach `account` and waits for its `claim()`.
    function deferred(address account) external view returns (uint256) {
        return _deferred[account];
    }

    function totalDeferred() external view returns (uint256) {
        return _totalDeferred;
    }

    // ------------------------------------------------------------------ internal

    /// @dev Pulls `amount` from `from` (who approved the pool) and invests it. A strategy that refuses the deposit
    /// (paused, full) leaves it idle: collecting never depends on the strategy.
    function _pull(address from, uint256 amount) internal {
        _principal += amount;
        _token.safeTransferFrom(from, address(this), amount);
        if (address(_strategy) == address(0) || amount == 0) return;
        _token.forceApprove(address(_strategy), amount);
        try _strategy.deposit(amount, address(this)) {}
        catch {
            _token.forceApprove(address(_strategy), 0);
        }
    }

    /// @dev Saturating, so holdings that fell below the deferred total (a loss, a rebasing token) cannot lock the pool.
    function _funds() internal view returns (uint256) {
        uint256 held = _token.balanceOf(address(this));
        if (address(_strategy) != address(0)) held += _strategy.previewRedeem(_strategy.balanceOf(address(this)));
        return held > _totalDeferred ? held - _totalDeferred : 0;
    }

    function _idle() private view returns (uint256) {
        uint256 idle = _token.balanceOf(address(this));
        return idle > _totalDeferred ? idle - _totalDeferred : 0;
    }

    /// @dev Withdraws from the strategy what `amount` needs beyond the idle funds, as far as the strategy lets it;
    /// returns what the pool can pay now, at most `amount`.
    function _free(uint256 amount) internal returns (uint256) {
        uint256 idle = _idle();
        if (idle < amount && address(_strategy) != address(0)) {
            uint256 want = Math.min(amount - idle, _strategy.maxWithdraw(address(this)));
            if (want > 0) _strategy.withdraw(want, address(this), address(this));
            idle = _idle();
        }
        return Math.min(idle, amount);
    }

    /// @dev Redeems every strategy share; returns the idle funds (deferred balances excluded).
    function _freeAll() internal returns (uint256) {
        if (address(_strategy) != address(0)) {
            uint256 shares = _strategy.balanceOf(address(this));
            if (shares > 0) _strategy.redeem(shares, address(this), address(this));
        }
        return _idle();
    }

    /// @dev A transfer that fails (reverts or returns false; tokens returning nothing are accepted) is deferred.
    function _pay(address to, uint256 amount) internal {
        if (_token.trySafeTransfer(to, amount)) return;
        _deferred[to] += amount;
        _totalDeferred += amount;
        emit PaymentDeferred(to, amount);
    }

    function _claimDeferred(address account) internal {
        uint256 amount = _deferred[account];
        if (amount == 0) revert RotatingPoolNothingDeferred(account);
        _deferred[account] = 0;
        _totalDeferred -= amount;
        emit DeferredClaimed(account, amount);
        _token.safeTransfer(account, amount);
    }
}
