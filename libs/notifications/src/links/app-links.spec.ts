import { appLinks, appUrl } from './app-links';

const DAO = 'dao_0193a1b2c3d4e5f60718293a4b5c';

describe('app links', () => {
  it('spells every page of the web app', () => {
    expect(appLinks.home()).toBe('/');
    expect(appLinks.platformAdmin()).toBe('/admin');
    expect(appLinks.dao(DAO)).toBe(`/daos/${DAO}`);
    expect(appLinks.proposals(DAO)).toBe(`/daos/${DAO}/proposals`);
    expect(appLinks.newProposal(DAO)).toBe(`/daos/${DAO}/proposals/new`);
    expect(appLinks.proposal(DAO, 'p-1')).toBe(`/daos/${DAO}/proposals/p-1`);
    expect(appLinks.treasury(DAO)).toBe(`/daos/${DAO}/treasury`);
    expect(appLinks.safeTransaction(DAO, '0xab')).toBe(`/daos/${DAO}/treasury/0xab`);
    expect(appLinks.daoAdmin(DAO)).toBe(`/daos/${DAO}/admin`);
    expect(appLinks.withdrawals(DAO)).toBe(`/daos/${DAO}/withdrawals`);
    expect(appLinks.rotatingPool(DAO, 'rosca_1')).toBe(`/daos/${DAO}/rotating-pools/rosca_1`);
    expect(appLinks.sharePool(DAO, 'share_1')).toBe(`/daos/${DAO}/share-pools/share_1`);
  });

  it('keeps each id inside its own path segment', () => {
    expect(appLinks.proposal('a/b', 'c?d#e')).toBe('/daos/a%2Fb/proposals/c%3Fd%23e');
    expect(appLinks.dao('x y%z')).toBe('/daos/x%20y%25z');
    expect(appLinks.dao('ñandú')).toBe('/daos/%C3%B1and%C3%BA');
    // A browser would resolve "." and ".." as steps up the path.
    expect(appLinks.proposal('..', '.')).toBe('/daos/%2E%2E/proposals/%2E');
    expect(appLinks.dao('...')).toBe('/daos/...');
    // Nothing that could end a Markdown link early.
    expect(appLinks.sharePool('d', "p(1)!'*")).toBe('/daos/d/share-pools/p%281%29%21%27%2A');
  });

  it('joins a path to the public URL with exactly one slash', () => {
    expect(appUrl('https://ayllu.example.org', '/daos/d')).toBe('https://ayllu.example.org/daos/d');
    expect(appUrl('https://ayllu.example.org/', '/daos/d')).toBe('https://ayllu.example.org/daos/d');
    expect(appUrl('https://ayllu.example.org/coop//', '/admin')).toBe('https://ayllu.example.org/coop/admin');
    expect(appUrl('http://127.0.0.1:3000', appLinks.home())).toBe('http://127.0.0.1:3000/');
  });
});
