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
  PlaceholderSenderError,
  placeholderKeys,
  readInfraConfig,
  stackNamesOf,
  type InfraConfig,
} from './config.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import { StatefulStack } from './stateful-stack.js';
import { WebStack } from './web-stack.js';

/**
 * Stateful ← Web ← Api, in the stage's region (infra/stages/<stage>.json). Synth needs no
 * account or credentials; `cdk deploy` takes the account from the AWS profile it runs with.
 */
export function defineStacks(app: App, config: InfraConfig) {
  const names = stackNamesOf(config.stage);
  // The stage's region is part of the template; the account stays whatever the deploying profile is.
  const env = { region: config.region };
  const stateful = new StatefulStack(app, names.stateful, {
    config,
    env,
    description: 'Hữu Nghị Events: table and mail identity (kept on teardown)',
  });
  const web = new WebStack(app, names.web, {
    config,
    env,
    description: 'Hữu Nghị Events: CloudFront, web files and the API gateway',
  });
  const api = new ApiStack(app, names.api, {
    config,
    env,
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
  applyLogRetentionToEveryFunction(app, config.logRetentionDays);
  acknowledgeNagFindings({ web, api }, config);
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
  const placeholders = placeholderKeys(config);
  if (placeholders.length > 0 && isCdkDeploy()) {
    console.error(new PlaceholderSenderError(placeholders, config.stage).message);
    process.exit(1);
  }
  defineStacks(app, config);
  app.synth();
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main();
