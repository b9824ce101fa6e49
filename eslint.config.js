// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// Stream ids are made and parsed only by the catalogue in libs/domain (streams.<kind>.of / .parse).
const STREAM_KINDS = ['dao', 'proposal', 'treasury', 'webhook', 'processing', 'relayer', 'rosca', 'share-pool'];
const streamPrefix = `/^(${STREAM_KINDS.join('|')})-$/`;
const streamIdRules = [
  {
    selector: `TemplateLiteral > TemplateElement[value.raw=${streamPrefix}]`,
    message: 'Stream ids come from the catalogue: streams.<kind>.of(id).streamId',
  },
  { selector: `Literal[value=${streamPrefix}]`, message: 'Stream ids are parsed by the catalogue: streams.<kind>.parse(streamId)' },
];

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      '.data/',
      'contracts/artifacts/',
      'contracts/cache/',
      'contracts/abi/',
      'bench/results/',
      'apps/web/dist/',
      // Generated from the OpenAPI document by `npm run web:client`.
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: each TypeScript file is checked against the tsconfig.json nearest to it
    // (the root one, contracts/ or bench/).
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
  },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-restricted-syntax': ['error', ...streamIdRules],
    },
  },
  {
    // Plain CommonJS files (configs, the swc register hook) load their dependencies with require().
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...streamIdRules,
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads a clock: use command.metadata.now',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads a clock: use command.metadata.now',
        },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'Ids arrive on the command' },
      ],
    },
  },
  {
    // The catalogue is where stream ids are made and parsed.
    files: ['libs/domain/src/streams/stream-catalogue.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
