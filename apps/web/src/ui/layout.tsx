import type { ReactNode } from 'react';
import { Link, paths } from '../router';
import { WalletButton } from '../wallet/wallet-button';

export function Layout({ daoId, current, children }: { daoId?: string; current: string; children: ReactNode }) {
  const nav = daoId
    ? [
        ['Pool', paths.pool(daoId)],
        ['Proposals', paths.proposals(daoId)],
        ['Treasury', paths.treasury(daoId)],
        ['Withdrawals', paths.withdrawals(daoId)],
        ['Admin', paths.daoAdmin(daoId)],
      ]
    : [
        ['My DAOs', paths.home()],
        ['Admin', paths.admin()],
      ];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Ayllu
        </Link>
        <nav aria-label={daoId ? 'This DAO' : 'Main'}>
          <ul>
            {nav.map(([label, href]) => (
              <li key={href}>
                <Link href={href!} aria-current={current === href ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <WalletButton />
      </header>
      <main id="main">{children}</main>
    </>
  );
}
