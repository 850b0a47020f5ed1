/**
 * Architecture rules checked by `npm run lint` (issue 11). Type-only imports count as imports
 * (tsPreCompilationDeps); `./x.js` specifiers resolve to `./x.ts` as TypeScript resolves them.
 * Tests (test/) and benchmarks (bench/) are not cruised: they may use the AWS SDK directly.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'db-not-to-domain',
      comment: 'functions/db is the storage adapter: it implements the ports and must not depend on the domain.',
      severity: 'error',
      from: { path: '^functions/db/' },
      to: { path: '^functions/domain/' },
    },
    {
      name: 'domain-only-to-ports',
      comment: 'The domain depends on its ports, shared/ and itself: never on an adapter (db, mail), the HTTP layer, jobs or the composition root.',
      severity: 'error',
      from: { path: '^functions/(domain|ports)/' },
      to: { path: '^functions/', pathNot: '^functions/(domain|ports)/' },
    },
    {
      name: 'ports-are-contracts',
      comment: 'functions/ports holds types and interfaces the domain and the adapters share; it depends on nothing but shared/.',
      severity: 'error',
      from: { path: '^functions/ports/' },
      to: { path: '^functions/', pathNot: '^functions/ports/' },
    },
    {
      name: 'aws-sdk-not-in-domain',
      comment: 'The domain speaks no cloud API; adapters do.',
      severity: 'error',
      from: { path: '^functions/(domain|ports)/' },
      to: { path: '(^|/)node_modules/@aws-sdk/' },
    },
    {
      name: 'dynamodb-sdk-only-in-db',
      comment: 'Only functions/db talks to DynamoDB (@aws-sdk/client-dynamodb, @aws-sdk/util-dynamodb); other AWS clients (e.g. SES) are fine.',
      severity: 'error',
      from: { pathNot: '^functions/db/' },
      to: { path: '(^|/)node_modules/@aws-sdk/(client-dynamodb|util-dynamodb)/' },
    },
    {
      name: 'no-cycles-in-functions',
      comment: 'No import cycle among the files of functions/ (type-only imports included).',
      severity: 'error',
      from: { path: '^functions/' },
      to: { circular: true },
    },
    {
      name: 'web-not-to-functions',
      comment: 'The web app shares code with the API only through shared/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^functions/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'shared/ is used by functions/ and web/ and imports from neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|web)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^web/dist/', '^cdk\\.out/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
