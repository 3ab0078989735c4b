import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { InfraConfig } from './config.js';

/**
 * The cdk-nag AwsSolutions findings this design accepts, each on the narrowest construct with its
 * reason (test/infra/nag.test.ts runs the pack over every stack and wants zero others). Rules are
 * acknowledged by their exact finding id where cdk-nag gives one (IAM4/IAM5 name the policy or
 * resource), so a new wildcard or managed policy is a new finding.
 */
export function acknowledgeNagFindings(stacks: { web: Stack; api: Stack }, config: InfraConfig): void {
  const { web, api } = stacks;
  const ack = (scope: IConstruct | undefined, id: string, reason: string) => {
    if (!scope) throw new Error(`nothing to acknowledge ${id} on`);
    Validations.of(scope).acknowledge({ id, reason });
  };
  const region = config.region;

  // The web stack: static files behind CloudFront.
  ack(
    web.node.findChild('WebFiles'),
    'AwsSolutions-S1',
    'The bucket holds only the built web files, readable by CloudFront alone; they are rebuilt by every deploy. Server access logs would cost more than the files.',
  );
  const distribution = web.node.findChild('Distribution');
  ack(distribution, 'AwsSolutions-CFR1', "Guests and partners answer from anywhere (Cambodia, Laos, Europe): no geographic restriction fits the union's work.");
  ack(
    distribution,
    'AwsSolutions-CFR2',
    'AWS WAF costs at least US$5 a month, five times this deployment; the API limits sign-ins and link misses per client itself, and the gateway throttles at 100 requests a second.',
  );
  ack(
    distribution,
    'AwsSolutions-CFR3',
    "CloudFront's access log would hold every participant's personal link (/r/<token>) in its paths; the API's own access log names routes instead (web-stack.ts, ACCESS_LOG_FIELDS).",
  );
  if (!config.domain) {
    ack(
      distribution,
      'AwsSolutions-CFR4',
      "Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set. A stage with domain and certificateArn gets TLSv1.2_2021 (infra/README.md, step 5).",
    );
  }
  const bucketDeployment = web.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  ack(bucketDeployment, 'AwsSolutions-L1', "CDK's own bucket-deployment handler: its runtime is chosen by aws-cdk-lib, updated with it.");
  ack(
    bucketDeployment,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's own bucket-deployment handler writes its log with the basic execution role.",
  );
  for (const finding of [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*`,
    `Resource::<${web.getLogicalId(web.node.findChild('WebFiles').node.defaultChild as never)}.Arn>/*`,
    'Resource::*',
  ]) {
    ack(
      bucketDeployment,
      `AwsSolutions-IAM5[${finding}]`,
      "CDK's own bucket-deployment handler: it reads the CDK asset bucket and replaces the web files in the site bucket, with the grants aws-cdk-lib gives it.",
    );
  }

  // The API stack: our functions (the acknowledgements each function needs live beside its grants in api-function.ts).
  for (const route of ['ApiRoute', 'AnswerRoute', 'AuthRoute', 'UsersRoute', 'EventsRoute']) {
    ack(
      api.node.findChild(route),
      'AwsSolutions-APIG4',
      'The app authorises every request itself: session cookies and permissions for organisers, the personal link for participants (functions/api/middleware/session.ts). A gateway authorizer would duplicate that.',
    );
  }
}

/**
 * What every ApiFunction accepts: a log writer role. (No AwsSolutions-L1: LAMBDA_RUNTIME is the
 * newest Node.js runtime aws-cdk-lib knows, so the rule passes; an older one would be a finding.)
 */
export function acknowledgeFunctionFindings(fn: IConstruct): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'Writing its own log group is all the managed policy grants; every other permission is listed by name (api-function.ts).',
  });
}

/** `ses:SendEmail` on every identity of the account, narrowed by ses:FromAddress (see ApiFunction.sendMailAs). */
export function acknowledgeSendMailFindings(fn: IConstruct): void {
  const region = Stack.of(fn).region;
  Validations.of(fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${region}:<AWS::AccountId>:identity/*]`,
    reason: "In the SES sandbox SES also checks the recipient's identity, so naming the sender's alone fails every test send; the ses:FromAddress condition keeps the From to the sender.",
  });
}

/** `ses:GetAccount` (the health check) has no resource-level permissions. */
export function acknowledgeHealthCheckFindings(fn: IConstruct): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'ses:GetAccount, for the health check, supports no resource ARN; it is the only action on *.',
  });
}
