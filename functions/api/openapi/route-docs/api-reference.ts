import * as z from 'zod';
import type { RouteDocs } from '../describe-route.js';

/** What /api/openapi.json says of the routes in functions/api/routes/api-reference.ts, by method and path. */
export const routeDocs: RouteDocs = {
  'GET /api/openapi.json': {
        summary: 'This document',
        description: 'The OpenAPI 3.1 document of every /api route, generated from the routes and the zod schemas that validate them.',
        responses: { 200: { description: 'The document', schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
      },
  'GET /api/docs': {
        summary: 'The reference page',
        description: 'A readable reference of this API (Swagger UI reading /api/openapi.json).',
        responses: { 200: { description: 'An HTML page', files: ['text/html'] } },
      },
};
