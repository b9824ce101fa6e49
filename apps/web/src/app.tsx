import { parseRoute, paths, usePath, useFocusOnRouteChange, Link } from './router';
import { Layout } from './ui/layout';
import { AdminPage } from './pages/admin-page';
import { DaoAdminPage } from './pages/dao-admin-page';
import { HomePage } from './pages/home-page';
import { NewProposalPage } from './pages/new-proposal-page';
import { PoolPage } from './pages/pool-page';
import { ProposalPage } from './pages/proposal-page';
import { ProposalsPage } from './pages/proposals-page';
import { RotatingPoolPage } from './pages/rotating-pool-page';
import { SharePoolPage } from './pages/share-pool-page';
import { SafeTransactionPage, TreasuryPage } from './pages/treasury-page';
import { WithdrawalsPage } from './pages/withdrawals-page';

export function App() {
  const path = usePath();
  const route = parseRoute(path);
  useFocusOnRouteChange(path);
  const daoId = 'daoId' in route ? route.daoId : undefined;
  const page = (() => {
    switch (route.name) {
      case 'home':
        return <HomePage />;
      case 'admin':
        return <AdminPage />;
      case 'pool':
        return <PoolPage daoId={route.daoId} />;
      case 'proposals':
        return <ProposalsPage daoId={route.daoId} />;
      case 'new-proposal':
        return <NewProposalPage daoId={route.daoId} />;
      case 'proposal':
        return <ProposalPage daoId={route.daoId} proposalId={route.proposalId} />;
      case 'treasury':
        return <TreasuryPage daoId={route.daoId} />;
      case 'safe-transaction':
        return <SafeTransactionPage daoId={route.daoId} safeTxHash={route.safeTxHash} />;
      case 'dao-admin':
        return <DaoAdminPage daoId={route.daoId} />;
      case 'withdrawals':
        return <WithdrawalsPage daoId={route.daoId} />;
      case 'rotating-pool':
        return <RotatingPoolPage daoId={route.daoId} poolId={route.poolId} />;
      case 'share-pool':
        return <SharePoolPage daoId={route.daoId} poolId={route.poolId} />;
      case 'not-found':
        return (
          <>
            <h1>Page not found</h1>
            <p>
              Nothing lives at <code>{route.path}</code>. Go to <Link href={paths.home()}>your DAOs</Link>.
            </p>
          </>
        );
      default: {
        const unreachable: never = route;
        return unreachable;
      }
    }
  })();
  return (
    <Layout daoId={daoId} current={path}>
      {page}
    </Layout>
  );
}
