// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ISuperfluidToken} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/superfluid/ISuperfluidToken.sol";
import {ShareLedger} from "./ShareLedger.sol";
import {ShareAllocation} from "./libraries/ShareAllocation.sol";
import {StakeAccrual} from "./libraries/StakeAccrual.sol";
import {SharePoolConfigCheck} from "./libraries/SharePoolConfigCheck.sol";

/// @title SharePool
/// @notice One share pool: exactly 10,000 shares, held by members or (the available part) by this contract, paid
/// pro rata through its own Superfluid GDA pool. The platform's event log decides who gets shares; the operator
/// (the platform's relayer) carries those decisions out under one-time keys, within bounds: shares only come out
/// of what is available, a sale pays exactly the price to the creator, a transfer needs the pool to allow them.
/// The creator (the DAO's Safe) assigns shares, pauses, replaces the operator and distributes into `gdaPool()`.
/// @dev Shares are kept as the balance of their holder, the available ones as the balance of this contract, and
/// every change sets the GDA units of both sides to their shares: the units always total 10,000, and the
/// unallocated part of any distribution accrues to this (connected) contract, where it stays.
contract SharePool is ShareLedger, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The scale of `stakingRate`: shares per token-wei per second × 1e36 (a rate of 1e18 is one share
    /// per whole 18-decimal token per second).
    uint256 public constant RATE_SCALE = StakeAccrual.RATE_SCALE;
    /// @notice Finalizing allocates (or refunds) every contributor in one transaction: their number is bounded.
    uint256 public constant MAX_CONTRIBUTORS = 100;

    IERC20 private immutable _purchaseToken;
    ISuperfluidToken private immutable _distributionToken;
    address private immutable _gdaForwarder;
    address private immutable _creator;
    uint256 private immutable _creatorShares;
    uint256 private immutable _pricePerShare;
    bool private immutable _transfersAllowed;
    uint256 private immutable _maxParticipants;
    uint256 private immutable _crowdfundingTarget;
    uint64 private immutable _crowdfundingDeadline;
    IERC20 private immutable _stakingToken;
    uint256 private immutable _stakingRate;

    address private _operator;
    bool private _paused;
    mapping(bytes32 key => bool) private _usedKeys;

    address[] private _contributors;
    mapping(address contributor => uint256) private _contributions;
    uint256 private _totalContributed;
    CrowdfundingStatus private _crowdfundingStatus;

    struct StakePosition {
        uint256 amount;
        /// @dev Scaled by RATE_SCALE: the fraction of a share earned and not yet granted.
        uint256 carry;
        uint64 since;
    }

    mapping(address member => StakePosition) private _stakes;
    uint256 private _totalStaked;

    mapping(address account => uint256) private _deferred;
    uint256 private _totalDeferred;

    modifier onlyOperator() {
        if (msg.sender != _operator) revert SharePoolUnauthorized(msg.sender);
        _;
    }

    modifier onlyCreator() {
        if (msg.sender != _creator) revert SharePoolUnauthorized(msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (_paused) revert SharePoolIsPaused();
        _;
    }

    modifier once(bytes32 key) {
        if (_usedKeys[key]) revert SharePoolKeyUsed(key);
        _usedKeys[key] = true;
        _;
    }

    /// @notice Deployed through the Safe singleton factory by the operator, one instance per pool; the ledger
    /// (ShareLedger) creates the GDA pool and gives the creator their allocation.
    constructor(SharePoolConfig memory c) ShareLedger(SharePoolConfigCheck.validated(c)) {
        _purchaseToken = IERC20(c.purchaseToken);
        _distributionToken = ISuperfluidToken(c.distributionToken);
        _gdaForwarder = c.gdaForwarder;
        _creator = c.creator;
        _operator = c.operator;
        _creatorShares = c.creatorShares;
        _pricePerShare = c.pricePerShare;
        _transfersAllowed = c.transfersAllowed;
        _maxParticipants = c.maxParticipants;
        _crowdfundingTarget = c.crowdfundingTarget;
        _crowdfundingDeadline = c.crowdfundingDeadline;
        _stakingToken = IERC20(c.stakingToken);
        _stakingRate = c.stakingRate;
        if (c.crowdfundingTarget > 0) _crowdfundingStatus = CrowdfundingStatus.Open;
        emit OperatorChanged(address(0), c.operator);
    }

    // ------------------------------------------------------------------ operator

    /// @notice Sells `shares` to `buyer` (who approved this contract): `shares × pricePerShare` goes from the buyer
    /// straight to the creator.
    function buy(address buyer, uint256 shares, bytes32 key) external onlyOperator whenNotPaused nonReentrant once(key) {
        if (_pricePerShare == 0) revert SharePoolNotForSale();
        _requireRoom(buyer, _maxParticipants);
        uint256 cost = shares * _pricePerShare;
        _move(address(this), buyer, shares);
        emit SharesBought(buyer, shares, cost, key);
        // After the shares moved (checks-effects-interactions): the token is the only outside code called.
        _purchaseToken.safeTransferFrom(buyer, _creator, cost);
    }

    /// @notice Grants `shares` out of the available ones: an approved request, an airdrop, a redeemed code.
    function grant(address to, uint256 shares, bytes32 key) external onlyOperator whenNotPaused nonReentrant once(key) {
        _requireRoom(to, _maxParticipants);
        _move(address(this), to, shares);
        emit SharesGranted(to, shares, key);
    }

    /// @notice Moves a holder's shares as they signed it; only in pools that allow transfers.
    function transfer(address from, address to, uint256 shares, bytes32 key)
        external
        onlyOperator
        whenNotPaused
        nonReentrant
        once(key)
    {
        if (!_transfersAllowed) revert SharePoolTransfersNotAllowed();
        if (from == address(this)) revert SharePoolInsufficientShares(from, shares, 0);
        if (to == from) revert SharePoolInvalidRecipient(to);
        _requireRoom(to, _maxParticipants);
        _move(from, to, shares);
        emit SharesTransferred(from, to, shares, key);
    }

    /// @notice Escrows `amount` purchase-token wei from `contributor` (who approved this contract) before the
    /// deadline, until the crowdfunding is finalized.
    function contribute(address contributor, uint256 amount, bytes32 key)
        external
        onlyOperator
        whenNotPaused
        nonReentrant
        once(key)
    {
        if (_crowdfundingStatus == CrowdfundingStatus.None) revert SharePoolNotCrowdfunding();
        if (_crowdfundingStatus != CrowdfundingStatus.Open || block.timestamp >= _crowdfundingDeadline) {
            revert SharePoolCrowdfundingClosed();
        }
        if (amount == 0) revert SharePoolZeroAmount();
        if (contributor == address(0) || contributor == address(this)) revert SharePoolInvalidRecipient(contributor);
        if (_contributions[contributor] == 0) {
            uint256 max = _maxParticipants == 0 ? MAX_CONTRIBUTORS : Math.min(_maxParticipants, MAX_CONTRIBUTORS);
            if (_contributors.length >= max) revert SharePoolTooManyContributors(max);
            _contributors.push(contributor);
        }
        _contributions[contributor] += amount;
        _totalContributed += amount;
        emit Contributed(contributor, amount, key);
        _purchaseToken.safeTransferFrom(contributor, address(this), amount);
    }

    /// @notice Pulls `amount` staking tokens from `member` (who approved this contract); shares they earned so far
    /// are granted first, at the old amount.
    function stake(address member, uint256 amount, bytes32 key) external onlyOperator whenNotPaused nonReentrant once(key) {
        if (_stakingRate == 0) revert SharePoolNotStaking();
        if (amount == 0) revert SharePoolZeroAmount();
        if (member == address(0) || member == address(this)) revert SharePoolInvalidRecipient(member);
        if (_stakes[member].amount == 0) _requireRoom(member, _maxParticipants);
        _accrue(member);
        _stakes[member].amount += amount;
        _totalStaked += amount;
        emit Staked(member, amount, key);
        _stakingToken.safeTransferFrom(member, address(this), amount);
    }

    /// @notice Returns `amount` staked tokens to `member` and stops their accrual; shares earned are granted and
    /// kept. Also while paused: a member's tokens are never locked in.
    function unstake(address member, uint256 amount, bytes32 key) external onlyOperator nonReentrant once(key) {
        if (_stakingRate == 0) revert SharePoolNotStaking();
        if (amount == 0) revert SharePoolZeroAmount();
        uint256 staked = _stakes[member].amount;
        if (amount > staked) revert SharePoolInsufficientStake(member, amount, staked);
        _accrue(member);
        _stakes[member].amount = staked - amount;
        _totalStaked -= amount;
        emit Unstaked(member, amount, key);
        _stakingToken.safeTransfer(member, amount);
    }

    // ------------------------------------------------------------------ creator

    /// @notice Assigns `shares` out of the available ones without a request (an airdrop by the Safe).
    function assign(address to, uint256 shares) external onlyCreator nonReentrant {
        _requireRoom(to, _maxParticipants);
        _move(address(this), to, shares);
        emit SharesAssigned(to, shares);
    }

    /// @notice Replaces the operator (a compromised or rotated relayer key).
    function setOperator(address operator_) external onlyCreator {
        if (operator_ == address(0)) revert SharePoolZeroAddress();
        emit OperatorChanged(_operator, operator_);
        _operator = operator_;
    }

    /// @notice Stops (or resumes) the operator's ways in and transfers; unstaking, finalizing and claiming go on.
    function setPaused(bool paused_) external onlyCreator {
        _paused = paused_;
        emit PausedChanged(paused_);
    }

    // ------------------------------------------------------------------ anyone

    /// @notice Once the target is reached (or the deadline passed): allocates the available shares in proportion
    /// to contributions (ShareAllocation.largestRemainder) and pays the escrow to the creator; short of the target
    /// after the deadline, refunds every contribution in full. Payments that fail are deferred. Also while paused.
    function finalizeCrowdfunding() external nonReentrant {
        if (_crowdfundingStatus == CrowdfundingStatus.None) revert SharePoolNotCrowdfunding();
        if (_crowdfundingStatus != CrowdfundingStatus.Open) revert SharePoolCrowdfundingClosed();
        uint256 total = _totalContributed;
        bool reached = total >= _crowdfundingTarget;
        if (!reached && block.timestamp < _crowdfundingDeadline) {
            revert SharePoolCrowdfundingOpen(_crowdfundingDeadline, total, _crowdfundingTarget);
        }
        if (reached) _allocate(total);
        else _refund(total);
    }

    /// @notice Updates `member`'s staking position: grants the whole shares earned since it was last touched.
    function accrue(address member) external nonReentrant {
        if (_stakingRate == 0) revert SharePoolNotStaking();
        _accrue(member);
    }

    /// @notice Pays the caller the purchase-token payments that failed to reach them earlier.
    function claim() external nonReentrant {
        uint256 amount = _deferred[msg.sender];
        if (amount == 0) revert SharePoolNothingDeferred(msg.sender);
        _deferred[msg.sender] = 0;
        _totalDeferred -= amount;
        emit DeferredClaimed(msg.sender, amount);
        _purchaseToken.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    function config() external view returns (SharePoolConfig memory) {
        return SharePoolConfig({
            purchaseToken: address(_purchaseToken),
            distributionToken: address(_distributionToken),
            gdaForwarder: _gdaForwarder,
            creator: _creator,
            operator: _operator,
            creatorShares: _creatorShares,
            pricePerShare: _pricePerShare,
            transfersAllowed: _transfersAllowed,
            maxParticipants: _maxParticipants,
            crowdfundingTarget: _crowdfundingTarget,
            crowdfundingDeadline: _crowdfundingDeadline,
            stakingToken: address(_stakingToken),
            stakingRate: _stakingRate
        });
    }

    function pricePerShare() external view returns (uint256) {
        return _pricePerShare;
    }

    function creator() external view returns (address) {
        return _creator;
    }

    function operator() external view returns (address) {
        return _operator;
    }

    function paused() external view returns (bool) {
        return _paused;
    }

    /// @notice Whether an operator call under `key` was carried out (the worker's idempotency check).
    function keyUsed(bytes32 key) external view returns (bool) {
        return _usedKeys[key];
    }

    function crowdfundingStatus() external view returns (CrowdfundingStatus) {
        return _crowdfundingStatus;
    }

    /// @notice The contributors in the order of their first contribution (the allocation's tie order).
    function contributors() external view returns (address[] memory) {
        return _contributors;
    }

    function contributionOf(address contributor) external view returns (uint256) {
        return _contributions[contributor];
    }

    function totalContributed() external view returns (uint256) {
        return _totalContributed;
    }

    function stakeOf(address member) external view returns (uint256) {
        return _stakes[member].amount;
    }

    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /// @notice The whole shares `accrue(member)` would grant now (capped by `available()`).
    function pendingStakeShares(address member) external view returns (uint256 shares) {
        (shares,) = _earned(_stakes[member]);
    }

    /// @notice What failed to reach `account` and waits for its `claim()`.
    function deferred(address account) external view returns (uint256) {
        return _deferred[account];
    }

    function totalDeferred() external view returns (uint256) {
        return _totalDeferred;
    }

    // ------------------------------------------------------------------ internal

    function _earned(StakePosition memory s) private view returns (uint256, uint256) {
        return StakeAccrual.earned(s.amount, block.timestamp - s.since, _stakingRate, s.carry, _availableShares());
    }

    function _accrue(address member) private {
        StakePosition storage s = _stakes[member];
        (uint256 shares, uint256 carry) = _earned(s);
        s.since = uint64(block.timestamp);
        s.carry = carry;
        if (shares == 0) return;
        _move(address(this), member, shares);
        emit StakeSharesAccrued(member, shares);
    }

    function _allocate(uint256 total) private {
        _crowdfundingStatus = CrowdfundingStatus.Reached;
        uint256 n = _contributors.length;
        uint256 pot = _availableShares();
        uint256[] memory weights = new uint256[](n);
        for (uint256 i = 0; i < n; i++) {
            weights[i] = _contributions[_contributors[i]];
        }
        uint256[] memory shares = ShareAllocation.largestRemainder(pot, weights, total);
        Allocation[] memory allocations = new Allocation[](n);
        for (uint256 i = 0; i < n; i++) {
            allocations[i] = Allocation(_contributors[i], weights[i], shares[i]);
        }
        _issueAllAvailable(_contributors, shares);
        emit CrowdfundingReached(total, pot, allocations);
        _pay(_creator, total);
    }

    function _refund(uint256 total) private {
        _crowdfundingStatus = CrowdfundingStatus.Refunded;
        uint256 n = _contributors.length;
        Refund[] memory refunds = new Refund[](n);
        for (uint256 i = 0; i < n; i++) {
            refunds[i] = Refund(_contributors[i], _contributions[_contributors[i]]);
        }
        emit CrowdfundingRefunded(total, refunds);
        for (uint256 i = 0; i < n; i++) {
            _pay(refunds[i].contributor, refunds[i].amount);
        }
    }

    /// @dev A purchase-token transfer that fails (reverts or returns false) is deferred for `claim()`.
    function _pay(address to, uint256 amount) private {
        if (amount == 0) return;
        if (_purchaseToken.trySafeTransfer(to, amount)) return;
        _deferred[to] += amount;
        _totalDeferred += amount;
        emit PaymentDeferred(to, amount);
    }
}
