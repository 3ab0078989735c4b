/**
 * Builds the web frontend: `tsx web/build.ts [--out DIR]` (default web/dist).
 *
 *   console.html   the console (/console/*): a small entry and one CSS file; each page of the
 *                  console is a chunk loaded when it is first opened (routes.ts imports them
 *                  lazily), with the code several pages share in chunks of its own
 *   answer.html    the participant page (/r/*), its own tiny bundle: nothing of the console; the
 *                  head of a delegation's roster (answer/delegation.ts) is a chunk of its own,
 *                  fetched only on a head's page
 *   register.html  an event's open registration page (/dang-ky/<eventId>), as small, sharing the
 *                  participant page's parts and styles
 *   assets/        content-hashed files, safe to cache for a year
 *   favicon.svg
 *   api-docs/      the API reference's viewer (Swagger UI) and start script, loaded only by /api/docs
 *
 * The app serves these locally (functions/api/routes/web-pages.ts); the CDK web stack runs this
 * same command with --out and uploads the folder to S3 behind CloudFront.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const webDir = import.meta.dirname;
const root = resolve(webDir, '..');

export type BuiltFile = { file: string; bytes: number; gzipBytes: number };
/** What one lazily imported module (a console page) adds to the first load: its chunk and the shared chunks it needs. */
export type LazyModule = { module: string; js: BuiltFile[] };
/**
 * One HTML page. `js` and `css` are what its first load fetches (the entry and the chunks it
 * imports statically); `lazy` lists what each lazily imported module fetches on top of that.
 */
export type BuiltPage = { page: string; html: string; js: BuiltFile[]; css: BuiltFile[]; lazy: LazyModule[] };
export type WebBuild = { outDir: string; pages: BuiltPage[] };

/**
 * `splitting`: lazily imported modules become chunks of their own (esbuild's code splitting).
 * `chunkLists`: for these lazily imported modules the HTML names every chunk they need, in a
 * `<meta name="chunks:NAME">`, so the page can fetch them side by side when it knows it will need
 * them, instead of one round trip after another as each chunk reveals its imports.
 */
type PageSpec = {
  page: string;
  entry: string;
  title: string;
  description: string;
  splitting?: boolean;
  chunkLists?: Record<string, string>;
};

const pages: PageSpec[] = [
  {
    page: 'console',
    entry: join(webDir, 'console/main.tsx'),
    splitting: true,
    // A visit without a session lands on the sign-in page: app.tsx fetches its chunks at once then.
    chunkLists: { 'sign-in': join(webDir, 'console/pages/sign-in.tsx') },
    title: 'Hữu Nghị Events',
    description: 'Quản lý sự kiện của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
  },
  {
    page: 'answer',
    entry: join(webDir, 'answer/main.ts'),
    // The delegation roster, imported only for a head's link, stays out of everyone else's load.
    splitting: true,
    title: 'Trả lời lời mời · Hữu Nghị Events',
    description: 'Trả lời lời mời của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
  },
  {
    page: 'register',
    entry: join(webDir, 'register/main.ts'),
    title: 'Đăng ký tham dự · Hữu Nghị Events',
    description: 'Đăng ký tham dự sự kiện của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk',
  },
];

/**
 * `import { z } from 'zod'` hands the bundler zod's whole namespace object, every locale and the
 * JSON-schema code included (~90 KB gzipped). A namespace import of the same module lets esbuild
 * keep only what the schemas use. The shared schemas keep their usual import; the browser build
 * rewrites it.
 *
 * zod also reaches its JSON-Schema generator from every schema's `toJSONSchema()` method; the
 * console never calls it, so those two modules are replaced by stubs that throw if it ever did
 * (~4 KB gzipped saved).
 */
const zodDir = join(root, 'node_modules/zod/v4');
const zodClassic = join(zodDir, 'classic/external.js');
const zodJsonSchemaModules = ['core/json-schema-processors.js', 'core/to-json-schema.js'].map((file) => join(zodDir, file));

const shakeZod: esbuild.Plugin = {
  name: 'shake-zod',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/import\s*\{\s*z\s*\}\s*from\s*['"]zod['"]/g, `import * as z from ${JSON.stringify(zodClassic)}`);
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
    build.onResolve({ filter: /json-schema-processors\.js$|to-json-schema\.js$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return zodJsonSchemaModules.includes(path) ? { path, namespace: 'zod-json-schema-stub' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-json-schema-stub' }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const names = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:const|function|let|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(match[1]!);
      for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const part of match[1]!.split(',')) {
          const exported = part.trim().split(/\s+as\s+/).pop();
          if (exported) names.add(exported);
        }
      }
      const lines = [...names].map((name) => `export const ${name} = unavailable;`);
      return {
        contents: `function unavailable() { throw new Error('JSON Schema generation is not part of the browser build'); }\n${lines.join('\n')}\n`,
        loader: 'js',
      };
    });
  },
};

/** Keeps the arrows of docs/STYLE.md: web/ uses shared/ schemas, never functions/ or an AWS SDK. */
const guardImports: esbuild.Plugin = {
  name: 'guard-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = args.path.startsWith('.') ? resolve(args.resolveDir, args.path) : args.path;
      if (target.startsWith(join(root, 'functions')) || /^@aws-sdk\//.test(args.path) || /^node:/.test(args.path)) {
        return { errors: [{ text: `web/ must not import ${args.path} (from ${relative(root, args.importer)})` }] };
      }
      return undefined;
    });
  },
};

/**
 * jsQR, the check-in page's QR reader where the browser has no BarcodeDetector (loaded only then),
 * carries a 7,000-entry Shift JIS table for QR codes in Kanji mode: 35 of its 46 KB gzipped. A
 * door code is Crockford base32, never Kanji, so the browser build leaves the table empty. Should
 * a new jsQR lay its table out otherwise, it is bundled whole (the size bench would show it).
 */
const trimJsQr: esbuild.Plugin = {
  name: 'trim-jsqr',
  setup(build) {
    build.onLoad({ filter: /[\\/]jsqr[\\/]dist[\\/]jsQR\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const start = source.indexOf('exports.shiftJISTable = {');
      const end = start < 0 ? -1 : source.indexOf('};', start);
      if (end < 0) return undefined;
      return { contents: `${source.slice(0, start)}exports.shiftJISTable = {};${source.slice(end + 2)}`, loader: 'js' };
    });
  },
};

type Output = { name: string; contents: Uint8Array };
type Bundle = { files: Output[]; initial: string[]; lazy: { module: string; files: string[] }[]; chunkLists: Record<string, string[]> };

async function bundle(spec: PageSpec): Promise<Bundle> {
  const result = await esbuild.build({
    entryPoints: { [spec.page]: spec.entry },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: spec.splitting ?? false,
    platform: 'browser',
    target: ['es2020', 'chrome90', 'safari15', 'firefox90'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    outdir: 'assets',
    absWorkingDir: root,
    write: false,
    metafile: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: [guardImports, shakeZod, trimJsQr],
  });
  const files = result.outputFiles.map((file) => ({ name: basename(file.path), contents: file.contents }));

  // Which files each load needs: an output and, transitively, what it imports statically.
  const outputs = result.metafile.outputs;
  const closure = (start: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(start)) return seen;
    seen.add(start);
    for (const imported of outputs[start]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) closure(imported.path, seen);
    }
    return seen;
  };
  const entryKey = Object.keys(outputs).find((key) => outputs[key]!.entryPoint === relative(root, spec.entry));
  if (!entryKey) throw new Error(`esbuild made no output for ${spec.entry}`);
  const initial = closure(entryKey);
  const cssOf = outputs[entryKey]!.cssBundle;
  if (cssOf) initial.add(cssOf);
  const lazy = Object.entries(outputs)
    .filter(([key, output]) => output.entryPoint && key !== entryKey && key.endsWith('.js'))
    .map(([key, output]) => ({
      module: output.entryPoint!,
      files: [...closure(key)].filter((file) => !initial.has(file)).map((file) => basename(file)),
    }))
    .sort((a, b) => a.module.localeCompare(b.module));
  const chunkLists = Object.fromEntries(
    Object.entries(spec.chunkLists ?? {}).map(([name, module]) => {
      const found = lazy.find((entry) => entry.module === relative(root, module));
      if (!found) throw new Error(`${module} is not a lazily imported module of ${spec.entry}`);
      return [name, found.files];
    }),
  );
  // The entry first: the HTML loads it, then preloads the chunks it imports.
  const initialNames = [entryKey, ...[...initial].filter((file) => file !== entryKey)].map((file) => basename(file));
  return { files, initial: initialNames, lazy, chunkLists };
}

/** The entry as a module script; the chunks it needs are preloaded beside it rather than found after it runs. */
function html(spec: PageSpec, js: string[], css: string[], chunkLists: Record<string, string[]>): string {
  const [entry, ...preloaded] = js;
  const lists = Object.entries(chunkLists).map(
    ([name, files]) => `<meta name="chunks:${name}" content="${files.filter((f) => f.endsWith('.js')).map((f) => `/assets/${f}`).join(' ')}">`,
  );
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${spec.description}">
<meta name="theme-color" content="#17467e">
<title>${spec.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${lists.join('\n')}
${css.map((file) => `<link rel="stylesheet" href="/assets/${file}">`).join('\n')}
${preloaded.map((file) => `<link rel="modulepreload" href="/assets/${file}">`).join('\n')}
${entry ? `<script type="module" src="/assets/${entry}"></script>` : ''}
</head>
<body>
<div id="app"><noscript><p>Trang này cần JavaScript. / This page needs JavaScript.</p></noscript></div>
</body>
</html>
`;
}

/** Writes next to the target and renames: a server reading the folder never sees half a file. */
async function writeAtomically(path: string, contents: string | Uint8Array) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

/**
 * The API reference page's files (/api/docs, served by the API): Swagger UI as its package ships
 * it, and the page's start script and styles. Under api-docs/, not assets/: the page names them
 * without a hash, so they are revalidated (no-cache) rather than kept for a year.
 */
const swaggerUi = join(root, 'node_modules/swagger-ui-dist');
const apiDocsFiles: Record<string, string> = {
  'swagger-ui-bundle.js': join(swaggerUi, 'swagger-ui-bundle.js'),
  'swagger-ui.css': join(swaggerUi, 'swagger-ui.css'),
  'start.js': join(webDir, 'api-docs/start.js'),
  'api-docs.css': join(webDir, 'api-docs/api-docs.css'),
};

const sizeOf = (name: string, contents: Uint8Array): BuiltFile => ({
  file: name,
  bytes: contents.byteLength,
  gzipBytes: gzipSync(contents, { level: 9 }).byteLength,
});

export async function buildWeb(outDir: string = join(webDir, 'dist')): Promise<WebBuild> {
  const out = resolve(outDir);
  const assetsDir = join(out, 'assets');
  const built: BuiltPage[] = [];
  const written = new Set<string>();
  for (const spec of pages) {
    const { files, initial, lazy, chunkLists } = await bundle(spec);
    const sizes = new Map(files.map((file) => [file.name, sizeOf(file.name, file.contents)]));
    for (const file of files) {
      await writeAtomically(join(assetsDir, file.name), file.contents);
      written.add(file.name);
    }
    const js = initial.filter((name) => name.endsWith('.js'));
    const css = initial.filter((name) => name.endsWith('.css'));
    await writeAtomically(join(out, `${spec.page}.html`), html(spec, js, css, chunkLists));
    built.push({
      page: spec.page,
      html: `${spec.page}.html`,
      js: js.map((name) => sizes.get(name)!),
      css: css.map((name) => sizes.get(name)!),
      lazy: lazy.map(({ module, files: names }) => ({ module, js: names.map((name) => sizes.get(name)!) })),
    });
  }
  await writeAtomically(join(out, 'favicon.svg'), await readFile(join(webDir, 'favicon.svg')));
  for (const [name, from] of Object.entries(apiDocsFiles)) await writeAtomically(join(out, 'api-docs', name), await readFile(from));
  // Older hashed files go; the same build run twice (or two at once) writes the same names.
  for (const name of await readdir(assetsDir)) {
    if (!written.has(name) && !name.endsWith('.tmp')) await rm(join(assetsDir, name), { force: true });
  }
  return { outDir: out, pages: built };
}

const gzipSum = (files: BuiltFile[]) => files.reduce((sum, file) => sum + file.gzipBytes, 0);

/** What the first load of the page fetches, gzipped. */
export function totalGzip(page: BuiltPage): number {
  return gzipSum([...page.js, ...page.css]);
}

/** The lazily loaded module that costs most, and the page's total with it (the first load included). */
export function largestLazy(page: BuiltPage): { module: string; extraGzip: number; totalGzip: number; files: BuiltFile[] } | undefined {
  const [largest] = [...page.lazy].sort((a, b) => gzipSum(b.js) - gzipSum(a.js));
  if (!largest) return undefined;
  return { module: largest.module, extraGzip: gzipSum(largest.js), totalGzip: totalGzip(page) + gzipSum(largest.js), files: largest.js };
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  if (outIndex !== -1 && !args[outIndex + 1]) throw new Error('--out needs a folder');
  const outDir = outIndex === -1 ? undefined : resolve(process.cwd(), args[outIndex + 1]!);
  const started = Date.now();
  const build = await buildWeb(outDir);
  console.log(`Built the web frontend into ${relative(process.cwd(), build.outDir) || '.'} in ${Date.now() - started} ms:`);
  for (const page of build.pages) {
    const largest = largestLazy(page);
    console.log(
      `  ${page.html.padEnd(13)} JS+CSS ${(totalGzip(page) / 1024).toFixed(1)} KB gzipped` +
        (largest ? `; with its largest page (${relative('web', largest.module)}) ${(largest.totalGzip / 1024).toFixed(1)} KB` : ''),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
