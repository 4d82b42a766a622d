import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamodb-local.js';
import { freePort } from './ports.js';

let dynamo: DynamoLocal | undefined;

/** One DynamoDB Local for the whole run, always stopped — even when tests fail. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  dynamo = await startDynamoLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
