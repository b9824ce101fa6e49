// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ISharePool
/// @notice The public surface of a share pool's contract: ownership of one asset split into exactly 10,000 shares
/// (one share = one basis point), held by members and, for the part not yet allocated, by the pool itself. The
/// types, events and errors the worker (which sends the operator's calls), the indexer and the creator's Safe
/// transactions rely on. See contracts/README.md, "SharePool".
/// @dev Every holder's units in the pool's Superfluid GDA pool equal their shares, and the contract's own units
/// equal `available()`, so any distribution into the GDA pool pays holders pro rata and the unallocated part
/// accrues to this contract.
interface ISharePool {
    /// @notice The pool's configuration, fixed at construction (except the operator, which the creator replaces).
    struct SharePoolConfig {
        /// @dev The ERC-20 buyers pay in and contributors escrow; address(0) when no way in needs it.
        address purchaseToken;
        /// @dev The Superfluid super token distributions are made in (the GDA pool's token).
        address distributionToken;
        /// @dev Superfluid's GDAv1Forwarder on this chain.
        address gdaForwarder;
        /// @dev The DAO's Safe: receives proceeds and escrow, assigns shares, pauses, replaces the operator.
        address creator;
        /// @dev The platform's relayer, which carries out members' signed actions.
        address operator;
        /// @dev The creator's allocation at creation, 0..10,000; the rest is available.
        uint256 creatorShares;
        /// @dev Purchase-token wei per share; 0 = shares are not sold.
        uint256 pricePerShare;
        bool transfersAllowed;
        /// @dev The most holders the pool admits through buy, grant, assign, transfer and new stakers; 0 = no limit.
        uint256 maxParticipants;
        /// @dev Purchase-token wei the crowdfunding must reach; 0 = not a crowdfunding pool.
        uint256 crowdfundingTarget;
        /// @dev Contributions are accepted strictly before this unix time; 0 when not a crowdfunding pool.
        uint64 crowdfundingDeadline;
        /// @dev The ERC-20 members stake to earn shares; address(0) = not a staking pool.
        address stakingToken;
        /// @dev Shares earned per staked token-wei per second, scaled by RATE_SCALE (1e36); 0 = not a staking pool.
        uint256 stakingRate;
    }

    /// @notice What a contributor got when the crowdfunding reached its target.
    struct Allocation {
        address contributor;
        uint256 contribution;
        uint256 shares;
    }

    /// @notice What a contributor was paid back (or credited as deferred) when the crowdfunding missed its target.
    struct Refund {
        address contributor;
        uint256 amount;
    }

    /// @notice The crowdfunding's progress: `None` for pools without crowdfunding.
    enum CrowdfundingStatus {
        None,
        Open,
        Reached,
        Refunded
    }

    /// @notice The operator sold `shares` to `buyer` for `cost` purchase-token wei, paid straight to the creator.
    event SharesBought(address indexed buyer, uint256 shares, uint256 cost, bytes32 indexed key);
    /// @notice The operator granted `shares` (an approved request, an executed airdrop, a redeemed code).
    event SharesGranted(address indexed to, uint256 shares, bytes32 indexed key);
    /// @notice The creator assigned `shares` without a request.
    event SharesAssigned(address indexed to, uint256 shares);
    /// @notice A holder's signed transfer, carried out by the operator.
    event SharesTransferred(address indexed from, address indexed to, uint256 shares, bytes32 indexed key);
    /// @notice `amount` purchase-token wei escrowed for the crowdfunding.
    event Contributed(address indexed contributor, uint256 amount, bytes32 indexed key);
    /// @notice The target was reached: `sharesAllocated` (the available shares at that moment) went to the
    /// contributors as listed, in contribution order, and the escrow of `totalContributed` to the creator.
    event CrowdfundingReached(uint256 totalContributed, uint256 sharesAllocated, Allocation[] allocations);
    /// @notice The deadline passed short of the target: every contribution was refunded in full (or deferred).
    event CrowdfundingRefunded(uint256 totalRefunded, Refund[] refunds);
    event Staked(address indexed member, uint256 amount, bytes32 indexed key);
    /// @notice `amount` staking tokens returned to `member`; accrual on them stopped (shares earned are kept).
    event Unstaked(address indexed member, uint256 amount, bytes32 indexed key);
    /// @notice Whole shares `member` earned by staking, granted when their position was touched.
    event StakeSharesAccrued(address indexed member, uint256 shares);
    /// @notice A purchase-token payment to `to` failed (a blacklisting token): `to` may `claim()` it later.
    event PaymentDeferred(address indexed to, uint256 amount);
    event DeferredClaimed(address indexed to, uint256 amount);
    event PausedChanged(bool paused);
    event OperatorChanged(address indexed previousOperator, address indexed newOperator);

    /// @notice The caller may not call this function (operator-only or creator-only).
    error SharePoolUnauthorized(address caller);
    /// @notice A required address was zero.
    error SharePoolZeroAddress();
    /// @notice A configuration value is out of bounds or inconsistent; `field` names it.
    error SharePoolInvalidConfig(string field);
    /// @notice The creator paused the pool: no way in and no transfer until it resumes.
    error SharePoolIsPaused();
    error SharePoolZeroAmount();
    /// @notice The operator's call under `key` was carried out already (each key acts once).
    error SharePoolKeyUsed(bytes32 key);
    /// @notice More shares than the pool still holds.
    error SharePoolInsufficientAvailable(uint256 requested, uint256 available);
    /// @notice `holder` holds fewer shares than the transfer moves.
    error SharePoolInsufficientShares(address holder, uint256 requested, uint256 held);
    /// @notice Shares may not go to `to` (zero, the pool itself, or the sender of a transfer).
    error SharePoolInvalidRecipient(address to);
    /// @notice The pool already has `maxParticipants` holders.
    error SharePoolFull(uint256 maxParticipants);
    /// @notice The pool has no price per share.
    error SharePoolNotForSale();
    error SharePoolTransfersNotAllowed();
    error SharePoolNotCrowdfunding();
    /// @notice The crowdfunding is finalized or its deadline passed: no more contributions.
    error SharePoolCrowdfundingClosed();
    /// @notice Finalizing before the deadline while short of the target.
    error SharePoolCrowdfundingOpen(uint256 deadline, uint256 totalContributed, uint256 target);
    /// @notice A new contributor beyond `max` (the participant limit, or MAX_CONTRIBUTORS).
    error SharePoolTooManyContributors(uint256 max);
    error SharePoolNotStaking();
    error SharePoolInsufficientStake(address member, uint256 requested, uint256 staked);
    error SharePoolNothingDeferred(address account);
}
