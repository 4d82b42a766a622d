// One lint for the whole repository: the backend, infra, tests and scripts (tsconfig.json) and the
// mini-program (miniapp/tsconfig.json). The rules catch bugs, not style: a promise nobody awaits,
// a hook that reads a stale value, a variable left behind, an `any`, a switch that forgets a case,
// an import that climbs a layer. Formatting is left to the author.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// ── Layers ──────────────────────────────────────────────────────────────────────────────────────
// Imports go down, never up; a climbing import fails the lint, not a review. The layers of
// functions/, bottom first: contract/ · domain/ · config.ts · support/ (and the outside-world
// helpers security/, wechat/, sms/, observability/) · store/ · app/ · jobs/ · the adapters and
// wiring (http/, routes/, lambda/, local/, seed/, deps.ts, routes.ts, grants.ts) · infra/. The
// patterns match import paths as written: `(../)+<folder>/` from any depth.
const up = '^(?:\\.\\./)+';
/** A parent import whose first folder (or root file) is not in `allowed`. */
const outside = (allowed) => `${up}(?!\\.\\./|(?:${allowed.join('|')})(?:/|$))`;
const noInfra = { regex: `${up}infra/`, message: 'functions/ never imports infra/: the stack reads functions/, not the other way round.' };
const layer = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, noInfra] }] } });
const useCases = {
  regex: `${up}(?:http|local|lambda|routes|jobs|seed)(?:/|$)|${up}(?:routes|grants)\\.js$`,
  message: 'app/ holds use cases: it never imports the HTTP adapter, local mode, the Lambda entries, the route table, jobs or seeds.',
};
const serverLayers = [
  layer(['functions/**/*.ts']),
  layer(['functions/contract/**/*.ts'], {
    regex: '^\\.\\./',
    message: 'contract/ is the bottom layer, shared with the mini-program: it imports nothing of ours outside contract/.',
  }),
  layer(
    ['functions/domain/**/*.ts'],
    { regex: outside(['contract', 'config\\.js']), message: 'domain/ is pure rules: it imports only types from contract/ and config.ts.' },
    { regex: `${up}(?:contract/|config\\.js$)`, allowTypeImports: true, message: 'domain/ takes contract and config as types only; values come in as arguments.' },
  ),
  layer(['functions/config.ts'], { regex: '^\\.', message: 'config.ts is a leaf: plain values, no imports of ours.' }),
  layer(
    ['functions/{support,security,wechat,sms,observability}/**/*.ts'],
    { regex: outside(['contract', 'domain', 'support', 'store', 'config\\.js']), message: 'support/, security/, wechat/, sms/ and observability/ serve the use cases: they import no app/, adapter or wiring, only contract/, domain/, support/ and config.ts.' },
    { regex: `${up}store/`, allowTypeImports: true, message: 'support/ is handed the store (its types only); it never imports store code.' },
  ),
  layer(['functions/store/**/*.ts'], {
    regex: outside(['contract', 'domain', 'support', 'config\\.js']),
    message: 'store/ imports only contract/, domain/, support/ and config.ts: use cases call the store, never the other way round.',
  }),
  layer(['functions/app/**/*.ts'], useCases),
  // app/ is split by who calls it, as routes/ is; the admins' desk may reuse the others' views,
  // never the other way round.
  layer(['functions/app/{public,recipient,staff,impact,signin}/**/*.ts'], useCases, {
    regex: '^\\.\\./admin/',
    message: "public, recipient, staff, impact and sign-in use cases never import the admins' (app/admin/): move what they share into app/ itself.",
  }),
  layer(['functions/jobs/**/*.ts'], {
    regex: `${up}(?:http|local|lambda|routes|seed)(?:/|$)|${up}(?:routes|grants)\\.js$`,
    message: 'jobs/ are plain functions over app/ and store/: they never import the adapters, the route table or seeds.',
  }),
];
// The mini-program, bottom first: services/ (and routes.ts) · hooks/, i18n/ · components/ · pages,
// staff/, admin/, impact/.
const mini = '^(?:(?:\\.\\./)+|@/)';
const miniLayer = (files, folders, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: `${mini}(?:${folders.join('|')})(?:/|$)`, message }] }] },
});
const miniappLayers = [
  miniLayer(['miniapp/src/services/**/*.ts'], ['i18n', 'hooks', 'components', 'pages', 'staff', 'admin', 'impact'], 'services/ import no i18n, hooks, components or pages: move the shared piece down into services/.'),
  miniLayer(['miniapp/src/hooks/**/*.{ts,tsx}'], ['components', 'pages', 'staff', 'admin', 'impact'], 'hooks/ import no components or pages: a hook that renders a component lives in components/.'),
  miniLayer(['miniapp/src/i18n/**/*.{ts,tsx}'], ['hooks', 'components', 'pages', 'staff', 'admin', 'impact'], 'i18n/ holds words: it imports services/ at most.'),
  miniLayer(['miniapp/src/components/**/*.{ts,tsx}'], ['pages', 'staff', 'admin', 'impact'], 'components/ are shared by pages: they import no page or package.'),
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'cdk.out*/**', '.tmp/**', 'coverage/**', 'miniapp/.swc/**', 'miniapp/babel.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Each file is typed by the tsconfig that includes it, so the type-aware rules see what tsc sees.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise left floating loses its error (an unhandled rejection kills a Lambda or a test run).
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function passed where a void callback is expected fails silently.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `any` switches the type checker off for everything it touches; say `unknown` and narrow.
      // (Tests and build configs are excepted below.)
      '@typescript-eslint/no-explicit-any': 'error',
      // A switch over a union that misses a member fails here, not in production (a new status,
      // reason or target kind must be handled wherever the union is switched on).
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and build configs meet untyped edges (fixtures, webpack-chain); strict tsc still checks
    // what is typed there.
    files: ['tests/**', 'miniapp/config/**', '*.config.{js,ts}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...serverLayers,
  ...miniappLayers,
  {
    files: ['miniapp/src/**/*.ts', 'miniapp/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A callback that captures a value and lists no dependency keeps the first render's value
      // forever (a translator stays in the old language after a switch).
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
