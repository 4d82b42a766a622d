import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamodb-local.js';
import { ensureH5Build } from '../../functions/local/app-build.js';
import { freePort } from './ports.js';

let dynamo: DynamoLocal | undefined;

/** One DynamoDB Local for the whole run, always stopped — even when tests fail. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Browser tests need the H5 app, and local-mode tests must not each build it: build once, up front.
  if (!ensureH5Build((line) => console.log(line)) && !process.env.MCAN_SKIP_APP_BUILD) throw new Error('the H5 build failed; see its output above');
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
