/**
 * How every Lambda entry is bundled, in one place without CDK imports: infra/api-function.ts
 * hands it to NodejsFunction and bench/lambda-bundle.bench.ts to esbuild, so the benchmark
 * measures what is deployed.
 */
export const lambdaBundling = {
  /** Matches the Lambda runtime (Runtime.NODEJS_22_X in api-function.ts). */
  target: 'node22',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourcemap: true,
  /** Stack traces need the mappings, not a copy of every source file (a map 3× smaller). */
  sourcesContent: false,
  mainFields: ['module', 'main'],
  /**
   * The AWS SDK is bundled rather than taken from the runtime: the versions we test are the
   * versions we run, and one tree-shaken file initialises in about half the time the SDK's
   * many files take (the benchmark prints both).
   */
  bundleAwsSdk: true,
  /** Some CommonJS dependencies call require() for Node built-ins; an ES module has none. */
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  /** Set in the function's environment too, so stack traces point into the TypeScript. */
  nodeOptions: '--enable-source-maps',
} as const;
