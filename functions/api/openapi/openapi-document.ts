import * as z from 'zod';
import { isPublicRoute } from '../middleware/session.js';
import { type DocumentedResponse, type HandlerDoc, handlerDocOf, type RouteDoc } from './describe-route.js';
import { allRouteDocs } from './route-docs/all.js';

/**
 * The OpenAPI 3.1 document of the API, built from the app itself: every `/api/*` route Hono holds
 * in `app.routes`, with what its handlers document (describe-route.ts) and the zod schemas that
 * validate its requests and answers, turned into JSON Schema (draft 2020-12, OpenAPI 3.1's own
 * dialect) by zod's `z.toJSONSchema`. Why no library: docs/api/conventions.md.
 */

type JsonSchema = Record<string, unknown>;
type HonoRoute = { method: string; path: string; handler: object };
type Operation = Record<string, unknown>;

/** Every error answer (functions/api/errors.ts). */
export const errorAnswerSchema = z
  .object({
    error: z.string().meta({ description: 'A stable code: not_found, validation_failed, conflict…' }),
    message: z.string().meta({ description: "A sentence for a person, in the request's language (Accept-Language: vi or en)" }),
    details: z.unknown().optional().meta({ description: 'What is wrong, where the error says more (the fields of a validation error)' }),
  })
  .meta({ id: 'Error' });

/** The answer schema a route documents for a status, for tests that hold answers to it. */
export function documentedSchema(doc: RouteDoc | undefined, status: number): z.ZodType | undefined {
  if (!doc) return undefined;
  const response = doc.responses[status];
  return (typeof response === 'object' ? response.schema : undefined) ?? (status >= 400 ? errorAnswerSchema : undefined);
}

const COMPOSED_HANDLER = '__COMPOSED_HANDLER';

/** A handler as it was written: app.route() may wrap a sub-app's handler in its error handler. */
function unwrap(handler: object): object {
  return (handler as Record<string, object>)[COMPOSED_HANDLER] ?? handler;
}

/**
 * Routes as method + path, each with its description (route-docs/) and what its handlers
 * (middleware, validators, the handler) document.
 */
export function documentedRoutes(routes: readonly HonoRoute[]): { method: string; path: string; doc: HandlerDoc }[] {
  const byRoute = new Map<string, { method: string; path: string; doc: HandlerDoc }>();
  for (const route of routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/') || route.path.includes('*')) continue;
    const key = `${route.method} ${route.path}`;
    const entry = byRoute.get(key) ?? { method: route.method, path: route.path, doc: allRouteDocs[key] ? { route: allRouteDocs[key] } : {} };
    const doc = handlerDocOf(unwrap(route.handler));
    if (doc) entry.doc = { ...entry.doc, ...doc };
    byRoute.set(key, entry);
  }
  return [...byRoute.values()];
}

/** The document's components: named schemas as JSON Schema, by id. */
type Components = Map<string, JsonSchema>;

const toComponentRefs = <T>(json: T): T => JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;

/**
 * A zod schema as JSON Schema. Schemas named with `.meta({ id })`, which zod lifts into `$defs`,
 * go to the document's components, and references to them point there.
 */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    if (!components.has(id)) {
      const { id: _id, ...body } = def;
      components.set(id, toComponentRefs(body));
    }
  }
  return toComponentRefs(json);
}

function responseObject(documented: DocumentedResponse | string, components: Components): Record<string, unknown> {
  const response = typeof documented === 'string' ? { description: documented } : documented;
  const content: Record<string, unknown> = {};
  if (response.schema) content['application/json'] = { schema: schemaRef(response.schema, 'output', components) };
  for (const type of response.files ?? []) content[type] = { schema: { type: 'string', contentMediaType: type } };
  return Object.keys(content).length ? { description: response.description, content } : { description: response.description };
}

/** A schema as the document writes it: a named one refers to its component. */
function schemaRef(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  return jsonSchemaOf(schema, io, components);
}

function queryParameters(schema: z.ZodType, components: Components): Record<string, unknown>[] {
  const json = jsonSchemaOf(schema, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

/** "/api/events/:eventId/invitations" → "/api/events/{eventId}/invitations", and its parameter names. */
function openApiPath(path: string): { path: string; parameters: string[] } {
  const parameters: string[] = [];
  const converted = path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_all, name: string) => {
    parameters.push(name);
    return `{${name}}`;
  });
  return { path: converted, parameters };
}

/** The tag a route is listed under: what the path is about (events, invitations, answers…). */
function tagOf(path: string): string {
  const words = path.split('/').filter((part) => part && part !== 'api' && !part.startsWith(':'));
  if (words[0] === 'r') return words[1] === 'delegation' ? 'delegation' : 'answers';
  if (words[0] === 'events' && words.length > 1) {
    const nested = words[1]!;
    if (['public', 'register'].includes(nested)) return 'open registration';
    if (['mail-preview', 'mail-test', 'notices'].includes(nested)) return 'event mail';
    if (['invitations', 'registrations', 'attendees', 'delegation', 'personal-data-log', 'letters'].includes(nested)) return nested;
  }
  return words[0] ?? 'api';
}

function operationOf(method: string, path: string, doc: HandlerDoc, components: Components): Operation {
  const route = doc.route!;
  const { parameters: pathNames } = openApiPath(path);
  const samplePath = path.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, 'x');
  const query = doc.query ?? route.query;
  const parameters = [
    ...pathNames.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', maxLength: 256 } })),
    ...(query ? queryParameters(query, components) : []),
  ];
  const requestBody = doc.body
    ? { required: false, content: { 'application/json': { schema: schemaRef(doc.body, 'input', components) } } }
    : route.requestBody
      ? {
          required: true,
          description: route.requestBody.description,
          content: Object.fromEntries(
            Object.entries(route.requestBody.content).map(([type, schema]) => [type, { schema: schema ? schemaRef(schema, 'input', components) : { type: 'string' } }]),
          ),
        }
      : undefined;
  const responses: Record<string, unknown> = {};
  const errorContent = { 'application/json': { schema: schemaRef(errorAnswerSchema, 'output', components) } };
  for (const [status, response] of Object.entries(route.responses)) {
    // An error named with a sentence only has the error shape every error has.
    responses[status] = typeof response === 'string' && Number(status) >= 400 ? { description: response, content: errorContent } : responseObject(response, components);
  }
  responses.default = { description: 'An error: `{ error, message, details? }` (docs/api/API.md, "Errors")', content: errorContent };
  return {
    operationId: `${method.toLowerCase()}${openApiPath(path).path.replace(/\{([^}]+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    tags: [tagOf(path)],
    summary: route.summary,
    description: route.description,
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    // Public routes (a personal link's token is their credential) need no session.
    ...(isPublicRoute(method, samplePath) ? { security: [] } : {}),
  };
}

export type OpenApiInfo = { version: string; serverUrl?: string };

/**
 * The document for an app's routes. A route with no description (route-docs/) is left out here;
 * the route-description test (test/functions/api/openapi.test.ts) fails on it.
 */
export function openApiDocument(routes: readonly HonoRoute[], info: OpenApiInfo): Record<string, unknown> {
  const components: Components = new Map();
  const paths: Record<string, Record<string, Operation>> = {};
  for (const { method, path, doc } of documentedRoutes(routes)) {
    if (!doc.route) continue;
    const key = openApiPath(path).path;
    paths[key] ??= {};
    paths[key][method.toLowerCase()] = operationOf(method, path, doc, components);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Hữu Nghị Events API',
      version: info.version,
      description:
        'The HTTP API of Hữu Nghị Events (Đắk Lắk provincial Union of Friendship Organisations): events, invitations, answers by personal link, delegations, check-in and official papers. The contract behind it: docs/api/API.md.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    tags: [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags as string[])))].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'hn_session', description: 'The session cookie POST /api/auth/login sets (`__Host-hn_session` over HTTPS).' },
      },
    },
    security: [{ session: [] }],
  };
}
