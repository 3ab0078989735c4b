import { execFileSync } from 'node:child_process';
import { CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS } from '../shared/http/security-headers.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, CfnOutput, DockerImage, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ORIGIN_SECRET_HEADER } from '../shared/http/origin-secret.js';
import { VIEWER_ADDRESS_HEADER } from '../shared/http/viewer-address.js';
import { REPO_ROOT } from './api-function.js';
import { customOrigin, originSecretParameterOf, type InfraConfig } from './config.js';

export type WebStackProps = StackProps & { config: InfraConfig };

/**
 * One JSON line per API request. It names the gateway route (`routeKey`, e.g. `ANY /api/r/{proxy+}`),
 * never the path: a participant's path holds their personal link (/api/r/<token>), which would
 * let anyone who reads the log answer in their name. Nor the query string, nor the viewer's
 * address (CloudFront's edge is the caller; the viewer's is a personal datum the app counts by).
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  route: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  responseBytes: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
} as const;

/** The policy the app sets locally too (shared/http/security-headers.ts). */
export { CONTENT_SECURITY_POLICY };

/**
 * Client-side routes answer with their page, as the local app does (routes/web-pages.ts):
 * `/` and `/console` redirect to `/console/`, `/console/*` is console.html, `/r/*` answer.html,
 * `/dang-ky/*` (an event's open registration) register.html.
 * A viewer-request function rather than a 403/404 → page error response, which would also
 * turn the API's own 403s and 404s into HTML.
 */
export const PAGE_ROUTING_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/console') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/console/' } } };
  }
  if (uri.indexOf('/console/') === 0) {
    request.uri = '/console.html';
  } else if (uri.indexOf('/r/') === 0) {
    request.uri = '/answer.html';
  } else if (uri.indexOf('/dang-ky/') === 0) {
    request.uri = '/register.html';
  }
  return request;
}
`;

/**
 * On `/api/*`: the viewer's address for the API's per-client limits, in a header the client cannot
 * choose (shared/http/viewer-address.ts). Without it the API sees only the edge server's address.
 */
export const VIEWER_ADDRESS_FUNCTION = `function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}
`;

/**
 * The public entrance: CloudFront in front of the web files (S3, origin access control) and of
 * the HTTP API gateway that `/api/*` goes to.
 *
 * The gateway lives here, not in ApiStack, to break a cycle: CloudFront needs the gateway's
 * address, and the API function needs CloudFront's address (PUBLIC_URL, for emailed links).
 * With the gateway here, WebStack needs nothing from ApiStack; ApiStack adds the function and
 * its routes to this gateway and reads PUBLIC_URL from this stack. No lookup at run time.
 */
export class WebStack extends Stack {
  readonly httpApi: HttpApi;
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly accessLogGroup: LogGroup;
  /** The secret CloudFront sends to the API in ORIGIN_SECRET_HEADER, by name (for ApiStack). */
  readonly originSecretName: string;
  /** https://<domain> or https://<id>.cloudfront.net, without a trailing slash. */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.httpApi = new HttpApi(this, 'Gateway', {
      description: 'Hữu Nghị Events API; reached through CloudFront at /api/*',
      createDefaultStage: false,
      corsPreflight: config.allowedOrigin
        ? {
            allowOrigins: [config.allowedOrigin],
            allowCredentials: true,
            allowHeaders: ['content-type'],
            allowMethods: [CorsHttpMethod.ANY],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });
    // Retention: the stage's logRetentionDays, set on every log group by app.ts's aspect.
    this.accessLogGroup = new LogGroup(this, 'AccessLogs', { removalPolicy: RemovalPolicy.DESTROY });
    // Auto-deployed, so routes that ApiStack adds go live without a deployment resource here.
    new HttpStage(this, 'GatewayStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Far above the union's peak (a mail-out answered at once), low enough to cap a flood's bill.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.bucket = new Bucket(this, 'WebFiles', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Built files only: they come back with the next deploy.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, CSP, nosniff, frame denial, no referrer (answer links carry a token)',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const pageRouting = new CloudFrontFunction(this, 'PageRouting', {
      comment: 'Client-side routes answer with their page',
      code: FunctionCode.fromInline(PAGE_ROUTING_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      comment: "The viewer's address for the API's per-client limits",
      code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    // Made by `npm run deploy` (an SSM parameter, infra/config.ts), never in the repository; CloudFront
    // reads it by a dynamic reference and
    // so does the API function (ApiStack, ORIGIN_SECRET). Rotating it: a new value, then a deploy
    // of both stacks (CloudFront first, so requests in between are refused rather than spoofable).
    this.originSecretName = originSecretParameterOf(config.stage);
    const originSecret = `{{resolve:ssm:${this.originSecretName}}}`;

    const gatewayDomain = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Hữu Nghị Events (${config.stage})`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: pageRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(gatewayDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // The API serves only requests that carry this (functions/api/origin-check.ts).
            customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes on its own Host header, so every viewer header but Host goes on.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
          compress: true,
        },
      },
      // Price class 200 takes in the Asian edge locations the union's guests are near.
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(config.domain && config.certificateArn
        ? {
            domainNames: [config.domain],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.publicUrl = customOrigin(config) ?? `https://${this.distribution.distributionDomainName}`;

    if (config.domain && config.hostedZone) {
      const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: config.hostedZone.id,
        zoneName: config.hostedZone.name,
      });
      const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
      new ARecord(this, 'AliasV4', { zone, recordName: `${config.domain}.`, target });
      new AaaaRecord(this, 'AliasV6', { zone, recordName: `${config.domain}.`, target });
    }

    // Hashed assets may be cached for a year; pages must be revalidated so a deploy shows at once.
    // Assets go first, so a new page never points at a file not yet uploaded; old assets stay
    // (prune: false) for pages still open in a browser.
    const site = webFiles();
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [site],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [site],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);

    new CfnOutput(this, 'PublicUrl', { value: this.publicUrl, description: 'Open /console/ here' });
    new CfnOutput(this, 'GatewayEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'AccessLogGroup', { value: this.accessLogGroup.logGroupName });
  }
}

/**
 * The built web frontend: `tsx web/build.ts --out <dir>` at synth, with the local Node, never
 * Docker. (Tests skip bundling through the `aws:cdk:bundling-stacks` context.) The build reads the
 * repository (web/ and shared/), but the asset's hash is its output's only (AssetHashType.OUTPUT):
 * hashing the source would take in cdk.out, .data and every other file, so two synths without a
 * change would differ, and every deploy would upload and invalidate again.
 */
function webFiles(): ISource {
  const buildScript = join(REPO_ROOT, 'web', 'build.ts');
  return Source.asset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only reached if local bundling declines, which it does not: kept as the equivalent.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      command: ['bash', '-c', 'npm ci --no-audit --no-fund && npx tsx web/build.ts --out /asset-output'],
      local: {
        tryBundle(outputDir) {
          if (!existsSync(buildScript)) throw new Error(`The web build script is missing: ${buildScript}`);
          execFileSync(process.execPath, ['--import', 'tsx', buildScript, '--out', outputDir], {
            cwd: REPO_ROOT,
            // stdout stays clean for `cdk synth`'s template output.
            stdio: ['ignore', process.stderr, process.stderr],
          });
          return true;
        },
      },
    },
  });
}
