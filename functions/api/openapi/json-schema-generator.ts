/**
 * Makes zod's JSON Schema generator ready for `z.toJSONSchema` (openapi-document.ts awaits this
 * before it builds anything). Wherever zod is imported as it is (tests, `npm start`), the
 * generator is part of zod and there is nothing to do. The API Lambda's bundle carries only stubs
 * of it in index.mjs, and there infra/zod-json-schema-on-demand.ts replaces this module by one
 * that loads the real generator (a chunk of its own) and hands it to the stubs.
 */
export async function loadJsonSchemaGenerator(): Promise<void> {
  // Nothing to load outside the Lambda bundle.
}
