import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * zod's JSON Schema generator (core/json-schema-processors.js and core/to-json-schema.js, about
 * 20 KB minified) is imported statically by zod's classic schemas, yet only GET /api/openapi.json
 * uses it. In the API Lambda's split build this plugin leaves it out of index.mjs:
 * - zod's imports of those two modules resolve to stubs with the same exports: each function
 *   forwards to the real one once registered (the `create…Method` factories, called when a
 *   schema's `~standard` is read, answer a method that forwards when called); the one value,
 *   `allProcessors`, is filled in at registration;
 * - functions/api/openapi/json-schema-generator.ts becomes a module that `await import()`s the
 *   real two (a chunk of their own) and registers them with the stubs; openapi-document.ts awaits
 *   it before calling `z.toJSONSchema`.
 * web/build.ts replaces the same two modules for the browser, by stubs that throw.
 */
export function zodJsonSchemaOnDemand(projectRoot: string): Plugin {
  const zodCore = join(projectRoot, 'node_modules/zod/v4/core');
  const generator = ['json-schema-processors.js', 'to-json-schema.js'].map((file) => join(zodCore, file));
  const loader = join(projectRoot, 'functions/api/openapi/json-schema-generator.ts');
  const STUB = 'zod-json-schema-stub';
  const REAL = 'zod-json-schema-real';
  return {
    name: 'zod-json-schema-on-demand',
    setup(build) {
      build.onResolve({ filter: /(json-schema-processors|to-json-schema)\.js$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        // The real modules import each other as they are; everyone else gets the stubs.
        if (!generator.includes(path) || generator.includes(args.importer)) return undefined;
        return { path, namespace: STUB };
      });
      build.onResolve({ filter: new RegExp(`^(${STUB}|${REAL}):`) }, (args) => {
        const [namespace, path] = [args.path.slice(0, args.path.indexOf(':')), args.path.slice(args.path.indexOf(':') + 1)];
        return namespace === STUB ? { path, namespace: STUB } : { path };
      });
      build.onLoad({ filter: /.*/, namespace: STUB }, async (args) => ({ contents: stubSource(await import(pathToFileURL(args.path).href)), loader: 'js' }));
      build.onLoad({ filter: /json-schema-generator\.ts$/ }, async (args) => {
        if (args.path !== loader) return undefined;
        const [processors, toJsonSchema] = generator as [string, string];
        // Each stub's exports in the order stubSource gave them places.
        const exportsOf = async (path: string, module: string) =>
          `[${Object.keys(await import(pathToFileURL(path).href)).map((name) => `${module}.${name}`).join(', ')}]`;
        return {
          contents: [
            `import * as processors from ${JSON.stringify(`${REAL}:${processors}`)};`,
            `import * as toJsonSchema from ${JSON.stringify(`${REAL}:${toJsonSchema}`)};`,
            `import { __register as registerProcessors } from ${JSON.stringify(`${STUB}:${processors}`)};`,
            `import { __register as registerToJsonSchema } from ${JSON.stringify(`${STUB}:${toJsonSchema}`)};`,
            'export async function loadJsonSchemaGenerator() {',
            `  registerProcessors(${await exportsOf(processors, 'processors')});`,
            `  registerToJsonSchema(${await exportsOf(toJsonSchema, 'toJsonSchema')});`,
            '}',
          ].join('\n'),
          loader: 'js',
          resolveDir: projectRoot,
        };
      });
    },
  };
}

/** Factories zod calls before anything is generated: they answer a method that forwards later. */
const FACTORIES = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);

/**
 * A stub with the exports of `real` (the module as Node loads it at build time), small because it
 * is read at every cold start: its exports find the real ones by their place in `Object.keys` of
 * the module, the order in which the loader registers them (the names stay in the loader's chunk).
 */
function stubSource(real: Record<string, unknown>): string {
  const lines = [
    'let real;',
    "const loaded = () => { if (real) return real; throw new Error('zod JSON Schema generator not loaded: await loadJsonSchemaGenerator() first'); };",
    'const forward = (i) => function (...args) { return loaded()[i].apply(this, args); };',
    'const factory = (i) => (...args) => real ? real[i](...args) : (...rest) => loaded()[i](...args)(...rest);',
  ];
  const values: string[] = [];
  Object.entries(real).forEach(([name, value], i) => {
    if (typeof value !== 'function') {
      lines.push(`export let ${name};`);
      values.push(`${name} = real[${i}];`);
    } else lines.push(`export const ${name} = ${FACTORIES.has(name) ? 'factory' : 'forward'}(${i});`);
  });
  lines.push(`export function __register(exports) { real = exports; ${values.join(' ')} }`);
  return lines.join('\n');
}
