// The reference page (/api/docs): Swagger UI reads the API's own document. Only GET requests can be
// tried from the page; a write is made from the console, never by a click in the reference.
window.SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#api-reference',
  // No deep links: Swagger UI puts them as links inside each operation's button (nested controls).
  deepLinking: false,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  supportedSubmitMethods: ['get'],
});
