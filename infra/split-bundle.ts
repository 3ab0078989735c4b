import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { splitBuildOptions } from './lambda-bundling.js';

/**
 * `tsx infra/split-bundle.ts <entry> <outdir> [--metafile=<path>]`: the API Lambda built in
 * chunks with esbuild's JS API (its plugins need it), by splitBuildOptions (lambda-bundling.ts).
 * Run by the stack's after-bundling hook, test/support/lambda-build.ts and the benchmark, all
 * through splitBundleCommand.
 */
const [entry, outdir, ...rest] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('usage: split-bundle.ts <entry> <outdir> [--metafile=<path>]');
const metafilePath = rest.find((arg) => arg.startsWith('--metafile='))?.slice('--metafile='.length);
const result = await build({ ...splitBuildOptions(join(import.meta.dirname, '..'), entry, outdir), metafile: metafilePath !== undefined });
if (metafilePath) writeFileSync(metafilePath, JSON.stringify(result.metafile));
