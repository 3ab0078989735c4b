import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import { lambdaBundling, splitBundleCommand } from '../../infra/lambda-bundling.js';

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
    charset: lambdaBundling.charset,
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

/**
 * An entry built in chunks into `outdir` by the command the stack runs (splitBundleCommand),
 * with its metafile; `outputs` are the .mjs files as the metafile names them (relative to the
 * repository root) and `coldStart` those a cold start reads: index.mjs and the chunks it imports
 * statically, transitively. The rest load only through an `await import()`.
 */
export function buildSplit(entry: string, outdir: string): { metafile: Metafile; outputs: string[]; coldStart: Set<string> } {
  const metaDir = mkdtempSync(join(tmpdir(), 'huu-nghi-split-meta-'));
  let metafile: Metafile;
  try {
    const metafilePath = join(metaDir, 'meta.json');
    // The very shell command of the stack's after-bundling hook, the metafile asked for besides.
    execFileSync('bash', ['-c', `${splitBundleCommand(root, join(root, entry), outdir)} '--metafile=${metafilePath}'`], { stdio: 'pipe' });
    metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  } finally {
    rmSync(metaDir, { recursive: true, force: true });
  }
  const outputs = Object.keys(metafile.outputs).filter((path) => path.endsWith('.mjs'));
  const coldStart = new Set<string>();
  const visit = (path: string) => {
    if (coldStart.has(path) || !metafile.outputs[path]) return;
    coldStart.add(path);
    for (const imported of metafile.outputs[path]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(outputs.find((path) => path.endsWith('/index.mjs'))!);
  return { metafile, outputs, coldStart };
}
