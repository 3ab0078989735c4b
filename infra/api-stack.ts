import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { tableDesign } from '../shared/db/table-design.js';
import { ApiFunction } from './api-function.js';
import type { InfraConfig } from './config.js';
import type { MailSetup } from './stateful-stack.js';

export type ApiStackProps = StackProps & {
  config: InfraConfig;
  table: ITable;
  mail: MailSetup;
  /** The gateway CloudFront sends /api/* to (it lives in WebStack: see there why). */
  httpApi: IHttpApi;
  /** The origin emailed links point at. */
  publicUrl: string;
};

/** The Hono app as one Lambda function behind the HTTP API gateway, with its alarms. */
export class ApiStack extends Stack {
  readonly api: ApiFunction;
  readonly alarmTopic?: Topic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;

    if (config.alarmEmail) {
      this.alarmTopic = new Topic(this, 'Alarms', { displayName: `Hữu Nghị Events alarms (${config.stage})` });
      this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    }

    this.api = new ApiFunction(this, 'Api', {
      entry: 'functions/api/lambda.ts',
      description: 'Hữu Nghị Events HTTP API (Hono)',
      environment: {
        PUBLIC_URL: props.publicUrl,
        ...(config.adminEmail ? { ADMIN_EMAIL: config.adminEmail } : {}),
      },
      alarmTopic: this.alarmTopic,
    })
      .useTable(props.table, { envName: 'TABLE_NAME', indexNames: [tableDesign.listingIndex.name] })
      .sendMailAs(props.mail);

    new HttpRoute(this, 'ApiRoute', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with('/api/{proxy+}', HttpMethod.ANY),
      integration: new HttpLambdaIntegration('ApiIntegration', this.api.function),
    });

    new CfnOutput(this, 'FunctionName', { value: this.api.function.functionName });
    new CfnOutput(this, 'LogGroup', { value: this.api.logGroup.logGroupName });
  }
}
