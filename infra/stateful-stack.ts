import { CfnOutput, CfnRule, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PublicHostedZone } from 'aws-cdk-lib/aws-route53';
import { ConfigurationSet, EmailIdentity, Identity, MailFromBehaviorOnMxFailure, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
// The one piece of app code infra may read: the table's design, as plain data.
import { tableDesign } from '../shared/db/table-design.js';
import { mailFrom, PlaceholderSenderError, placeholderKeys, senderDomain, linkSecretParameterOf, tableNameOf, type InfraConfig } from './config.js';

export type StatefulStackProps = StackProps & { config: InfraConfig };

/** What the stateless stacks need to know about the mail setup. */
export type MailSetup = {
  /** The From header, display name encoded for SES. */
  from: string;
  fromAddress: string;
  configurationSetName: string;
};

/**
 * What must outlive any deploy: the table (kept on stack deletion, protected from deletion, with
 * point-in-time recovery), the name of the secret personal links are derived from, and the SES identity and
 * configuration set mail is sent through. The configuration set's event destination belongs to
 * the mail pipeline (infra/mail-pipeline.ts), beside the topic and function it feeds.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  /** The link secret's SSM parameter, by which functions refer to it (ApiFunction.useSecret). */
  readonly linkSecretName: string;
  readonly mail: MailSetup;
  readonly emailIdentity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = tableNameOf(config.stage);

    const { partitionKey, sortKey, listingIndex, timeToLiveAttribute } = tableDesign;
    // A fixed name on purpose: after a teardown the retained table blocks a same-named new one,
    // so a redeploy fails loudly (and the table can be imported) instead of starting empty.
    this.table = new Table(this, 'Table', {
      tableName: name,
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: listingIndex.name,
      partitionKey: { name: listingIndex.partitionKey, type: AttributeType.STRING },
      sortKey: { name: listingIndex.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    // LINK_SECRET: every personal link already mailed is an HMAC under it
    // (shared/invitations/link-tokens.ts), so it must never change. It lives in an SSM parameter
    // that `npm run deploy` creates once with a random value (infra/deploy.ts) and no stack owns:
    // a teardown keeps it, and a deploy without it stops at CloudFormation's "parameter not
    // found". A Secrets Manager secret would cost US$0.40 a month, as much as all the alarms.
    this.linkSecretName = linkSecretParameterOf(config.stage);

    this.configurationSet = new ConfigurationSet(this, 'MailConfiguration', {
      configurationSetName: name,
      reputationMetrics: true,
      sendingEnabled: true,
      // Never send again to an address that bounced or complained: it protects the sender's name.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    const domain = senderDomain(config.sender);
    const zone =
      config.sesIdentity === 'domain' && config.hostedZone?.name === domain
        ? PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', {
            hostedZoneId: config.hostedZone.id,
            zoneName: config.hostedZone.name,
          })
        : undefined;
    this.emailIdentity = new EmailIdentity(this, 'SenderIdentity', {
      identity: zone
        ? Identity.publicHostedZone(zone) // DKIM records written into the zone
        : config.sesIdentity === 'domain'
          ? Identity.domain(domain) // DKIM records to add by hand: see the outputs
          : Identity.email(config.sender), // SES mails a verification link
      configurationSet: this.configurationSet,
      // Custom MAIL FROM: bounces return to a subdomain of the sender's, so SPF aligns for DMARC.
      // Until its MX and SPF records exist SES falls back to amazonses.com rather than refusing.
      ...(config.mailFromDomain
        ? { mailFromDomain: config.mailFromDomain, mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE }
        : {}),
    });

    this.mail = {
      from: mailFrom(config),
      fromAddress: config.sender,
      configurationSetName: this.configurationSet.configurationSetName,
    };

    const placeholders = placeholderKeys(config);
    if (placeholders.length > 0) {
      // A backstop to the CLI check in app.ts that holds whatever deploys the template:
      // CloudFormation evaluates rules before touching any resource, and this one cannot pass.
      new CfnRule(this, 'SenderIsConfigured', {
        assertions: [
          {
            assert: Fn.conditionEquals(config.sender, 'a configured sender'),
            assertDescription: new PlaceholderSenderError(placeholders, config.stage).message.replace(/\n\s*/g, ' '),
          },
        ],
      });
    }

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'LinkSecretParameter', { value: this.linkSecretName, description: 'SSM parameter holding LINK_SECRET: never change it' });
    new CfnOutput(this, 'SenderIdentityName', {
      value: this.emailIdentity.emailIdentityName,
      description: 'Verify it in the SES console before the first send (infra/README.md)',
    });
    if (config.mailFromDomain) {
      new CfnOutput(this, 'MailFromRecords', {
        value: `${config.mailFromDomain} MX 10 feedback-smtp.${this.region}.amazonses.com ; ${config.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
        description: 'Add these DNS records for the custom MAIL FROM domain',
      });
    }
    if (config.sesIdentity === 'domain' && !zone) {
      const tokens = [
        [this.emailIdentity.dkimDnsTokenName1, this.emailIdentity.dkimDnsTokenValue1],
        [this.emailIdentity.dkimDnsTokenName2, this.emailIdentity.dkimDnsTokenValue2],
        [this.emailIdentity.dkimDnsTokenName3, this.emailIdentity.dkimDnsTokenValue3],
      ] as const;
      for (const [i, [recordName, value]] of tokens.entries()) {
        new CfnOutput(this, `DkimRecord${i + 1}`, { value: Fn.join(' ', [recordName, 'CNAME', value]), description: 'Add this DNS record' });
      }
    }
  }
}
