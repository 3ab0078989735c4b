/**
 * The CDK app (cdk.json: `npx tsx infra/app.ts`). The settings are read and checked before any
 * stack is built; see infra/README.md for the keys.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { applyLogRetentionToEveryFunction } from './api-function.js';
import { ApiStack } from './api-stack.js';
import {
  InfraConfigError,
  isCdkDeploy,
  PLACEHOLDER_SENDER,
  PlaceholderSenderError,
  readInfraConfig,
  type InfraConfig,
} from './config.js';
import { StatefulStack } from './stateful-stack.js';
import { WebStack } from './web-stack.js';

/**
 * Stateful ← Web ← Api. Stacks are environment-agnostic: synth needs no account, region or
 * credentials; `cdk deploy` takes them from the AWS profile it runs with.
 */
export function defineStacks(app: App, config: InfraConfig) {
  const prefix = `HuuNghi-${config.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    config,
    description: 'Hữu Nghị Events: table and mail identity (kept on teardown)',
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    config,
    description: 'Hữu Nghị Events: CloudFront, web files and the API gateway',
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    config,
    description: 'Hữu Nghị Events: the API function and its routes, the mail sender and its queue',
    table: stateful.table,
    mail: stateful.mail,
    linkSecretName: stateful.linkSecretName,
    originSecretName: web.originSecretName,
    httpApi: web.httpApi,
    publicUrl: web.publicUrl,
  });
  for (const stack of [stateful, web, api]) {
    stack.tags.setTag('project', 'huu-nghi-events');
    stack.tags.setTag('stage', config.stage);
  }
  applyLogRetentionToEveryFunction(app);
  return { stateful, web, api };
}

function main() {
  const app = new App();
  let config: InfraConfig;
  try {
    config = readInfraConfig((key) => app.node.tryGetContext(key));
  } catch (error) {
    if (!(error instanceof InfraConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (config.sender === PLACEHOLDER_SENDER && isCdkDeploy()) {
    console.error(new PlaceholderSenderError().message);
    process.exit(1);
  }
  defineStacks(app, config);
  app.synth();
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main();
