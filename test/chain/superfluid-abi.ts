import { parseAbi } from 'viem';

// The Superfluid calls the chain tests make, typed for viem. The deployed contracts come from the
// @superfluid-finance/ethereum-contracts artifacts; these signatures are the package's.
export const gdaForwarderAbi = parseAbi([
  'function distributeFlow(address token, address from, address pool, int96 requestedFlowRate, bytes userData) returns (bool)',
  'function distribute(address token, address from, address pool, uint256 requestedAmount, bytes userData) returns (bool)',
  'function connectPool(address pool, bytes userData) returns (bool)',
  'function claimAll(address pool, address memberAddress, bytes userData) returns (bool)',
  'function isMemberConnected(address pool, address member) view returns (bool)',
  'function getFlowDistributionFlowRate(address token, address from, address to) view returns (int96)',
  'function estimateFlowDistributionActualFlowRate(address token, address from, address to, int96 requestedFlowRate) view returns (int96 actualFlowRate, int96 totalDistributionFlowRate)',
]);

export const superfluidPoolAbi = parseAbi([
  'function admin() view returns (address)',
  'function getUnits(address member) view returns (uint128)',
  'function getTotalUnits() view returns (uint128)',
  'function getMemberFlowRate(address member) view returns (int96)',
  'function getTotalFlowRate() view returns (int96)',
  'function getClaimable(address member, uint32 time) view returns (int256)',
  'function updateMemberUnits(address member, uint128 newUnits) returns (bool)',
]);

export const superTokenAbi = parseAbi([
  'function upgrade(uint256 amount)',
  'function balanceOf(address account) view returns (uint256)',
  'function realtimeBalanceOf(address account, uint256 timestamp) view returns (int256 availableBalance, uint256 deposit, uint256 owedDeposit)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
]);
