/** Injection tokens for what the composition root provides. */
export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const ADMIN_API_KEY = Symbol('ADMIN_API_KEY');
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The network the platform runs on (SelectedNetwork from @ayllu/chain), or null without one. */
export const NETWORK = Symbol('NETWORK');
