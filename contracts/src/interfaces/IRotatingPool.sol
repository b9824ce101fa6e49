// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRotatingPool
/// @notice The public surface of a rotating savings pool's custody contract (a ROSCA): the types, events and errors
/// the worker (which sends the operator's calls), the indexer and the organiser's Safe transactions rely on.
/// @dev The event log decides every amount; this contract holds the money and executes what the log decided,
/// within bounds that limit what a compromised operator could do (see contracts/README.md, "RotatingPool").
interface IRotatingPool {
    /// @notice One transfer out of the pool.
    struct Payment {
        address to;
        uint256 amount;
    }

    /// @notice The pool's terms, fixed at construction.
    struct PoolTerms {
        /// @dev Per member per round, in token units; never zero.
        uint256 contributionAmount;
        /// @dev Pulled once from each member on joining; 0 = none.
        uint256 collateralAmount;
        /// @dev Round `r` is due at `firstDueAt + r * intervalSeconds`.
        uint64 intervalSeconds;
        uint64 graceSeconds;
        /// @dev Basis points of the contribution per started LATE_PERIOD after the grace period.
        uint16 penaltyRateBps;
        /// @dev Capacity, 2..50.
        uint16 memberCount;
    }

    event MemberJoined(address indexed member, uint256 collateral);
    event OrganiserStarted(address[] order);
    event Began(uint64 firstDueAt, uint256 rounds);
    event ContributionCollected(uint256 indexed round, address indexed member, uint256 amount, uint256 penalty, uint64 timestamp);
    /// @notice `totalPaid` excludes the fee; both are what was paid (less than decided only on a loss);
    /// `yieldRecognised` is the strategy's yield the settlement brought into the pot.
    event RoundSettled(uint256 indexed round, uint256 totalPaid, uint256 fee, uint256 yieldRecognised);
    /// @notice One per payment of a settlement (`key = roundKey(round)`), a release (its key) or the dissolution
    /// (`DISSOLUTION_KEY`), including payments that were deferred.
    event Paid(bytes32 indexed key, address indexed to, uint256 amount);
    /// @notice `total`: what was paid (less than decided only on a loss).
    event Released(bytes32 indexed key, uint256 total);
    /// @notice `total`: everything the pool held, which its `Paid` events add up to.
    event Dissolved(uint256 total);
    /// @notice A transfer to `to` failed (a blacklisting token, a reverting hook): `to` may `claim()` it later.
    event PaymentDeferred(address indexed to, uint256 amount);
    event DeferredClaimed(address indexed to, uint256 amount);
    event PoolPaused(string reason);
    event PoolResumed();
    event OperatorChanged(address indexed previousOperator, address indexed newOperator);

    /// @notice The caller may not call this function (operator-only or organiser-only).
    error RotatingPoolUnauthorized(address caller);
    /// @notice A required address was zero.
    error RotatingPoolZeroAddress();
    /// @notice A term is out of bounds; `field` names it.
    error RotatingPoolInvalidTerms(string field);
    /// @notice Joining or starting after the pool began.
    error RotatingPoolAlreadyBegun();
    /// @notice A round operation (or a due date) before the pool began.
    error RotatingPoolNotBegun();
    /// @notice The organiser fixed the order (and so the members): nobody may join any more.
    error RotatingPoolOrderFixed();
    /// @notice The pool already has `capacity` members.
    error RotatingPoolFull(uint256 capacity);
    error RotatingPoolAlreadyMember(address member);
    error RotatingPoolNotMember(address account);
    /// @notice Beginning (or starting) with fewer than two members.
    error RotatingPoolTooFewMembers(uint256 count);
    /// @notice `round` is not the open round `expected` (rounds settle in order, each once).
    error RotatingPoolWrongRound(uint256 round, uint256 expected);
    /// @notice Every round is settled: nothing more to collect or settle.
    error RotatingPoolAllRoundsSettled();
    error RotatingPoolAlreadyCollected(uint256 round, address member);
    error RotatingPoolIsPaused();
    error RotatingPoolNotPaused();
    error RotatingPoolIsDissolved();
    /// @notice A payment to an address that is neither a member nor the organiser.
    error RotatingPoolUnknownRecipient(address to);
    error RotatingPoolZeroAmount();
    /// @notice Payments and fee of `needed` exceed the funds the log knows of (the principal plus the yield being
    /// recognised), or the strategy cannot pay `available` of them now for a reason other than a loss.
    error RotatingPoolInsufficientFunds(uint256 needed, uint256 available);
    /// @notice The strategy's asset is not the pool's token.
    error RotatingPoolStrategyAssetMismatch(address strategy);
    /// @notice A settlement's fee above `max` (MAX_FEE_BPS of the available funds).
    error RotatingPoolFeeTooHigh(uint256 fee, uint256 max);
    error RotatingPoolAlreadyReleased(bytes32 key);
    /// @notice Dissolution refunds of `total` do not add up exactly to the pool's principal, `held`.
    error RotatingPoolRefundsMismatch(uint256 total, uint256 held);
    /// @notice The organiser's order does not list every member exactly once.
    error RotatingPoolInvalidOrder();
    error RotatingPoolNothingDeferred(address account);
}
