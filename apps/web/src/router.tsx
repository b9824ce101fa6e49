import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// Client-side routes on the history API. Notifications link to these paths: keep them stable.
export type Route =
  | { name: 'home' }
  | { name: 'admin' }
  | { name: 'pool'; daoId: string }
  | { name: 'proposals'; daoId: string }
  | { name: 'new-proposal'; daoId: string }
  | { name: 'proposal'; daoId: string; proposalId: string }
  | { name: 'treasury'; daoId: string }
  | { name: 'safe-transaction'; daoId: string; safeTxHash: string }
  | { name: 'dao-admin'; daoId: string }
  | { name: 'withdrawals'; daoId: string }
  | { name: 'rotating-pool'; daoId: string; poolId: string }
  | { name: 'share-pool'; daoId: string; poolId: string }
  | { name: 'not-found'; path: string };

const seg = (s: string) => decodeURIComponent(s);

export const parseRoute = (path: string): Route => {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && parts[0] === 'admin') return { name: 'admin' };
  if (parts[0] === 'daos' && parts[1]) {
    const daoId = seg(parts[1]);
    const [a, b, c] = parts.slice(2);
    if (a === undefined) return { name: 'pool', daoId };
    if (a === 'proposals' && b === undefined) return { name: 'proposals', daoId };
    if (a === 'proposals' && b === 'new' && c === undefined) return { name: 'new-proposal', daoId };
    if (a === 'proposals' && b && c === undefined) return { name: 'proposal', daoId, proposalId: seg(b) };
    if (a === 'treasury' && b === undefined) return { name: 'treasury', daoId };
    if (a === 'treasury' && b && c === undefined) return { name: 'safe-transaction', daoId, safeTxHash: seg(b) };
    if (a === 'admin' && b === undefined) return { name: 'dao-admin', daoId };
    if (a === 'withdrawals' && b === undefined) return { name: 'withdrawals', daoId };
    if (a === 'rotating-pools' && b && c === undefined) return { name: 'rotating-pool', daoId, poolId: seg(b) };
    if (a === 'share-pools' && b && c === undefined) return { name: 'share-pool', daoId, poolId: seg(b) };
  }
  return { name: 'not-found', path };
};

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export const navigate = (to: string) => {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
};

export const usePath = () => useSyncExternalStore(subscribe, () => window.location.pathname);

/** A link that changes the route without reloading the page (ctrl/cmd-click still opens a new tab). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}

/** Moves focus to the page's heading when the route changes, so screen readers announce the new page. */
export function useFocusOnRouteChange(path: string) {
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [path]);
}

export const paths = {
  home: () => '/',
  admin: () => '/admin',
  pool: (daoId: string) => `/daos/${encodeURIComponent(daoId)}`,
  proposals: (daoId: string) => `/daos/${encodeURIComponent(daoId)}/proposals`,
  newProposal: (daoId: string) => `/daos/${encodeURIComponent(daoId)}/proposals/new`,
  proposal: (daoId: string, id: string) => `/daos/${encodeURIComponent(daoId)}/proposals/${encodeURIComponent(id)}`,
  treasury: (daoId: string) => `/daos/${encodeURIComponent(daoId)}/treasury`,
  safeTransaction: (daoId: string, hash: string) => `/daos/${encodeURIComponent(daoId)}/treasury/${encodeURIComponent(hash)}`,
  daoAdmin: (daoId: string) => `/daos/${encodeURIComponent(daoId)}/admin`,
  withdrawals: (daoId: string) => `/daos/${encodeURIComponent(daoId)}/withdrawals`,
  rotatingPool: (daoId: string, id: string) => `/daos/${encodeURIComponent(daoId)}/rotating-pools/${encodeURIComponent(id)}`,
  sharePool: (daoId: string, id: string) => `/daos/${encodeURIComponent(daoId)}/share-pools/${encodeURIComponent(id)}`,
};
