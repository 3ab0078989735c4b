import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../functions/api/openapi/openapi-document.js';

type Routes = readonly { method: string; path: string; handler: object }[];
type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: object };

/**
 * Holds an API answer to the schema /api/openapi.json documents for its route and status (the
 * status's own, else `default`, the error shape), with Ajv reading the document's JSON Schema:
 * the answer a client gets is the one the reference promises. test-context.ts calls it on every
 * request a route test makes.
 */
export function answerChecker(routes: Routes) {
  let document: Document | undefined;
  let matchers: { method: string; pattern: RegExp; operation: Operation }[] = [];
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const compiled = new Map<object, ValidateFunction>();

  return function check(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    if (!contentType?.startsWith('application/json')) return;
    if (!document) {
      document = openApiDocument(routes, { version: 'test' }) as Document;
      matchers = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([m, operation]) => ({
          method: m.toUpperCase(),
          // Literal segments before parameters: /api/events/field-defaults is not /api/events/{eventId}.
          pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          literal: path.split('/').filter((part) => !part.startsWith('{')).length,
          operation,
        })),
      ).sort((a, b) => b.literal - a.literal);
    }
    const path = new URL(url, 'http://localhost').pathname;
    const match = matchers.find((m) => (m.method === method || (method === 'HEAD' && m.method === 'GET')) && m.pattern.test(path));
    if (!match) return;
    const response = match.operation.responses[String(status)] ?? match.operation.responses.default;
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) return;
    let validate = compiled.get(schema);
    if (!validate) {
      // Ajv resolves references inside $defs: the document's components are handed in there.
      const toDefs = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/')) as T;
      validate = ajv.compile({ ...toDefs(schema), $defs: toDefs((document.components as { schemas: object }).schemas) });
      compiled.set(schema, validate);
    }
    if (!validate(body)) {
      throw new Error(`${method} ${path} → ${status}: the answer is not what /api/openapi.json documents: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
    }
  };
}
