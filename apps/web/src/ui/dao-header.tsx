import { useConnection } from 'wagmi';
import { useContracts, useDao } from '../api/queries';
import { chainName } from '../wallet/config';
import { ensureChain } from '../wallet/actions';
import { ActionButton } from './action-button';
import { ProblemNotice } from './problem-notice';

/** The DAO's name, and a warning with a switch button when the wallet is on another chain than the DAO. */
export function DaoHeader({ daoId, title }: { daoId: string; title: string }) {
  const dao = useDao(daoId);
  const contracts = useContracts(daoId);
  const { chainId, address } = useConnection();
  const daoChain = contracts.data?.chainId;
  return (
    <>
      <p className="eyebrow">{dao.data?.name ?? 'Loading the DAO…'}</p>
      <h1>{title}</h1>
      <ProblemNotice error={dao.error} />
      {address && daoChain !== undefined && chainId !== daoChain && (
        <div className="notice notice-warn" role="alert">
          <p className="notice-title">Wrong network</p>
          <p>
            Your wallet is on {chainName(chainId ?? 0)}; this DAO lives on {chainName(daoChain)} (chain id {daoChain}). Signing or sending
            from the wrong network would fail.
          </p>
          <ActionButton label={`Switch to ${chainName(daoChain)}`} run={() => ensureChain(daoChain)} done="Switched." />
        </div>
      )}
    </>
  );
}
