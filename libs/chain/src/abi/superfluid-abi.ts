import { parseAbi } from 'viem';

// The Superfluid GDA surface the adapters and the indexer use; signatures as in
// @superfluid-finance/ethereum-contracts 1.15.2 (GDAv1Forwarder, SuperfluidPool, SuperToken, GDAv1 events).

export const gdaForwarderAbi = parseAbi([
  'function distributeFlow(address token, address from, address pool, int96 requestedFlowRate, bytes userData) returns (bool)',
  'function distribute(address token, address from, address pool, uint256 requestedAmount, bytes userData) returns (bool)',
  'function connectPool(address pool, bytes userData) returns (bool)',
  'function disconnectPool(address pool, bytes userData) returns (bool)',
  'function claimAll(address pool, address memberAddress, bytes userData) returns (bool)',
  'function isMemberConnected(address pool, address member) view returns (bool)',
  'function getFlowDistributionFlowRate(address token, address from, address to) view returns (int96)',
]);

export const superfluidPoolAbi = parseAbi([
  'function admin() view returns (address)',
  'function superToken() view returns (address)',
  'function getUnits(address member) view returns (uint128)',
  'function getTotalUnits() view returns (uint128)',
  'function getMemberFlowRate(address member) view returns (int96)',
  'function getTotalFlowRate() view returns (int96)',
  'function getClaimable(address member, uint32 time) view returns (int256)',
  'event MemberUnitsUpdated(address indexed token, address indexed member, uint128 oldUnits, uint128 newUnits)',
  'event DistributionClaimed(address indexed token, address indexed member, int256 claimedAmount, int256 totalClaimed)',
]);

export const superTokenAbi = parseAbi([
  'function upgrade(uint256 amount)',
  'function balanceOf(address account) view returns (uint256)',
  'function realtimeBalanceOf(address account, uint256 timestamp) view returns (int256 availableBalance, uint256 deposit, uint256 owedDeposit)',
  'function transfer(address to, uint256 amount) returns (bool)',
]);

/** Events the GeneralDistributionAgreementV1 contract itself emits (not the forwarder, not the pool). */
export const gdaEventsAbi = parseAbi([
  'event FlowDistributionUpdated(address indexed token, address indexed pool, address indexed distributor, address operator, int96 oldFlowRate, int96 newDistributorToPoolFlowRate, int96 newTotalDistributionFlowRate, address adjustmentFlowRecipient, int96 adjustmentFlowRate, bytes userData)',
  'event InstantDistributionUpdated(address indexed token, address indexed pool, address indexed distributor, address operator, uint256 requestedAmount, uint256 actualAmount, bytes userData)',
  'event PoolConnectionUpdated(address indexed token, address indexed pool, address indexed account, bool connected, bytes userData)',
]);
