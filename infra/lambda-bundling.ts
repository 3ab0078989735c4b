import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { zodJsonSchemaOnDemand } from './zod-json-schema-on-demand.js';

/**
 * How every Lambda entry is bundled, in one place without CDK imports: infra/api-function.ts
 * hands it to NodejsFunction and bench/lambda-bundle.bench.ts to esbuild, so the benchmark
 * measures what is deployed. The API is built once more in chunks (splitBuildOptions below): its
 * cold start reads index.mjs and the chunks that imports statically (498.6 KB by the bench, from
 * 747.7 KB as one file; budget 500 KB), and each rare path (papers, partners, exports, the OpenAPI
 * document, its route descriptions and zod's JSON Schema generator…) reads its own chunks when
 * first used (functions/api/on-demand.ts).
 */
export const lambdaBundling = {
  /** Matches the Lambda runtime (Runtime.NODEJS_24_X in api-function.ts). */
  target: 'node24',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourcemap: true,
  /** Stack traces need the mappings, not a copy of every source file (a map 3× smaller). */
  sourcesContent: false,
  mainFields: ['module', 'main'],
  /**
   * Text as UTF-8, not escaped: esbuild writes every non-ASCII character of the output as \uXXXX
   * by default, and the API's Vietnamese messages are full of them (about 5 KB of index.mjs).
   * Node reads an ES module as UTF-8 either way.
   */
  charset: 'utf8',
  /**
   * The AWS SDK is bundled rather than taken from the runtime: the versions we test are the
   * versions we run, and one tree-shaken file initialises in about half the time the SDK's
   * many files take (the benchmark prints both).
   */
  bundleAwsSdk: true,
  /**
   * Packages only a rare path needs, imported with `await import()` where they are used: left out
   * of the main file, so a cold start neither reads nor initialises them, and each bundled on its
   * own beside it as node_modules/<name>/index.mjs, where Node finds that import. The versions are
   * still ours (package-lock.json), never the runtime's. exceljs is most of the bytes the API would
   * carry (XLSX exports only); the Lambda client only wakes the mail sweeper after mail is queued;
   * the SES client only sends a set-password link (the outbox's sender Lambda sends the rest);
   * pdf-lib, fontkit and docx only print official papers (giấy mời, the year's report).
   */
  onDemand: ['exceljs', '@aws-sdk/client-lambda', '@aws-sdk/client-sesv2', 'pdf-lib', '@pdf-lib/fontkit', 'docx'],
  /**
   * Files an on-demand package's callers read at run time, copied beside the bundle: the official
   * papers' fonts (shared/papers/pdf-page-layout.ts looks in `fonts/` beside the module).
   */
  onDemandAssets: { 'pdf-lib': [{ from: 'shared/papers/fonts', to: 'fonts' }] } as Record<string, { from: string; to: string }[]>,
  /**
   * Modules replaced in the bundle, by path from the repository root. In Lambda the credentials
   * are in the environment: the SDK's default provider chain becomes that one link. DynamoDB's
   * endpoint-discovery cache, never filled (discovery is off), is kept in a Map rather than
   * mnemonist's LRU cache.
   */
  alias: {
    '@aws-sdk/credential-provider-node': './shared/aws/lambda-credentials.ts',
    '@aws-sdk/endpoint-cache': './shared/aws/endpoint-cache.ts',
  },
  /** Some CommonJS dependencies call require() for Node built-ins; an ES module has none. */
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  /** Set in the function's environment too, so stack traces point into the TypeScript. */
  nodeOptions: '--enable-source-maps',
} as const;

/**
 * Shell commands that bundle each on-demand package into `outputDir` with the options above (run
 * by NodejsFunction after it bundles the entry; the benchmark runs the same builds through the
 * esbuild API). `esbuild` is the one in the project's node_modules, found from `projectRoot`.
 */
export function onDemandBundleCommands(
  projectRoot: string,
  outputDir: string,
  packages: readonly string[] = lambdaBundling.onDemand,
): string[] {
  const esbuild = `${projectRoot}/node_modules/.bin/esbuild`;
  return packages.flatMap((name) => {
    const dir = `${outputDir}/node_modules/${name}`;
    return [
      `mkdir -p "${dir}"`,
      [
        `cd "${projectRoot}" && "${esbuild}" "${name}" --bundle --log-level=error`,
        `--platform=${lambdaBundling.platform} --format=${lambdaBundling.format} --target=${lambdaBundling.target}`,
        `--minify --main-fields=${lambdaBundling.mainFields.join(',')} --charset=${lambdaBundling.charset}`,
        `"--banner:js=${lambdaBundling.banner}"`,
        `--outfile="${dir}/index.mjs"`,
      ].join(' '),
      `echo '{"name":"${name}","type":"module","main":"index.mjs"}' > "${dir}/package.json"`,
      ...(lambdaBundling.onDemandAssets[name] ?? []).flatMap((asset) => [
        `mkdir -p "${outputDir}/${asset.to}"`,
        `cp -R "${projectRoot}/${asset.from}/." "${outputDir}/${asset.to}/"`,
      ]),
    ];
  });
}

/**
 * How infra/split-bundle.ts bundles `entry` split into chunks (esbuild `splitting`, ES modules):
 * index.mjs, the main file a cold start reads, and chunk-<hash>.mjs files beside it, one per
 * `await import()` of our own rare code (official papers, the partners directory, exports,
 * the OpenAPI document…) plus chunks of the modules such code shares with the main file. A module
 * is in exactly one file, so the domain error classes stay one class and `instanceof` in
 * functions/api/errors.ts holds. Chunks sit beside index.mjs, not in a folder: modules that find
 * files beside themselves (the papers' `fonts/`) find them there too. The on-demand packages stay
 * external, as in the single-file build, and zod's JSON Schema generator is a chunk of its own
 * (zod-json-schema-on-demand.ts). Written once here for the stack (after-bundling command,
 * replacing NodejsFunction's single file), the tests and the benchmark, which measures what is
 * deployed.
 */
export function splitBuildOptions(projectRoot: string, entry: string, outputDir: string): BuildOptions {
  return {
    ...bundleOptions(projectRoot),
    entryPoints: [entry],
    splitting: true,
    outdir: outputDir,
    entryNames: 'index',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    plugins: [zodJsonSchemaOnDemand(projectRoot)],
  };
}

/**
 * esbuild's options as NodejsFunction bundles a Lambda (the options above): platform, target,
 * format, banner, the aliases, and the on-demand packages left out (the after-bundling commands
 * put them beside the bundle). For the split build and for tests and benches that build a
 * function themselves.
 */
export function bundleOptions(projectRoot: string): BuildOptions {
  return {
    bundle: true,
    logLevel: 'error',
    platform: lambdaBundling.platform,
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourcemap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: [...lambdaBundling.mainFields],
    charset: lambdaBundling.charset,
    banner: { js: lambdaBundling.banner },
    alias: Object.fromEntries(Object.entries(lambdaBundling.alias).map(([name, path]) => [name, join(projectRoot, path)])),
    external: [...lambdaBundling.onDemand],
    tsconfig: join(projectRoot, 'tsconfig.json'),
  };
}

/**
 * The shell command that builds `entry` in chunks into `outputDir` (infra/split-bundle.ts, run
 * with the project's own tsx from `projectRoot`: nothing global needed). Appending
 * `'--metafile=<path>'` writes esbuild's metafile there too.
 */
export function splitBundleCommand(projectRoot: string, entry: string, outputDir: string): string {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  return `cd ${quote(projectRoot)} && ${[`${projectRoot}/node_modules/.bin/tsx`, `${projectRoot}/infra/split-bundle.ts`, entry, outputDir].map(quote).join(' ')}`;
}
