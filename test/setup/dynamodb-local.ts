import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/engines.js';
import { freePort } from '../support/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** Starts DynamoDB Local once for the run, in memory; repository and route tests share it. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const engine = await startDynamoDbLocal({ port });
  project.provide('dynamodbEndpoint', `http://127.0.0.1:${port}`);
  return () => engine.stop();
}
