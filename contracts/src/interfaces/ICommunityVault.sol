// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {ISuperfluidPool} from "@superfluid-finance/ethereum-contracts/contracts/interfaces/agreements/gdav1/ISuperfluidPool.sol";

/// @title ICommunityVault
/// @notice The stable public surface of the community vault: what the chain adapters, the indexer and the
/// execution workflow (Safe → timelock → vault) rely on.
interface ICommunityVault {
    /// @notice Who may deposit. `Closed` and `Hybrid` behave the same on-chain (only admitted addresses); they
    /// differ off-chain in who decides the admission (a vote, or an admin after verification).
    enum AccessMode {
        Open,
        Closed,
        Hybrid
    }

    /// @notice Settings the owner may change, within bounds.
    struct Parameters {
        AccessMode accessMode;
        uint256 minimumDeposit;
        uint16 smallWithdrawalLimitBps;
        uint48 withdrawalWindow;
        uint48 emergencyExitWait;
    }

    /// @notice Everything `initialize` needs.
    struct InitParams {
        address asset;
        address payoutToken;
        address gdaForwarder;
        address owner;
        address guardian;
        Parameters parameters;
        uint256 unitScale;
    }

    event Deposited(address indexed member, uint256 assets, uint256 shares);
    event Withdrawn(address indexed member, uint256 assets, uint256 shares, bool usedApproval);
    event MemberAdmitted(address indexed member);
    event MemberRemoved(address indexed member, uint256 assetsPaid);
    event PoolUnitsUpdated(address indexed member, uint128 units);
    event WithdrawalApproved(address indexed member, uint256 amount);
    event EmergencyExitRequested(address indexed member, uint256 availableAt);
    event EmergencyExitCompleted(address indexed member, uint256 assetsPaid);
    event ParametersUpdated(Parameters parameters);
    event GuardianChanged(address indexed previousGuardian, address indexed newGuardian);
    event StrategyChanged(address indexed previousStrategy, address indexed newStrategy, uint256 assetsInvested);
    event YieldHarvested(address indexed treasury, uint256 amount);

    /// @notice The caller is neither the owner nor the guardian.
    error CommunityVaultUnauthorized(address caller);
    /// @notice A required address was zero.
    error CommunityVaultZeroAddress();
    /// @notice An amount of zero was given where it would do nothing.
    error CommunityVaultZeroAmount();
    /// @notice The vault's access mode requires `account` to be admitted before depositing.
    error CommunityVaultNotAdmitted(address account);
    /// @notice A deposit of `amount` is under the minimum deposit `minimum`.
    error CommunityVaultBelowMinimumDeposit(uint256 amount, uint256 minimum);
    /// @notice The vault already has `maximum` members.
    error CommunityVaultMembersFull(uint256 maximum);
    /// @notice `account` is not a member.
    error CommunityVaultNotMember(address account);
    /// @notice `member` asked for `requested` but holds only `balance`.
    error CommunityVaultInsufficientBalance(address member, uint256 requested, uint256 balance);
    /// @notice `requested` is above both the instant limit still available and the owner-approved allowance.
    error CommunityVaultWithdrawalOverLimit(address member, uint256 requested, uint256 instantAvailable, uint256 approved);
    /// @notice `member` has not requested an emergency exit.
    error CommunityVaultExitNotRequested(address member);
    /// @notice `member`'s emergency exit is not available before `availableAt`.
    error CommunityVaultExitNotReady(address member, uint256 availableAt);
    /// @notice `member`'s emergency exit lapsed at `expiredAt` unused; a new request starts a new wait.
    error CommunityVaultExitLapsed(address member, uint256 expiredAt);
    /// @notice A parameter is outside its bounds; `name` says which.
    error CommunityVaultParameterOutOfBounds(string name);
    /// @notice The strategy's asset is not the vault's asset.
    error CommunityVaultStrategyAssetMismatch(address strategy);
    /// @notice The vault holds no realised yield to harvest.
    error CommunityVaultNoYield();
    /// @notice The strategy lost every asset backing the members' shares: no deposit can be priced against them.
    error CommunityVaultAssetsLost();
    /// @notice Moving to the new strategy would turn assets worth `assetsBefore` into `assetsAfter` (more than rounding lost).
    error CommunityVaultStrategyMoveLoss(uint256 assetsBefore, uint256 assetsAfter);

    /// @notice Deposits `assets` for shares: 1:1 while the vault holds at least its members' principal, else at the
    /// assets held per share (rounded down).
    function deposit(uint256 assets) external;
    /// @notice Gives up `assets` of the caller's shares (`sharesOf`) and pays what they are worth: the same amount
    /// while the vault holds at least its members' principal, else their pro-rata part of what it holds.
    function withdraw(uint256 assets) external;
    function requestEmergencyExit() external;
    function completeEmergencyExit() external;

    function admitMember(address member) external;
    function removeMember(address member) external;
    function approveWithdrawal(address member, uint256 amount) external;
    function setParameters(Parameters calldata parameters) external;
    function setGuardian(address newGuardian) external;
    function setStrategy(IERC4626 newStrategy) external;
    function harvest() external returns (uint256 amount);
    function pause() external;
    function unpause() external;

    function asset() external view returns (address);
    function payoutToken() external view returns (address);
    function pool() external view returns (ISuperfluidPool);
    function guardian() external view returns (address);
    function strategy() external view returns (IERC4626);
    function parameters() external view returns (Parameters memory);
    function unitScale() external view returns (uint256);
    function isMember(address account) external view returns (bool);
    function isAdmitted(address account) external view returns (bool);
    function memberCount() external view returns (uint256);
    function balanceOf(address member) external view returns (uint256);
    function sharesOf(address member) external view returns (uint256);
    function totalShares() external view returns (uint256);
    function totalAssets() external view returns (uint256);
    function unitsOf(address member) external view returns (uint128);
    function withdrawableNow(address member) external view returns (uint256);
    function instantWithdrawalAvailable(address member) external view returns (uint256);
    function approvedWithdrawalOf(address member) external view returns (uint256);
    function emergencyExitAvailableAt(address member) external view returns (uint256);
    function emergencyExitExpiresAt(address member) external view returns (uint256);
}
