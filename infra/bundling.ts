import { fileURLToPath } from 'node:url';

/**
 * How every Lambda bundle is built — one description read by the stack (NodejsFunction runs the
 * local esbuild with it) and by tests/bench/bundles.ts (esbuild's API with the same settings), so
 * the bench measures what deploys. No aws-cdk-lib import here: the bench stays light.
 */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The API's Lambda entry of a function group: one bundle per group, holding only its routes' code. */
export const groupEntry = (group: string): string => `functions/lambda/groups/${group}.ts`;

export const lambdaBundle = {
  /** Node.js 22 on arm64 (Graviton); esbuild's target does not depend on the CPU. */
  target: 'node22',
  format: 'esm' as const,
  minify: true,
  /** Off: smaller bundle and faster start; stack traces name minified symbols, errors still log. */
  sourceMap: false,
  mainFields: ['module', 'main'],
  /** ESM output with CommonJS dependencies inside (parts of the AWS SDK) needs a `require`. */
  banner: "import{createRequire as __mcanRequire}from'node:module';const require=__mcanRequire(import.meta.url);",
  /**
   * Nothing external: the AWS SDK is bundled at the version package.json pins rather than taken
   * from the Lambda runtime. A bundled, minified SDK also starts about twice as fast as loading the
   * runtime's own (tests/bench/bundles.ts measures it).
   */
  externalModules: [] as string[],
} as const;
