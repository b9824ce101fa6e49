// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {RateLimiter} from "@openzeppelin/contracts/utils/RateLimiter.sol";
import {ISuperfluidToken} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/superfluid/ISuperfluidToken.sol";
import {ISuperfluidPool} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/ISuperfluidPool.sol";
import {PoolConfig} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/IGeneralDistributionAgreementV1.sol";
import {ICommunityVault} from "./interfaces/ICommunityVault.sol";
import {IGDAv1Forwarder} from "./interfaces/IGDAv1Forwarder.sol";

/// @title CommunityVault
/// @notice A DAO's pooled savings. Members deposit the DAO's ERC-20 and hold non-transferable shares (1 share =
/// 1 unit of the asset: yield is not compounded into shares, it is harvested to the treasury, which streams it
/// back through the vault's Superfluid GDA pool). The vault keeps each member's pool units equal to
/// `shares / unitScale`, so the stream is shared pro rata to deposits.
/// @dev Roles: the owner is the DAO's timelock (governed actions); the guardian is the DAO's Safe (pause,
/// admissions, harvest). Withdrawals: instant while the sum of the fractions of balance withdrawn within any
/// rolling `withdrawalWindow` stays within `smallWithdrawalLimitBps` (OpenZeppelin's sliding-window limiter), above
/// it only up to an owner-approved allowance; an emergency exit after `emergencyExitWait` works even while paused,
/// within `EMERGENCY_EXIT_WINDOW` of becoming available.
///
/// Unit scale and its loss bound (Superfluid GDA rounds the flow rate per unit down, seed 002): a member holding
/// `s` shares gets `u = floor(s / unitScale)` units. For a requested flow rate `R` and total units `U`, the GDA
/// streams `floor(R / U)` per unit, so a member's rate is at most `u` wei/s below `R * u / U`, and the whole
/// pool at most `U - 1` wei/s below `R`. Shares below one `unitScale` step earn nothing. With an 18-decimal
/// asset and `unitScale = 1e18` (one unit per whole token), `U` is the number of whole tokens deposited, so any
/// realistic rate (1 token/month is ~3.8e11 wei/s) is many orders of magnitude above `U`. See contracts/README.md.
contract CommunityVault is
    ICommunityVault,
    Initializable,
    UUPSUpgradeable,
    OwnableUpgradeable,
    PausableUpgradeable,
    ReentrancyGuardTransient
{
    using SafeERC20 for IERC20;
    using RateLimiter for RateLimiter.SlidingWindow;

    /// @notice The most depositors a vault holds at once: the largest `maxMembers` a DAO may choose (1,000 by
    /// default). Nothing iterates over members on chain, so the bound is the platform's, not the gas limit's.
    uint256 public constant MAX_MEMBERS = 100_000;
    uint48 public constant MAX_EMERGENCY_EXIT_WAIT = 30 days;
    /// @notice Once available, an emergency exit must be completed within this window or it lapses (and may be
    /// requested again, with a new wait): a request is not a standing bypass of pause and withdrawal limits.
    uint48 public constant EMERGENCY_EXIT_WINDOW = 7 days;
    uint48 public constant MIN_WITHDRAWAL_WINDOW = 1 hours;
    uint48 public constant MAX_WITHDRAWAL_WINDOW = 365 days;
    /// @notice The small-withdrawal limit is at most the whole balance.
    uint16 public constant MAX_SMALL_WITHDRAWAL_LIMIT_BPS = 10_000;
    /// @dev The rate limiter counts fractions of a balance in this precision (1e18 = the whole balance).
    uint256 private constant _FRACTION_ONE = 1e18;
    uint256 private constant _BPS = 10_000;
    /// @dev A strategy move may lose at most 1 ppm of the assets (+2 wei) to ERC-4626 rounding; see {setStrategy}.
    uint256 private constant _MOVE_LOSS_DIVISOR = 1_000_000;

    /// @dev The vault's state, in its own ERC-7201 namespace like its OpenZeppelin parents': nothing is stored in
    /// the sequential slots, so a later version may add fields at the end of this struct or inherit from another
    /// upgradeable contract without moving anything already stored behind a DAO's proxy.
    /// @custom:storage-location erc7201:ayllu.storage.CommunityVault
    struct CommunityVaultStorage {
        IERC20 _asset;
        ISuperfluidToken _payoutToken;
        ISuperfluidPool _pool;
        IERC4626 _strategy;
        address _guardian;
        uint256 _unitScale;
        Parameters _parameters;
        uint256 _totalShares;
        uint256 _memberCount;
        mapping(address member => uint256) _shares;
        mapping(address account => bool) _admitted;
        mapping(address member => uint256) _approvedWithdrawal;
        mapping(address member => uint256) _exitAvailableAt;
        RateLimiter.SlidingWindow _instantLimiter;
    }

    // keccak256(abi.encode(uint256(keccak256("ayllu.storage.CommunityVault")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant CommunityVaultStorageLocation =
        0x3fdf143ebdadb7af167f88824bdfa1865c093f7fa757b0c11d64ba03a4c98500;

    function _getCommunityVaultStorage() private pure returns (CommunityVaultStorage storage $) {
        assembly {
            $.slot := CommunityVaultStorageLocation
        }
    }

    modifier onlyOwnerOrGuardian() {
        if (msg.sender != owner() && msg.sender != _getCommunityVaultStorage()._guardian) {
            revert CommunityVaultUnauthorized(msg.sender);
        }
        _;
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the vault up behind its proxy and creates its GDA pool (admin = this vault) through the
    /// GDAv1Forwarder. Pool units are not transferable by members; anyone may distribute into the pool, so the
    /// Safe can `distributeFlow` without the vault relaying it.
    function initialize(InitParams calldata init) external initializer {
        if (
            init.asset == address(0) || init.payoutToken == address(0) || init.gdaForwarder == address(0)
                || init.owner == address(0) || init.guardian == address(0)
        ) revert CommunityVaultZeroAddress();
        if (init.unitScale == 0) revert CommunityVaultParameterOutOfBounds("unitScale");
        __Ownable_init(init.owner);
        __Pausable_init();
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        $._asset = IERC20(init.asset);
        $._payoutToken = ISuperfluidToken(init.payoutToken);
        $._guardian = init.guardian;
        $._unitScale = init.unitScale;
        _setParameters(init.parameters);
        (, $._pool) = IGDAv1Forwarder(init.gdaForwarder).createPool(
            $._payoutToken,
            address(this),
            PoolConfig({transferabilityForUnitsOwner: false, distributionFromAnyAddress: true})
        );
        emit GuardianChanged(address(0), init.guardian);
    }

    // ------------------------------------------------------------------ members

    /// @inheritdoc ICommunityVault
    function deposit(uint256 assets) external nonReentrant whenNotPaused {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        Parameters storage p = $._parameters;
        if (assets == 0) revert CommunityVaultZeroAmount();
        if (assets < p.minimumDeposit) revert CommunityVaultBelowMinimumDeposit(assets, p.minimumDeposit);
        if (p.accessMode != AccessMode.Open && !$._admitted[msg.sender]) revert CommunityVaultNotAdmitted(msg.sender);
        if ($._shares[msg.sender] == 0) {
            if ($._memberCount >= MAX_MEMBERS) revert CommunityVaultMembersFull(MAX_MEMBERS);
            $._memberCount += 1;
        }
        uint256 shares = _sharesFor(assets, totalAssets());
        $._shares[msg.sender] += shares;
        $._totalShares += shares;
        emit Deposited(msg.sender, assets, shares);
        $._asset.safeTransferFrom(msg.sender, address(this), assets);
        _syncUnits(msg.sender);
    }

    /// @inheritdoc ICommunityVault
    function withdraw(uint256 assets) external nonReentrant whenNotPaused {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 balance = $._shares[msg.sender];
        if (assets == 0) revert CommunityVaultZeroAmount();
        if (assets > balance) revert CommunityVaultInsufficientBalance(msg.sender, assets, balance);
        uint256 instant = _instantAvailable(msg.sender, balance);
        bool usedApproval = assets > instant;
        if (usedApproval) {
            uint256 approved = $._approvedWithdrawal[msg.sender];
            if (assets > approved) revert CommunityVaultWithdrawalOverLimit(msg.sender, assets, instant, approved);
            $._approvedWithdrawal[msg.sender] = approved - assets;
        } else {
            // Rounding the consumed fraction up keeps many small withdrawals from slipping under the limit.
            $._instantLimiter.consume(_key(msg.sender), Math.mulDiv(assets, _FRACTION_ONE, balance, Math.Rounding.Ceil));
        }
        // Valued before the burn: the shares' worth depends on the assets held per share, which the burn changes.
        uint256 paid = _assetsFor(assets, totalAssets());
        _burn(msg.sender, assets);
        emit Withdrawn(msg.sender, paid, assets, usedApproval);
        _syncUnits(msg.sender);
        _pay(msg.sender, paid);
    }

    /// @inheritdoc ICommunityVault
    /// @dev Not pausable: the guardian must never be able to lock a member in.
    function requestEmergencyExit() external nonReentrant {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        if ($._shares[msg.sender] == 0) revert CommunityVaultNotMember(msg.sender);
        uint256 availableAt = block.timestamp + $._parameters.emergencyExitWait;
        $._exitAvailableAt[msg.sender] = availableAt;
        emit EmergencyExitRequested(msg.sender, availableAt);
    }

    /// @inheritdoc ICommunityVault
    /// @dev Not pausable, for the same reason as {requestEmergencyExit}.
    function completeEmergencyExit() external nonReentrant {
        uint256 availableAt = _getCommunityVaultStorage()._exitAvailableAt[msg.sender];
        if (availableAt == 0) revert CommunityVaultExitNotRequested(msg.sender);
        if (block.timestamp < availableAt) revert CommunityVaultExitNotReady(msg.sender, availableAt);
        if (block.timestamp >= availableAt + EMERGENCY_EXIT_WINDOW) {
            revert CommunityVaultExitLapsed(msg.sender, availableAt + EMERGENCY_EXIT_WINDOW);
        }
        uint256 paid = _leave(msg.sender);
        emit EmergencyExitCompleted(msg.sender, paid);
        _syncUnits(msg.sender);
        _pay(msg.sender, paid);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc ICommunityVault
    function admitMember(address member) external onlyOwnerOrGuardian {
        if (member == address(0)) revert CommunityVaultZeroAddress();
        _getCommunityVaultStorage()._admitted[member] = true;
        emit MemberAdmitted(member);
    }

    /// @inheritdoc ICommunityVault
    /// @dev Pays the member's whole balance out and zeroes their units; works while paused, like an exit.
    function removeMember(address member) external onlyOwner nonReentrant {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        if ($._shares[member] == 0 && !$._admitted[member]) revert CommunityVaultNotMember(member);
        uint256 paid = _leave(member);
        emit MemberRemoved(member, paid);
        _syncUnits(member);
        _pay(member, paid);
    }

    /// @inheritdoc ICommunityVault
    /// @dev Sets (not adds to) the allowance, so a re-executed or superseding approval cannot stack up.
    function approveWithdrawal(address member, uint256 amount) external onlyOwner {
        if (member == address(0)) revert CommunityVaultZeroAddress();
        _getCommunityVaultStorage()._approvedWithdrawal[member] = amount;
        emit WithdrawalApproved(member, amount);
    }

    /// @inheritdoc ICommunityVault
    function setParameters(Parameters calldata parameters_) external onlyOwner {
        _setParameters(parameters_);
    }

    /// @inheritdoc ICommunityVault
    function setGuardian(address newGuardian) external onlyOwner {
        if (newGuardian == address(0)) revert CommunityVaultZeroAddress();
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        emit GuardianChanged($._guardian, newGuardian);
        $._guardian = newGuardian;
    }

    /// @inheritdoc ICommunityVault
    /// @dev Redeems everything from the current strategy, then invests every idle asset in the new one
    /// (`address(0)` keeps the funds idle). Unharvested yield moves along and stays harvestable.
    /// Redeeming and depositing each round for the strategy, by up to one of its shares: a move may lose at most
    /// 1 ppm of the assets plus 2 wei. More means a share price far coarser than the amounts moved (e.g. assets
    /// donated to a strategy with no shares yet), which would hand members' principal to the strategy: it reverts.
    function setStrategy(IERC4626 newStrategy) external onlyOwner nonReentrant {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        if (address(newStrategy) != address(0) && newStrategy.asset() != address($._asset)) {
            revert CommunityVaultStrategyAssetMismatch(address(newStrategy));
        }
        uint256 before = totalAssets();
        IERC4626 previous = $._strategy;
        $._strategy = newStrategy;
        if (address(previous) != address(0)) {
            uint256 previousShares = previous.balanceOf(address(this));
            if (previousShares > 0) previous.redeem(previousShares, address(this), address(this));
        }
        uint256 invested = 0;
        if (address(newStrategy) != address(0)) {
            invested = $._asset.balanceOf(address(this));
            if (invested > 0) {
                $._asset.forceApprove(address(newStrategy), invested);
                newStrategy.deposit(invested, address(this));
            }
        }
        uint256 afterMove = totalAssets();
        if (afterMove + before / _MOVE_LOSS_DIVISOR + 2 < before) revert CommunityVaultStrategyMoveLoss(before, afterMove);
        emit StrategyChanged(address(previous), address(newStrategy), invested);
    }

    /// @inheritdoc ICommunityVault
    /// @dev Sends assets above the members' principal to the guardian (the DAO's Safe, its treasury), idle
    /// first. From the strategy it redeems `convertToShares(rest)` shares, which rounds down, so the shares left
    /// are always worth at least the principal they back.
    function harvest() external onlyOwnerOrGuardian nonReentrant returns (uint256 amount) {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 assets = totalAssets();
        if (assets <= $._totalShares) revert CommunityVaultNoYield();
        uint256 yield_ = assets - $._totalShares;
        address treasury = $._guardian;
        uint256 idle = $._asset.balanceOf(address(this));
        uint256 fromIdle = Math.min(idle, yield_);
        if (fromIdle > 0) $._asset.safeTransfer(treasury, fromIdle);
        amount = fromIdle;
        if (yield_ > fromIdle) {
            uint256 shares = $._strategy.convertToShares(yield_ - fromIdle);
            if (shares > 0) amount += $._strategy.redeem(shares, treasury, address(this));
        }
        if (amount == 0) revert CommunityVaultNoYield();
        emit YieldHarvested(treasury, amount);
    }

    /// @inheritdoc ICommunityVault
    function pause() external onlyOwnerOrGuardian {
        _pause();
    }

    /// @inheritdoc ICommunityVault
    function unpause() external onlyOwnerOrGuardian {
        _unpause();
    }

    // ------------------------------------------------------------------ views

    function asset() external view returns (address) {
        return address(_getCommunityVaultStorage()._asset);
    }

    function payoutToken() external view returns (address) {
        return address(_getCommunityVaultStorage()._payoutToken);
    }

    function pool() external view returns (ISuperfluidPool) {
        return _getCommunityVaultStorage()._pool;
    }

    function guardian() external view returns (address) {
        return _getCommunityVaultStorage()._guardian;
    }

    function strategy() external view returns (IERC4626) {
        return _getCommunityVaultStorage()._strategy;
    }

    function parameters() external view returns (Parameters memory) {
        return _getCommunityVaultStorage()._parameters;
    }

    function unitScale() external view returns (uint256) {
        return _getCommunityVaultStorage()._unitScale;
    }

    function isMember(address account) external view returns (bool) {
        return _getCommunityVaultStorage()._shares[account] > 0;
    }

    function isAdmitted(address account) external view returns (bool) {
        return _getCommunityVaultStorage()._admitted[account];
    }

    function memberCount() external view returns (uint256) {
        return _getCommunityVaultStorage()._memberCount;
    }

    /// @notice The assets `member` is owed: equal to their shares, since yield goes to the treasury, unless the
    /// vault holds less than the principal (a strategy loss or rounding), which members then share pro rata.
    function balanceOf(address member) external view returns (uint256) {
        return _assetsFor(_getCommunityVaultStorage()._shares[member], totalAssets());
    }

    function sharesOf(address member) external view returns (uint256) {
        return _getCommunityVaultStorage()._shares[member];
    }

    function totalShares() external view returns (uint256) {
        return _getCommunityVaultStorage()._totalShares;
    }

    /// @notice Idle assets plus what the strategy would pay for the vault's shares now.
    function totalAssets() public view returns (uint256) {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 idle = $._asset.balanceOf(address(this));
        IERC4626 strategy_ = $._strategy;
        if (address(strategy_) == address(0)) return idle;
        return idle + strategy_.previewRedeem(strategy_.balanceOf(address(this)));
    }

    function unitsOf(address member) external view returns (uint128) {
        return _getCommunityVaultStorage()._pool.getUnits(member);
    }

    /// @notice The most `member` can withdraw in one call now: instantly, or against an approval.
    function withdrawableNow(address member) external view returns (uint256) {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 balance = $._shares[member];
        if (paused()) return 0;
        return Math.min(balance, Math.max(_instantAvailable(member, balance), $._approvedWithdrawal[member]));
    }

    function instantWithdrawalAvailable(address member) external view returns (uint256) {
        return _instantAvailable(member, _getCommunityVaultStorage()._shares[member]);
    }

    function approvedWithdrawalOf(address member) external view returns (uint256) {
        return _getCommunityVaultStorage()._approvedWithdrawal[member];
    }

    function emergencyExitAvailableAt(address member) external view returns (uint256) {
        return _getCommunityVaultStorage()._exitAvailableAt[member];
    }

    /// @notice When `member`'s requested emergency exit lapses (0 without a request).
    function emergencyExitExpiresAt(address member) external view returns (uint256) {
        uint256 availableAt = _getCommunityVaultStorage()._exitAvailableAt[member];
        return availableAt == 0 ? 0 : availableAt + EMERGENCY_EXIT_WINDOW;
    }

    // ------------------------------------------------------------------ internals

    function _authorizeUpgrade(address) internal override onlyOwner {}

    function _setParameters(Parameters calldata p) private {
        if (p.smallWithdrawalLimitBps > MAX_SMALL_WITHDRAWAL_LIMIT_BPS) revert CommunityVaultParameterOutOfBounds("smallWithdrawalLimitBps");
        if (p.withdrawalWindow < MIN_WITHDRAWAL_WINDOW || p.withdrawalWindow > MAX_WITHDRAWAL_WINDOW) {
            revert CommunityVaultParameterOutOfBounds("withdrawalWindow");
        }
        if (p.emergencyExitWait > MAX_EMERGENCY_EXIT_WAIT) revert CommunityVaultParameterOutOfBounds("emergencyExitWait");
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        $._parameters = p;
        $._instantLimiter.updateSettings(
            p.withdrawalWindow, SafeCast.toUint208(uint256(p.smallWithdrawalLimitBps) * _FRACTION_ONE / _BPS)
        );
        emit ParametersUpdated(p);
    }

    /// @dev The instant amount still available: the limiter's unused fraction applied to the current balance.
    function _instantAvailable(address member, uint256 balance) private view returns (uint256) {
        return Math.mulDiv(_getCommunityVaultStorage()._instantLimiter.available(_key(member)), balance, _FRACTION_ONE);
    }

    /// @dev Ends `member`'s membership and returns what they are owed; the caller pays it after syncing units.
    function _leave(address member) private returns (uint256 owed) {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 shares = $._shares[member];
        owed = _assetsFor(shares, totalAssets());
        if (shares > 0) _burn(member, shares);
        delete $._admitted[member];
        delete $._approvedWithdrawal[member];
        delete $._exitAvailableAt[member];
    }

    /// @dev Shares for a deposit of `assets` while the vault holds `held`: 1:1 while the principal is covered. Below
    /// it, at the assets held per share (rounded down, for the vault), so a newcomer neither pays for an earlier
    /// shortfall nor dilutes it away.
    function _sharesFor(uint256 assets, uint256 held) private view returns (uint256) {
        uint256 total = _getCommunityVaultStorage()._totalShares;
        if (held >= total) return assets;
        if (held == 0) revert CommunityVaultAssetsLost();
        return Math.mulDiv(assets, total, held);
    }

    /// @dev What `shares` are worth while the vault holds `held`: 1:1 while the principal is covered (anything above
    /// it is yield for the treasury). Below it (a strategy loss, or ERC-4626 rounding against the vault, which
    /// costs up to one strategy share per deposit or withdrawal) every share is worth its part of what is held,
    /// rounded down: a shortfall is shared pro rata instead of locking the last members in.
    function _assetsFor(uint256 shares, uint256 held) private view returns (uint256) {
        uint256 total = _getCommunityVaultStorage()._totalShares;
        if (held >= total) return shares;
        return Math.mulDiv(shares, held, total);
    }

    function _burn(address member, uint256 shares) private {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint256 remaining = $._shares[member] - shares;
        $._shares[member] = remaining;
        $._totalShares -= shares;
        if (remaining == 0) {
            $._memberCount -= 1;
            delete $._exitAvailableAt[member];
        }
    }

    /// @dev Brings the member's pool units to `shares / unitScale`. Called after the shares changed (effects
    /// first) because the pool is an external contract.
    function _syncUnits(address member) private {
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        uint128 units = SafeCast.toUint128($._shares[member] / $._unitScale);
        ISuperfluidPool pool_ = $._pool;
        if (pool_.getUnits(member) == units) return;
        pool_.updateMemberUnits(member, units);
        emit PoolUnitsUpdated(member, units);
    }

    /// @dev Pays from idle assets, pulling any shortfall out of the strategy first. `amount` never exceeds
    /// {totalAssets} (see {_assetsFor}), so a strategy whose `maxWithdraw` is its `previewRedeem` can always pay it.
    function _pay(address to, uint256 amount) private {
        if (amount == 0) return;
        CommunityVaultStorage storage $ = _getCommunityVaultStorage();
        IERC20 asset_ = $._asset;
        uint256 idle = asset_.balanceOf(address(this));
        if (idle < amount) $._strategy.withdraw(amount - idle, address(this), address(this));
        asset_.safeTransfer(to, amount);
    }

    function _key(address member) private pure returns (bytes32) {
        return bytes32(uint256(uint160(member)));
    }
}
