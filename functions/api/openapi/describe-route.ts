import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod';

/** One documented answer of a route: what it means and, for JSON, the zod schema of its body. */
export type DocumentedResponse = {
  description: string;
  /** The body's zod schema (JSON); omitted for an answer with no body or one not yet described. */
  schema?: z.ZodType;
  /** A file answer (CSV, XLSX, PDF, DOCX): its media types (beside the JSON schema when the route answers either). */
  files?: string[];
};

/**
 * What docs/api/conventions.md asks of every route: a summary and a description, and its answers
 * by status. The request's body and query need not be repeated: `jsonBody(schema)` and
 * `queryParams(schema)` (validation.ts) document themselves.
 */
export type RouteDoc = {
  summary: string;
  description: string;
  /** By status; a plain string is the description of an answer whose body is not described. */
  responses: Record<number, DocumentedResponse | string>;
  /** A request body read by the handler itself (a CSV upload, say), by media type. */
  requestBody?: { description: string; content: Record<string, z.ZodType | undefined> };
  /** Query parameters the handler reads without `queryParams`. */
  query?: z.ZodType;
};

/**
 * The descriptions of a route file's routes, by method and full path as Hono registers them
 * ('GET /api/events/:eventId'), in functions/api/openapi/route-docs/<route file>.ts. Kept apart
 * from the routes so that only /api/openapi.json loads their text: in the Lambda they are a chunk
 * a cold start does not read (infra/lambda-bundling.ts).
 */
export type RouteDocs = Record<string, RouteDoc>;

/** What a route's handlers say about it, keyed by the handler function Hono keeps in `app.routes`. */
export type HandlerDoc = { route?: RouteDoc; body?: z.ZodType; query?: z.ZodType };

const handlerDocs = new WeakMap<object, HandlerDoc>();

/** Records what a handler documents (used by describeRoute and by the validators). */
export function documentHandler<H extends object>(handler: H, doc: HandlerDoc): H {
  handlerDocs.set(handler, { ...handlerDocs.get(handler), ...doc });
  return handler;
}

export function handlerDocOf(handler: object): HandlerDoc | undefined {
  return handlerDocs.get(handler);
}

/**
 * A route's entry in /api/openapi.json written beside the route, placed first among its handlers:
 *
 *   .get('/:eventId', describeRoute({ summary: '…', description: '…', responses: { 200: { … } } }), handler)
 *
 * It does nothing at run time but pass the request on. Its text is read at every cold start:
 * route-docs/ (RouteDocs above) is where the routes are described.
 */
export function describeRoute(doc: RouteDoc): MiddlewareHandler {
  return documentHandler<MiddlewareHandler>(async (_c, next) => {
    await next();
  }, { route: doc });
}
