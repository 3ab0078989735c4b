import { handle } from 'hono/aws-lambda';
import { getConnInfo } from 'hono/aws-lambda';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import { parseConfig } from '../../shared/config.js';
import { createApp } from './app.js';
import { buildDeps } from './deps.js';

// Read once at cold start: a bad setting fails the first request loudly, not each one subtly.
const config = parseConfig(process.env);
const deps = buildDeps(
  config,
  { db: createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint }), ses: createSesClient({ region: config.region, endpoint: config.sesEndpoint }) },
  { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' },
);

export const handler = handle(createApp(deps));
