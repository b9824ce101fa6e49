// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title TestGasBurner
/// @notice Tests only: a call as costly as asked (fresh storage slots, ~22k gas each), to show what a caller who
/// starves a nested call of gas can and cannot do.
contract TestGasBurner {
    mapping(uint256 => uint256) private _slots;
    uint256 private _written;

    /// @notice `count` slots were written.
    event TestGasBurnerBurned(uint256 count);

    /// @notice Writes `count` fresh storage slots.
    function burn(uint256 count) external {
        uint256 start = _written;
        for (uint256 i = 0; i < count; ++i) {
            _slots[start + i] = 1;
        }
        _written = start + count;
        emit TestGasBurnerBurned(count);
    }

    /// @notice How many slots all calls so far wrote.
    function written() external view returns (uint256) {
        return _written;
    }
}
