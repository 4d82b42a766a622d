import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamodb-local.js';
import { ensureH5Build } from '../../functions/local/app-build.js';
import { freePort } from './ports.js';

let dynamo: DynamoLocal | undefined;

/** One DynamoDB Local for the whole run, always stopped — even when tests fail. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Browser tests need the H5 app, and local-mode tests must not each build it: build once, up
  // front — but only when this run holds such a test, so that `vitest run tests/api/x.test.ts`
  // after an app change does not wait minutes for a build it never loads.
  if ((await needsApp(project)) && !ensureH5Build((line) => console.log(line)) && !process.env.MCAN_SKIP_APP_BUILD) {
    throw new Error('the H5 build failed; see its output above');
  }
  dynamo = await startDynamoLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo?.stop();
  };
}

/** A test needs the built app when it drives a browser or the whole local process. */
const USES_APP = /from '\.\.\/support\/(?:browser|h5|process)\.js'/;

async function needsApp(project: TestProject): Promise<boolean> {
  // The CLI's file filters; vitest keeps them on the instance (not yet a public field).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const specs = await project.vitest.globTestSpecifications(filters);
  return specs.some((spec) => USES_APP.test(readFileSync(spec.moduleId, 'utf8')));
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
