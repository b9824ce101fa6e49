import { safeAbi } from '@ayllu/chain';
import {
  nextSafeNonce,
  nextSetupStep,
  proposeModuleEnable,
  recordSafeModuleEnabled,
  type DeployedTreasury,
  type ExecutionEvents,
  type SetupStep,
} from '@ayllu/domain';
import { encodeFunctionData } from 'viem';
import type { ExecutionDeps, StepOutcome, StepRecorder } from './execution-deps';
import { appendSetup } from './execution-streams';
import { executeSafeTransactionStep } from './safe-execution-step';
import { buildSingleCallSafeTransaction, onChainSafeNonce } from './safe-steps';

const ACTOR = 'system:execution';

/**
 * The setup of a DAO whose Safe was attached: the Safe must enable the DAO's module relay before the timelock
 * can act as it. The worker proposes `enableModule(relay)` as a Safe transaction at the queue's next nonce;
 * the treasurers sign it through the treasurer API like a proposal's; at the threshold it is executed the same
 * way (checked against the Safe, sent once, keyed). A module the treasurers enabled by other means is recorded
 * as found. Steps are labelled `Setup:<step>` on the DAO's execution row.
 */
export async function runSetupStep(
  deps: ExecutionDeps,
  daoId: string,
  treasury: DeployedTreasury,
): Promise<{ step: string; outcome: StepOutcome }> {
  const step = nextSetupStep(treasury);
  const outcome = await perform(deps, daoId, treasury, step);
  return { step: step.type === 'Done' ? 'Deployed' : `Setup:${step.type}`, outcome };
}

async function perform(deps: ExecutionDeps, daoId: string, treasury: DeployedTreasury, step: SetupStep): Promise<StepOutcome> {
  const metadata = () => ({ actor: ACTOR, now: deps.now().toISOString() });
  const recorder: StepRecorder = {
    append: (decide) =>
      appendSetup(deps.store, daoId, decide, { actor: ACTOR, now: () => deps.now().toISOString(), correlationId: `setup:${daoId}` }),
    metadata,
  };
  const treasuryOnly = (events: ExecutionEvents['treasury']): ExecutionEvents => ({ treasury: events, proposal: [], dao: [] });
  switch (step.type) {
    case 'Done':
    case 'Wait':
    case 'AwaitSignatures':
      // A signature or an execution on the treasury stream wakes this step.
      return { next: 'idle' };
    case 'ExecuteSafeTransaction':
      return executeSafeTransactionStep(deps, daoId, treasury, step.safeTxHash, recorder);
    case 'ProposeModuleEnable': {
      const { contracts } = treasury;
      const module = contracts.moduleRelay;
      if (!module) throw new Error(`DAO ${daoId}: the attached Safe's module relay is not recorded`);
      const enabled = await deps.chain.public.readContract({
        address: contracts.safe,
        abi: safeAbi,
        functionName: 'isModuleEnabled',
        args: [module],
      });
      if (enabled) {
        await recorder.append((s) =>
          treasuryOnly(recordSafeModuleEnabled({ type: 'RecordSafeModuleEnabled', data: { module }, metadata: metadata() }, s.treasury)),
        );
        return { next: 'now' };
      }
      const call = {
        to: contracts.safe,
        value: 0n,
        data: encodeFunctionData({ abi: safeAbi, functionName: 'enableModule', args: [module] }),
      };
      const onChainNonce = await onChainSafeNonce(deps.chain, contracts.safe);
      const nonce = nextSafeNonce(treasury, onChainNonce);
      const { transaction, safeTxHash } = buildSingleCallSafeTransaction(contracts, call, nonce);
      const { nonce: _n, ...fields } = transaction;
      const description = `Safe ${contracts.safe}: enableModule(${module}), the DAO's timelock module relay (timelock ${contracts.timelock})`;
      await recorder.append((s) =>
        treasuryOnly(
          proposeModuleEnable(
            {
              type: 'ProposeModuleEnable',
              data: { safeTxHash, nonce, onChainNonce, transaction: fields, calls: [{ ...call, description }] },
              metadata: metadata(),
            },
            s.treasury,
          ),
        ),
      );
      return { next: 'now' };
    }
  }
}
