import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DYNAMODB_LOCAL_TIMEOUTS, DYNAMODB_MAX_ATTEMPTS, DYNAMODB_TIMEOUTS } from './timeouts.js';

export type DynamoDbSettings = { region: string; endpoint?: string };

/** One document client per process; created at start-up, never per request; every call bounded (timeouts.ts). */
export function createDocumentClient(settings: DynamoDbSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: DYNAMODB_MAX_ATTEMPTS,
    requestHandler: { ...(settings.endpoint ? DYNAMODB_LOCAL_TIMEOUTS : DYNAMODB_TIMEOUTS) },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
