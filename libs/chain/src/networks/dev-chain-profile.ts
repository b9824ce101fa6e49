import type { DevChain } from '../local/deploy-dev-chain';
import type { NetworkProfile } from './network-profile';

/** The development chain described as any other network: what `npm start` and `npm run chain` write. */
export const devChainProfile = (devChain: DevChain): NetworkProfile => ({
  name: 'development',
  chainId: devChain.chainId,
  displayName: 'Local development chain (Hardhat)',
  testnet: true,
  rpcUrls: [devChain.rpcUrl],
  confirmations: 0,
  safe: {
    singleton: devChain.safe.safeSingleton,
    proxyFactory: devChain.safe.safeProxyFactory,
    multiSend: devChain.safe.multiSend,
    multiSendCallOnly: devChain.safe.multiSendCallOnly,
    fallbackHandler: devChain.safe.fallbackHandler,
    signMessageLib: devChain.safe.signMessageLib,
  },
  superfluid: {
    host: devChain.superfluid.host,
    gda: devChain.superfluid.gda,
    gdaForwarder: devChain.superfluid.gdaV1Forwarder,
    cfaForwarder: devChain.superfluid.cfaV1Forwarder,
    superTokenFactory: devChain.superfluid.superTokenFactory,
    resolver: devChain.superfluid.resolver,
  },
  tokens: [{ symbol: 'TST', address: devChain.testToken, decimals: 18, superToken: devChain.testSuperToken }],
  ayllu: { communityVaultImplementation: devChain.communityVaultImplementation },
  development: {
    deployer: devChain.deployer,
    testToken: devChain.testToken,
    testSuperToken: devChain.testSuperToken,
    testStrategy: devChain.testStrategy,
    communityVaultImplementation: devChain.communityVaultImplementation,
  },
});
