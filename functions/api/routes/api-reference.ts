import { Hono } from 'hono';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { openApiDocument } = onDemand(() => import('../openapi/openapi-document.js'));

/** The version the document names: the app's own (package.json is not in the Lambda bundle). */
export const API_VERSION = '0.1.0';

/**
 * The page at /api/docs. The viewer (Swagger UI, from the swagger-ui-dist package) and its start
 * script are files of the web build (web/build.ts copies them to /api-docs/): only this page
 * loads them, and nothing of it is in the API's Lambda bundle or the console's.
 */
export const API_DOCS_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · Hữu Nghị Events</title>
<meta name="description" content="Tài liệu tham chiếu API của Hữu Nghị Events / The Hữu Nghị Events API reference">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<link rel="stylesheet" href="/api-docs/api-docs.css">
</head>
<body>
<main>
<p class="api-docs-note"><span lang="vi">Tài liệu tham chiếu API, tạo từ mã nguồn; bản máy đọc:</span> / <span lang="en">The API reference, generated from the code; machine-readable:</span> <a href="/api/openapi.json">/api/openapi.json</a></p>
<div id="api-reference"></div>
</main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/start.js"></script>
</body>
</html>
`;

/**
 * The API described from the code: GET /api/openapi.json (OpenAPI 3.1, built from `app.routes`
 * once, at the first request) and GET /api/docs, the page that reads it. Both public: they name
 * routes, never data. Mounted at /api with the app's routes handed in.
 */
export function apiReferenceRoutes(routesOf: () => readonly { method: string; path: string; handler: object }[]) {
  let document: Record<string, unknown> | undefined;
  return new Hono()
    .get(
      '/openapi.json',
      async (c) => {
        document ??= await openApiDocument(routesOf(), { version: API_VERSION });
        return c.json(document);
      },
    )
    .get(
      '/docs',
      (c) => c.html(API_DOCS_PAGE),
    );
}
