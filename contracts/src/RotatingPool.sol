// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {RotatingPoolFunds} from "./RotatingPoolFunds.sol";

/// @title RotatingPool
/// @notice Custody of one rotating savings pool (ROSCA). The platform's event log decides every amount; the
/// operator (the platform's relayer) executes those decisions here, and the organiser (the DAO's Safe) can pause
/// the pool, replace the operator and fix the order. What a compromised operator can still do is bounded: money
/// only leaves to members or the organiser (and a fee of at most MAX_FEE_BPS of the funds to the fee recipient),
/// rounds settle in order and once, each release key pays once, a contribution is pulled once per member and
/// round at exactly the terms' price, and dissolution needs the organiser's pause and must refund everything.
/// @dev Payments never block the pool: a transfer that fails is credited to the recipient's deferred balance,
/// which they `claim()` later; deferred funds are excluded from what the pool may pay or refund. Money pulled in
/// is invested in the DAO's strategy (see RotatingPoolFunds); a settlement recognises the yield the log decided,
/// and a dissolution shares whatever the pool holds beyond or below its principal pro rata over the refunds.
contract RotatingPool is RotatingPoolFunds, ReentrancyGuardTransient {
    /// @notice The late period penalties escalate by: a week, as the domain's LATE_PERIOD_SECONDS.
    uint256 public constant LATE_PERIOD = 7 days;
    /// @notice A settlement's fee is at most this share of the funds the pool holds (the domain caps the platform
    /// fee at 10% of a round's pot, which is never more than those funds).
    uint16 public constant MAX_FEE_BPS = 1_000;
    uint16 public constant MIN_MEMBERS = 2;
    uint16 public constant MAX_MEMBERS = 50;
    /// @notice The key of the dissolution's Paid events.
    bytes32 public constant DISSOLUTION_KEY = keccak256("ayllu.rotating.dissolution");
    uint256 private constant _BPS = 10_000;

    address private immutable _organiser;
    address private immutable _feeRecipient;
    uint256 private immutable _contributionAmount;
    uint256 private immutable _collateralAmount;
    uint64 private immutable _intervalSeconds;
    uint64 private immutable _graceSeconds;
    uint16 private immutable _penaltyRateBps;
    uint16 private immutable _memberCount;

    address private _operator;
    address[] private _members;
    mapping(address account => bool) private _isMember;
    address[] private _order;
    uint64 private _firstDueAt;
    uint256 private _rounds;
    uint256 private _roundsSettled;
    bool private _paused;
    bool private _dissolved;
    mapping(uint256 round => mapping(address member => uint256)) private _collected;
    mapping(bytes32 key => bool) private _released;

    modifier onlyOperator() {
        if (msg.sender != _operator) revert RotatingPoolUnauthorized(msg.sender);
        if (_dissolved) revert RotatingPoolIsDissolved();
        _;
    }

    modifier onlyOrganiser() {
        if (msg.sender != _organiser) revert RotatingPoolUnauthorized(msg.sender);
        if (_dissolved) revert RotatingPoolIsDissolved();
        _;
    }

    modifier whenNotPaused() {
        if (_paused) revert RotatingPoolIsPaused();
        _;
    }

    /// @notice Deployed by the operator, one instance per pool; the terms and the strategy (an ERC-4626 vault over
    /// `token_`, or address(0) for none) are fixed for the pool's life.
    constructor(
        IERC20 token_,
        IERC4626 strategy_,
        address organiser_,
        address operator_,
        address feeRecipient_,
        PoolTerms memory terms_
    ) RotatingPoolFunds(token_, strategy_) {
        if (
            address(token_) == address(0) || organiser_ == address(0) || operator_ == address(0)
                || feeRecipient_ == address(0)
        ) revert RotatingPoolZeroAddress();
        if (terms_.contributionAmount == 0) revert RotatingPoolInvalidTerms("contributionAmount");
        if (terms_.intervalSeconds == 0) revert RotatingPoolInvalidTerms("intervalSeconds");
        if (terms_.penaltyRateBps > _BPS) revert RotatingPoolInvalidTerms("penaltyRateBps");
        if (terms_.memberCount < MIN_MEMBERS || terms_.memberCount > MAX_MEMBERS) {
            revert RotatingPoolInvalidTerms("memberCount");
        }
        _organiser = organiser_;
        _operator = operator_;
        _feeRecipient = feeRecipient_;
        _contributionAmount = terms_.contributionAmount;
        _collateralAmount = terms_.collateralAmount;
        _intervalSeconds = terms_.intervalSeconds;
        _graceSeconds = terms_.graceSeconds;
        _penaltyRateBps = terms_.penaltyRateBps;
        _memberCount = terms_.memberCount;
        emit OperatorChanged(address(0), operator_);
    }

    // ------------------------------------------------------------------ operator

    /// @notice Adds `member` before the pool begins and pulls their collateral (they approved this contract).
    function join(address member) external onlyOperator whenNotPaused nonReentrant {
        if (_firstDueAt != 0) revert RotatingPoolAlreadyBegun();
        if (_order.length != 0) revert RotatingPoolOrderFixed();
        if (member == address(0)) revert RotatingPoolZeroAddress();
        if (_isMember[member]) revert RotatingPoolAlreadyMember(member);
        if (_members.length >= _memberCount) revert RotatingPoolFull(_memberCount);
        _isMember[member] = true;
        _members.push(member);
        emit MemberJoined(member, _collateralAmount);
        if (_collateralAmount > 0) _pull(member, _collateralAmount);
    }

    /// @notice Begins the rounds, once: as many rounds as members, round 0 due at `firstDueAt`.
    function begin(uint64 firstDueAt_) external onlyOperator whenNotPaused {
        if (_firstDueAt != 0) revert RotatingPoolAlreadyBegun();
        if (firstDueAt_ == 0) revert RotatingPoolInvalidTerms("firstDueAt");
        if (_members.length < MIN_MEMBERS) revert RotatingPoolTooFewMembers(_members.length);
        _firstDueAt = firstDueAt_;
        _rounds = _members.length;
        emit Began(firstDueAt_, _rounds);
    }

    /// @notice Pulls `member`'s contribution for the open round plus the penalty due now.
    /// @return amount The contribution.
    /// @return penalty The late penalty, `penaltyAt(round, block.timestamp)`.
    function collect(uint256 round, address member)
        external
        onlyOperator
        whenNotPaused
        nonReentrant
        returns (uint256 amount, uint256 penalty)
    {
        _requireOpenRound(round);
        if (!_isMember[member]) revert RotatingPoolNotMember(member);
        if (_collected[round][member] != 0) revert RotatingPoolAlreadyCollected(round, member);
        amount = _contributionAmount;
        penalty = penaltyAt(round, block.timestamp);
        _collected[round][member] = amount + penalty;
        emit ContributionCollected(round, member, amount, penalty, uint64(block.timestamp));
        _pull(member, amount + penalty);
    }

    /// @notice Settles the open round: recognises the strategy's yield the log decided (`yieldRecognised`, which the
    /// worker read from `yieldAvailable()`), pays what the log decided and the fee, and opens the next round. Also
    /// while paused: a round the log settled before the pause is carried out, so a dissolution never waits behind it.
    /// When the pool holds less than its principal plus that yield (a strategy loss, also one after the log decided,
    /// or rounding no yield covered) it pays what there is: the fee absorbs the loss first, then the last payments.
    /// @dev Yield the pool does not hold is not refused (that would leave the round unsettleable after a loss between
    /// the decision and this call): it is a loss like any other, and the fee cap counts only the yield it holds.
    function settle(uint256 round, Payment[] calldata payments, uint256 fee, uint256 yieldRecognised)
        external
        onlyOperator
        nonReentrant
    {
        _requireOpenRound(round);
        uint256 held = _principal + Math.min(yieldRecognised, yieldAvailable());
        uint256 maxFee = Math.mulDiv(held, MAX_FEE_BPS, _BPS);
        if (fee > maxFee) revert RotatingPoolFeeTooHigh(fee, maxFee);
        uint256 totalPaid = _checkPayments(payments);
        uint256 needed = totalPaid + fee;
        uint256 payable_ = _spend(_principal + yieldRecognised, needed);
        _roundsSettled = round + 1;
        uint256 feePaid = payable_ > totalPaid ? payable_ - totalPaid : 0;
        if (feePaid > fee) feePaid = fee;
        emit RoundSettled(round, payable_ - feePaid, feePaid, yieldRecognised);
        _payAll(roundKey(round), payments, payable_ - feePaid);
        if (feePaid > 0) _pay(_feeRecipient, feePaid);
    }

    /// @notice Pays out a departure (or any other one-off decision of the log) under `key`, once per key; also while
    /// paused, for the same reason as `settle`, and paying what there is on a loss as `settle` does.
    function release(bytes32 key, Payment[] calldata payments) external onlyOperator nonReentrant {
        if (_released[key]) revert RotatingPoolAlreadyReleased(key);
        uint256 total = _checkPayments(payments);
        uint256 payable_ = _spend(_principal, total);
        _released[key] = true;
        emit Released(key, payable_);
        _payAll(key, payments, payable_);
    }

    /// @notice Refunds everything the pool holds (deferred balances excepted) and closes it for good; only while the
    /// organiser has it paused. The refunds must add up to the principal; the contract scales them to what it holds
    /// (unrecognised yield shared pro rata, or a loss borne pro rata), floor each, the remainder to the largest
    /// refund (the first of equals), so what it pays adds up exactly to its holdings. Deferred balances stay claimable.
    function dissolve(Payment[] calldata refunds) external onlyOperator nonReentrant {
        if (!_paused) revert RotatingPoolNotPaused();
        uint256 total = _checkPayments(refunds);
        if (total != _principal) revert RotatingPoolRefundsMismatch(total, _principal);
        _dissolved = true;
        _principal = 0;
        // The strategy is the DAO's, fixed at deployment: redeeming before the payments is a call to a known vault.
        uint256 held = _freeAll();
        emit Dissolved(held);
        if (total == 0) {
            if (held > 0) _payOne(DISSOLUTION_KEY, _organiser, held);
            return;
        }
        uint256 largest = 0;
        uint256 given = 0;
        uint256[] memory amounts = new uint256[](refunds.length);
        for (uint256 i = 0; i < refunds.length; i++) {
            amounts[i] = Math.mulDiv(refunds[i].amount, held, total);
            given += amounts[i];
            if (refunds[i].amount > refunds[largest].amount) largest = i;
        }
        amounts[largest] += held - given;
        for (uint256 i = 0; i < refunds.length; i++) {
            if (amounts[i] > 0) _payOne(DISSOLUTION_KEY, refunds[i].to, amounts[i]);
        }
    }

    // ------------------------------------------------------------------ organiser

    /// @notice Stops every operator call except `dissolve`; `reason` is recorded for members to read.
    function pause(string calldata reason) external onlyOrganiser {
        _paused = true;
        emit PoolPaused(reason);
    }

    /// @notice Lets the operator act again.
    function resume() external onlyOrganiser {
        if (!_paused) revert RotatingPoolNotPaused();
        _paused = false;
        emit PoolResumed();
    }

    /// @notice The organiser's start (a manual order, or starting before the pool is full): fixes the order of
    /// recipients, which must list every member exactly once, and closes joining. The operator then begins.
    function startWithOrder(address[] calldata order_) external onlyOrganiser {
        if (_firstDueAt != 0) revert RotatingPoolAlreadyBegun();
        if (_order.length != 0) revert RotatingPoolOrderFixed();
        if (order_.length < MIN_MEMBERS) revert RotatingPoolTooFewMembers(order_.length);
        if (order_.length != _members.length) revert RotatingPoolInvalidOrder();
        for (uint256 i = 0; i < order_.length; i++) {
            if (!_isMember[order_[i]]) revert RotatingPoolNotMember(order_[i]);
            for (uint256 j = 0; j < i; j++) {
                if (order_[j] == order_[i]) revert RotatingPoolInvalidOrder();
            }
            _order.push(order_[i]);
        }
        emit OrganiserStarted(order_);
    }

    /// @notice Replaces the operator (a compromised or rotated relayer key).
    function setOperator(address operator_) external onlyOrganiser {
        if (operator_ == address(0)) revert RotatingPoolZeroAddress();
        emit OperatorChanged(_operator, operator_);
        _operator = operator_;
    }

    // ------------------------------------------------------------------ anyone

    /// @notice Pays the caller what failed to reach them earlier; reverts (and keeps it owed) if it fails again.
    /// Works in every state, also after dissolution.
    function claim() external nonReentrant {
        _claimDeferred(msg.sender);
    }

    // ------------------------------------------------------------------ views

    /// @notice The late penalty for paying `round` at `timestamp`, exactly as the domain's `latePenalty`: nothing
    /// up to the end of the grace period, then penaltyRateBps of the contribution per started LATE_PERIOD, floor.
    function penaltyAt(uint256 round, uint256 timestamp) public view returns (uint256) {
        uint256 due = dueAt(round);
        if (timestamp <= due) return 0;
        uint256 secondsLate = timestamp - due;
        if (secondsLate <= _graceSeconds) return 0;
        uint256 periods = Math.ceilDiv(secondsLate - _graceSeconds, LATE_PERIOD);
        return Math.mulDiv(_contributionAmount, uint256(_penaltyRateBps) * periods, _BPS);
    }

    /// @notice When `round`'s contributions are due; reverts before the pool began.
    function dueAt(uint256 round) public view returns (uint256) {
        if (_firstDueAt == 0) revert RotatingPoolNotBegun();
        return uint256(_firstDueAt) + round * _intervalSeconds;
    }

    /// @notice The key of a round's Paid events, distinct from any release key the worker derives.
    function roundKey(uint256 round) public pure returns (bytes32) {
        return keccak256(abi.encode("ayllu.rotating.round", round));
    }

    /// @notice What was pulled from `member` for `round` (contribution + penalty); 0 = not collected.
    function collected(uint256 round, address member) external view returns (uint256 amount) {
        return _collected[round][member];
    }

    function settled(uint256 round) external view returns (bool) {
        return round < _roundsSettled;
    }

    function released(bytes32 key) external view returns (bool) {
        return _released[key];
    }

    function isMember(address account) external view returns (bool) {
        return _isMember[account];
    }

    /// @notice The members in joining order.
    function members() external view returns (address[] memory) {
        return _members;
    }

    /// @notice The organiser's order of recipients; empty unless the organiser started the pool.
    function order() external view returns (address[] memory) {
        return _order;
    }

    function terms() external view returns (PoolTerms memory) {
        return PoolTerms(
            _contributionAmount, _collateralAmount, _intervalSeconds, _graceSeconds, _penaltyRateBps, _memberCount
        );
    }

    function token() external view returns (IERC20) {
        return _token;
    }

    function organiser() external view returns (address) {
        return _organiser;
    }

    function operator() external view returns (address) {
        return _operator;
    }

    function feeRecipient() external view returns (address) {
        return _feeRecipient;
    }

    function roundsSettled() external view returns (uint256) {
        return _roundsSettled;
    }

    /// @notice The number of rounds (the members at `begin`); 0 before.
    function rounds() external view returns (uint256) {
        return _rounds;
    }

    /// @notice Round 0's due date; 0 before `begin`.
    function firstDueAt() external view returns (uint64) {
        return _firstDueAt;
    }

    function paused() external view returns (bool) {
        return _paused;
    }

    function dissolved() external view returns (bool) {
        return _dissolved;
    }

    // ------------------------------------------------------------------ internal

    function _requireOpenRound(uint256 round) private view {
        if (_firstDueAt == 0) revert RotatingPoolNotBegun();
        if (_roundsSettled >= _rounds) revert RotatingPoolAllRoundsSettled();
        if (round != _roundsSettled) revert RotatingPoolWrongRound(round, _roundsSettled);
    }

    /// @dev Books `needed` of the log's `funds` as spent and frees it from the strategy; returns what the pool pays.
    /// It pays less only when the pool holds less than its principal, and by no more than that shortfall: a strategy
    /// that merely cannot pay now (paused, illiquid) makes the call revert, to be retried.
    function _spend(uint256 funds, uint256 needed) private returns (uint256 payable_) {
        if (needed > funds) revert RotatingPoolInsufficientFunds(needed, funds);
        uint256 held = _funds();
        uint256 loss = funds > held ? funds - held : 0;
        _principal = funds - needed;
        payable_ = _free(needed);
        if (needed - payable_ > loss) revert RotatingPoolInsufficientFunds(needed, payable_);
    }

    /// @dev Every recipient is a member or the organiser and every amount positive; returns the sum.
    function _checkPayments(Payment[] calldata payments) private view returns (uint256 total) {
        for (uint256 i = 0; i < payments.length; i++) {
            address to = payments[i].to;
            if (!_isMember[to] && to != _organiser) revert RotatingPoolUnknownRecipient(to);
            if (payments[i].amount == 0) revert RotatingPoolZeroAmount();
            total += payments[i].amount;
        }
    }

    /// @dev Pays `payments` in order out of `budget`: when the budget is short, the last payments get less (or none).
    function _payAll(bytes32 key, Payment[] calldata payments, uint256 budget) private {
        for (uint256 i = 0; i < payments.length; i++) {
            uint256 amount = Math.min(payments[i].amount, budget);
            if (amount == 0) continue;
            budget -= amount;
            _payOne(key, payments[i].to, amount);
        }
    }

    function _payOne(bytes32 key, address to, uint256 amount) private {
        emit Paid(key, to, amount);
        _pay(to, amount);
    }
}
