/**
 * Architecture rules, checked by `npm test` (npm run depcheck):
 * the domain is pure TypeScript, libraries never reach into apps, and nothing imports in a cycle.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds rules only: no framework, no I/O, no clock, no other layer.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: '^libs/domain/',
      },
    },
    {
      name: 'domain-specs-are-pure',
      comment: "The domain's specs may add property-based testing (fast-check) and nothing else from outside the domain.",
      severity: 'error',
      from: { path: '^libs/domain/.*\\.spec\\.ts$' },
      to: {
        pathNot: ['^libs/domain/', '(^|/)node_modules/fast-check/'],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'The API and the worker share code through libs/, never directly.',
      severity: 'error',
      from: { path: '^apps/api/src/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|artifacts|cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
