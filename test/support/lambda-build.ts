import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { lambdaBundling } from '../../infra/lambda-bundling.js';

const root = join(import.meta.dirname, '../..');

/**
 * esbuild's options as NodejsFunction bundles a Lambda (infra/lambda-bundling.ts): platform,
 * target, format, banner, the aliases, and the on-demand packages left out (the after-bundling
 * commands put them beside the bundle). For tests and benches that build a function themselves.
 */
export function lambdaBuildOptions(outfile: string): BuildOptions & { metafile: true } {
  return {
    bundle: true,
    outfile,
    platform: lambdaBundling.platform,
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourcemap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    alias: Object.fromEntries(Object.entries(lambdaBundling.alias).map(([name, path]) => [name, join(root, path)])),
    external: [...lambdaBundling.onDemand],
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    metafile: true,
  };
}

/** A TypeScript entry's source, its imports relative to the repository root, for esbuild's stdin. */
export const entrySource = (contents: string) => ({ stdin: { contents, resolveDir: root, loader: 'ts' as const, sourcefile: 'entry.ts' } });
