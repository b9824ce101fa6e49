import { describe, expect, it } from '@jest/globals';
import {
  CallExecutionError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  HttpRequestError,
  LimitExceededRpcError,
  RpcRequestError,
  TimeoutError,
  parseAbi,
} from 'viem';
import { classifyChainError, isRevert } from './chain-error-kind';
import { FeesAboveCapError } from './fees-above-cap';

const abi = parseAbi(['function pay(uint256 amount)', 'error TooMuch(uint256 limit)']);
const callParams = { account: undefined, to: '0x0000000000000000000000000000000000000001' } as const;

describe('classifyChainError', () => {
  it('names a contract revert with its custom error and calls it permanent', () => {
    const revert = new ContractFunctionRevertedError({
      abi,
      functionName: 'pay',
      data: '0xa1b2c3d4',
      message: 'execution reverted',
    });
    const error = new ContractFunctionExecutionError(revert, { abi, functionName: 'pay', args: [1n] });
    expect(classifyChainError(error).kind).toBe('revert');
    expect(isRevert(error)).toBe(true);
  });

  it('reads a node-worded revert inside a plain call as a revert', () => {
    const error = new CallExecutionError(new ExecutionRevertedError({ message: 'execution reverted: GS013' }), callParams);
    expect(classifyChainError(error)).toEqual({ kind: 'revert', reason: expect.stringContaining('GS013') });
  });

  it.each([
    ['an HTTP 429', new HttpRequestError({ url: 'http://rpc', status: 429, body: {} })],
    ['an HTTP 503', new HttpRequestError({ url: 'http://rpc', status: 503, body: {} })],
    ['a timeout', new TimeoutError({ url: 'http://rpc', body: {} })],
    [
      'an RPC limit error',
      new LimitExceededRpcError(new RpcRequestError({ url: 'http://rpc', body: {}, error: { code: -32005, message: 'limit' } })),
    ],
    ['an RPC "resource unavailable"', new RpcRequestError({ url: 'http://rpc', body: {}, error: { code: -32002, message: 'busy' } })],
  ])('calls %s a transport error, never a revert', (_name, transport) => {
    const error = new CallExecutionError(transport, callParams);
    expect(classifyChainError(error).kind).toBe('transport');
    expect(isRevert(error)).toBe(false);
  });

  it("calls fees above the relayer's cap a fee error: retried later, never a revert", () => {
    const error = new FeesAboveCapError({ network: 150_500_000_000n, cap: 100n * 10n ** 9n, market: 'eip1559' });
    expect(classifyChainError(error)).toEqual({
      kind: 'fees',
      reason: "fees above cap: the network's base fee 150.5 gwei is above the relayer's cap of 100 gwei",
    });
    expect(isRevert(error)).toBe(false);
  });

  it('leaves errors that are not viem errors as unknown', () => {
    expect(classifyChainError(new Error('boom'))).toEqual({ kind: 'unknown', reason: 'boom' });
    expect(classifyChainError('boom').kind).toBe('unknown');
  });
});
