/** What a holder can do about the share pools' refusals, by stable problem code. */
export const SHARE_POOL_HINTS: Record<string, string> = {
  'SHARE_POOL.ALLOWANCE_TOO_LOW':
    'The pool’s contract may not take that many tokens from your wallet yet: press the button again and approve.',
  'SHARE_POOL.BALANCE_TOO_LOW': 'Your wallet does not hold enough of the token: top it up or ask for less.',
  'SHARE_POOL.NOT_ENOUGH_SHARES':
    'Not that many shares are free (for a transfer: not promised to another transfer under way): ask for fewer.',
  'SHARE_POOL.PAUSED': 'The DAO paused this pool. Try again once it resumes; unstaking and claims still work.',
  'SHARE_POOL.UNKNOWN_CODE': 'This pool does not know that code: check it letter by letter (codes are case-sensitive).',
  'SHARE_POOL.CODE_USED': 'That code was already used or withdrawn; each code works once. Ask whoever gave it to you for a new one.',
  'SHARE_POOL.TRANSFERS_NOT_ALLOWED': 'This pool does not let holders transfer shares.',
  'SHARE_POOL.ACCESS_DENIED': 'This pool only takes those who meet its conditions (see “Who may come in”).',
  'SHARE_POOL.NOT_A_DAO_MEMBER': 'This pool is private: join the DAO first, on its community pool page.',
  'SHARE_POOL.EXPIRED': 'This pool no longer takes newcomers.',
  'SHARE_POOL.FULL': 'The pool (or its crowdfunding) has as many participants as it allows.',
  'SHARE_POOL.CROWDFUNDING_CLOSED': 'The crowdfunding has ended: no more contributions are taken.',
  'SHARE_POOL.NOT_DEPLOYED': 'The pool’s contract is still being deployed: try again in a minute. Nothing was recorded.',
  'SHARE_POOL.JOIN_PENDING': 'Your request is already waiting for the DAO’s decision.',
  'SHARE_POOL.ALREADY_HOLDER': 'You already hold shares in this pool.',
  'SHARE_POOL.NOT_ENOUGH_STAKED': 'You asked to unstake more than you have staked (less what is already being unstaked).',
  'SHARE_POOL.SELF_TRANSFER': 'Enter someone else’s address as the recipient.',
  'PAYOUT.CONNECTED': 'You are connected: payouts already land in your wallet, nothing waits to be claimed.',
  'PAYOUT.BELOW_MINIMUM': 'Too little is waiting to be worth a claim yet: try again later.',
  'PAYOUT.CLAIM_COOLDOWN': 'You claimed recently: the next claim is possible after the waiting time.',
  'PAYOUT.NOT_READ_YET': 'The platform has not read your payout from the chain yet: try again in a few seconds.',
};
