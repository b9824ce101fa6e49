// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title TestRotatingPoolOrganiser
/// @notice Tests only: a stand-in for RotatingPool.sol's organiser surface (pause, resume, startWithOrder), only the
/// organiser (the DAO's Safe) may call them, with the same state rules (no pause twice, no resume unpaused, no
/// start after the schedule began), so specs can run organiser actions through a real Safe before the real
/// contract exists. `begin` and `firstDueAt` let the worker's `begin` effect run against it.
contract TestRotatingPoolOrganiser {
    address public immutable organiser;
    bool public paused;
    bool public started;
    uint64 public firstDueAt;

    error TestRotatingPoolNotOrganiser();
    error TestRotatingPoolPaused();
    error TestRotatingPoolNotPaused();
    error TestRotatingPoolAlreadyStarted();

    event PoolPaused(string reason);
    event PoolResumed();
    event OrganiserStarted(address[] order);
    event Began(uint64 firstDueAt, uint256 rounds);

    /// @param organiser_ The only caller of the organiser functions.
    constructor(address organiser_) {
        organiser = organiser_;
    }

    modifier onlyOrganiser() {
        if (msg.sender != organiser) revert TestRotatingPoolNotOrganiser();
        _;
    }

    /// @notice Pauses the pool (EMERGENCY), with why.
    function pause(string calldata reason) external onlyOrganiser {
        if (paused) revert TestRotatingPoolPaused();
        paused = true;
        emit PoolPaused(reason);
    }

    /// @notice Resumes a paused pool.
    function resume() external onlyOrganiser {
        if (!paused) revert TestRotatingPoolNotPaused();
        paused = false;
        emit PoolResumed();
    }

    /// @notice The organiser's start, once, before the schedule began.
    function startWithOrder(address[] calldata order) external onlyOrganiser {
        if (started || firstDueAt != 0) revert TestRotatingPoolAlreadyStarted();
        started = true;
        emit OrganiserStarted(order);
    }

    /// @notice The operator's start of the schedule (anyone, in this stand-in).
    function begin(uint64 firstDueAt_) external {
        if (firstDueAt != 0) revert TestRotatingPoolAlreadyStarted();
        firstDueAt = firstDueAt_;
        emit Began(firstDueAt_, 0);
    }
}
