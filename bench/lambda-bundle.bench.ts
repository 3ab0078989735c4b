/**
 * The API Lambda's bundle size and module init time, beside a bare Hono "hello" Lambda built the
 * same way in the same run (so the machine's speed cancels out), against the goals:
 * ≤ 500 KB and ≤ 150 ms for index.mjs, the file a cold start reads (the chunks of rare paths are
 * counted beside it). Bundled with the options the stack deploys (infra/lambda-bundling.ts);
 * a third row shows the road not taken: the AWS SDK left to the Lambda runtime; the last rows, the
 * packages the API loads on demand (lambdaBundling.onDemand) and what their first use costs.
 *
 *   npx tsx bench/lambda-bundle.bench.ts        (BENCH_RUNS=15 by default)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { lambdaBundling } from '../infra/lambda-bundling.js';
import { buildSplit, lambdaBuildOptions } from '../test/support/lambda-build.js';

const GOAL_KB = 500;
const GOAL_INIT_MS = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'huu-nghi-lambda-bench-'));

const HELLO = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
export const handler = handle(new Hono().get('/', (c) => c.text('hi')));
`;

/** What the function gets from the stack, plus what the Lambda runtime itself sets. */
const lambdaEnv = {
  TABLE_NAME: 'huu-nghi-events-bench',
  PUBLIC_URL: 'https://events.example.org',
  LINK_SECRET: 'bench-link-secret-bench-link-secret-0123456789',
  AWS_REGION: 'ap-southeast-1',
  MAIL_FROM: '"Bench" <no-reply@example.org>',
  SES_CONFIGURATION_SET: 'huu-nghi-events-bench',
  NODE_OPTIONS: lambdaBundling.nodeOptions,
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
};

/** coldStart: for a split bundle, the outputs (paths as in its metafile) a cold start reads. */
type Row = { name: string; file: string; goals: boolean; coldStart?: string[]; chunksKb?: number };

const metafiles = new Map<string, Metafile>();

async function bundle(
  name: string,
  input: { entry: string; isPackage?: boolean } | { source: string },
  sdkFromRuntime = false,
): Promise<string> {
  const outfile = join(out, `${name}.mjs`);
  const options: BuildOptions = {
    ...lambdaBuildOptions(outfile),
    external: [
      ...(sdkFromRuntime || !lambdaBundling.bundleAwsSdk ? ['@aws-sdk/*'] : []),
      ...('entry' in input && input.isPackage ? [] : lambdaBundling.onDemand),
    ],
    ...('entry' in input
      ? { entryPoints: [input.isPackage ? input.entry : join(root, input.entry)], absWorkingDir: root }
      : { stdin: { contents: input.source, resolveDir: root, loader: 'ts', sourcefile: 'hello.ts' } }),
  };
  const result = await build(options);
  metafiles.set(outfile, result.metafile!);
  return outfile;
}

/**
 * The API as the stack deploys it: split in chunks by the same command (splitBundleCommand, run
 * by buildSplit), with a metafile for the breakdown. A cold start reads index.mjs and the chunks
 * it imports statically (modules it shares with the rare paths): the goals apply to those bytes
 * together. The other chunks are read only by the rare paths that `await import()` them.
 */
function splitBundle(name: string, entry: string): { file: string; coldStart: string[]; chunksKb: number } {
  const dir = join(out, name);
  const { metafile, outputs, coldStart } = buildSplit(entry, dir);
  const file = join(dir, 'index.mjs');
  metafiles.set(file, metafile);
  const rare = outputs.filter((path) => !coldStart.has(path));
  return { file, coldStart: [...coldStart], chunksKb: rare.reduce((sum, path) => sum + statSync(join(root, path)).size, 0) / 1024 };
}

/** Median time for a fresh Node process to import the bundle (module init, no request). */
function initTimes(file: string): { median: number; min: number; max: number } {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: out,
      env: { PATH: process.env.PATH, ...lambdaEnv },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`importing ${file} failed:\n${run.stderr}`);
    times.push(Number(run.stdout));
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}

async function main() {
  // Bundles that leave the SDK out find it here, as they would in the runtime's node_modules.
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  const rows: Row[] = [
    { name: 'Bare Hono "hello"', file: await bundle('hello', { source: HELLO }), goals: false },
    { name: 'API (functions/api/lambda.ts), at cold start', ...splitBundle('api', 'functions/api/lambda.ts'), goals: true },
    // The same code as one file (NodejsFunction's own build, every await import() inlined): what splitting saves.
    { name: 'API as one file, not split', file: await bundle('api-one-file', { entry: 'functions/api/lambda.ts' }), goals: false },
    {
      name: 'API, AWS SDK from the runtime',
      file: await bundle('api-sdk-external', { entry: 'functions/api/lambda.ts' }, true),
      goals: false,
    },
    // What the deployed API loads later, on the path that needs it (lambdaBundling.onDemand).
    ...(await Promise.all(
      lambdaBundling.onDemand.map(async (name) => ({
        name: `  on demand: ${name}`,
        file: await bundle(`on-demand-${name.replace('/', '-')}`, { entry: name, isPackage: true }),
        goals: false,
      })),
    )),
  ];

  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const lines = [
    ['Bundle', 'Size KB', `Goal ≤ ${GOAL_KB}`, 'Rare chunks KB', 'gzip KB', 'Init ms (median)', 'min–max', `Goal ≤ ${GOAL_INIT_MS}`],
  ];
  for (const row of rows) {
    const code = row.coldStart ? Buffer.concat(row.coldStart.map((path) => readFileSync(join(root, path)))) : readFileSync(row.file);
    const kb = code.length / 1024;
    const init = initTimes(row.file);
    lines.push([
      row.name,
      kb.toFixed(1),
      row.goals ? mark(kb <= GOAL_KB) : '',
      row.chunksKb === undefined ? '' : row.chunksKb.toFixed(1),
      (gzipSync(code).length / 1024).toFixed(1),
      init.median.toFixed(1),
      `${init.min.toFixed(0)}–${init.max.toFixed(0)}`,
      row.goals ? mark(init.median <= GOAL_INIT_MS) : '',
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const format = (l: string[]) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`Lambda bundle: esbuild ${lambdaBundling.format}, ${lambdaBundling.target}, minified; init = import in a fresh node ${process.version} (${RUNS} runs, NODE_OPTIONS=${lambdaEnv.NODE_OPTIONS})`);
  console.log(format(lines[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines.slice(1)) console.log(format(line));
  console.log(`\nLargest packages read at the API's cold start: ${largestPackages(rows[1]!).join(', ')}`);
  console.log(`Load average (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
}

/** Where the bytes come from, so a ✗ says what to look at first. */
function largestPackages(row: Row, count = 5): string[] {
  const outputs = metafiles.get(row.file)!.outputs;
  const files = row.coldStart ?? [Object.keys(outputs).find((name) => name.endsWith('.mjs'))!];
  const bytes = new Map<string, number>();
  for (const [path, input] of files.flatMap((file) => Object.entries(outputs[file]!.inputs))) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/')[0]!;
    bytes.set(pkg, (bytes.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, n]) => `${pkg} ${(n / 1024).toFixed(0)} KB`);
}

try {
  await main();
} finally {
  rmSync(out, { recursive: true, force: true });
}
