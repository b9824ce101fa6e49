/** The scheduled jobs of a proposal's life, one pg-boss queue each. */
export const PROPOSAL_QUEUES = {
  close: 'proposal.close',
  remind: 'proposal.remind',
  expire: 'proposal.expire',
} as const;

export type ProposalJobKind = keyof typeof PROPOSAL_QUEUES;

export interface ProposalJobData {
  readonly daoId: string;
  readonly proposalId: string;
  /** `deadline`: due at its time; `early`: see whether early close applies now (after a vote). */
  readonly trigger: 'deadline' | 'early';
}

/**
 * One pending job per proposal, kind and trigger: the queues use pg-boss's `short` policy, under which a
 * second job with the same singletonKey is not created while the first waits, so two workers (or a
 * subscription batch retried after a crash) schedule once.
 */
export const singletonKey = (kind: ProposalJobKind, data: ProposalJobData): string => `${kind}:${data.trigger}:${data.proposalId}`;
