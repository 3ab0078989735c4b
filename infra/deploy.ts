/**
 * `npm run deploy -- --stage prod`: checks what can be checked before a deploy, says in words
 * what is missing, and only then runs `cdk deploy --all` for that stage.
 *
 *   npm run deploy -- --stage prod            check, then deploy
 *   npm run deploy -- --stage prod --check    check only
 *
 * The checks use the operator's AWS credentials (default profile or AWS_PROFILE) in the stage's
 * region: the CDK bootstrap stack, the SES identity and its verification, DKIM and MAIL FROM,
 * and whether SES is still in the sandbox. Offline or without credentials it says so and stops.
 * `cdk synth` itself never needs any of this.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { randomBytes } from 'node:crypto';
import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  InfraConfigError,
  linkSecretParameterOf,
  originSecretParameterOf,
  placeholderKeys,
  PlaceholderSenderError,
  readInfraConfig,
  senderDomain,
  type InfraConfig,
} from './config.js';

/** What the checks learn from AWS; each answer `unreachable` when AWS could not be asked. */
export type AwsFacts = {
  bootstrap: 'present' | 'missing' | Unreachable;
  identity:
    | { status: 'missing' }
    | { status: 'found'; verified: boolean; dkim?: string; mailFrom?: string }
    | Unreachable;
  account: { production: boolean; maxSendRate: number; max24HourSend: number } | Unreachable;
  /** The SSM parameter holding LINK_SECRET (linkSecretParameterOf). */
  linkSecret: 'present' | 'missing' | Unreachable;
};
type Unreachable = { unreachable: string };

export type Finding = { level: 'blocker' | 'warning' | 'ok'; text: string };

/** The SES identity the stage sends as: its domain, or the address itself. */
export function identityOf(config: Pick<InfraConfig, 'sesIdentity' | 'sender'>): string {
  return config.sesIdentity === 'domain' ? senderDomain(config.sender) : config.sender;
}

/** Turns what AWS said into sentences, blockers first. Pure: tested without AWS. */
export function assessDeployment(config: InfraConfig, facts: AwsFacts): Finding[] {
  const findings: Finding[] = [];
  const region = config.region;
  const unreachable = [facts.bootstrap, facts.identity, facts.account, facts.linkSecret].find(
    (f): f is Unreachable => typeof f === 'object' && f !== null && 'unreachable' in f,
  );
  if (unreachable) {
    findings.push({
      level: 'blocker',
      text: `Could not ask AWS in ${region} (${unreachable.unreachable}). Offline, or no credentials: sign in (\`aws configure\`, \`aws sso login\` or AWS_PROFILE) and run this again. Nothing was deployed.`,
    });
    return findings;
  }
  if (facts.bootstrap === 'missing') {
    findings.push({
      level: 'blocker',
      text: `The account is not bootstrapped for CDK in ${region}: run \`npx cdk bootstrap --region ${region}\` once (infra/README.md, step 2).`,
    });
  } else {
    findings.push({ level: 'ok', text: `CDK bootstrap found in ${region}.` });
  }

  const parameter = linkSecretParameterOf(config.stage);
  findings.push(
    facts.linkSecret === 'missing'
      ? { level: 'ok', text: `The link secret ${parameter} does not exist yet: the deploy creates it now, once, with a random value.` }
      : { level: 'ok', text: `Link secret ${parameter} found (never change it: every mailed link depends on it).` },
  );

  const identity = identityOf(config);
  const id = facts.identity as Exclude<AwsFacts['identity'], Unreachable>;
  if (id.status === 'missing') {
    findings.push({
      level: 'warning',
      text: `The SES identity ${identity} does not exist yet: this deploy creates it. Then ${config.sesIdentity === 'domain' ? 'add its DKIM records (DkimRecord outputs, or Route 53 does it)' : 'click the link SES mails to it'} — no mail goes out before it is verified (infra/README.md, step 3).`,
    });
  } else if (!id.verified) {
    findings.push({
      level: 'warning',
      text: `The SES identity ${identity} is not verified yet (DKIM: ${id.dkim ?? 'unknown'}): mail fails until it is. ${config.sesIdentity === 'domain' ? 'Check the three DKIM CNAME records at your DNS host.' : 'Click the link SES mailed to the address.'}`,
    });
  } else {
    findings.push({ level: 'ok', text: `SES identity ${identity} is verified.` });
  }
  if (id.status === 'found' && config.mailFromDomain && id.mailFrom && id.mailFrom !== 'SUCCESS') {
    findings.push({
      level: 'warning',
      text: `The MAIL FROM domain ${config.mailFromDomain} is ${id.mailFrom}: add its MX and SPF records (MailFromRecords output); until then SES uses amazonses.com and DMARC's SPF check does not align.`,
    });
  }

  const account = facts.account as Exclude<AwsFacts['account'], Unreachable>;
  if (!account.production) {
    findings.push({
      level: config.production ? 'warning' : 'ok',
      text: `SES is in the sandbox in ${region}: mail goes only to verified addresses, at most ${account.max24HourSend} a day. Ask for production access (infra/README.md, step 4).`,
    });
  }
  if (config.mailRatePerSecond > account.maxSendRate) {
    findings.push({
      level: 'blocker',
      text: `mailRatePerSecond is ${config.mailRatePerSecond} in infra/stages/${config.stage}.json but SES allows ${account.maxSendRate} a second in ${region}: set it to ${account.maxSendRate} or less, or SES throttles every other mail.`,
    });
  }
  return findings.sort((a, b) => rank(a) - rank(b));
}

const rank = (f: Finding) => ({ blocker: 0, warning: 1, ok: 2 })[f.level];

/** Asks AWS, each question bounded in time: an unreachable AWS is an answer, not a hang. */
export async function gatherAwsFacts(
  config: InfraConfig,
  /** Tests point both clients at a closed local port instead of AWS. */
  clientOptions: { endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): Promise<AwsFacts> {
  const signal = () => AbortSignal.timeout(15_000);
  const cloudFormation = new CloudFormationClient({ region: config.region, maxAttempts: 2, ...clientOptions });
  const ses = new SESv2Client({ region: config.region, maxAttempts: 2, ...clientOptions });
  const ssm = new SSMClient({ region: config.region, maxAttempts: 2, ...clientOptions });
  const reason = (error: unknown) => ({ unreachable: `${(error as Error).name}: ${(error as Error).message}` });
  try {
    const bootstrap: AwsFacts['bootstrap'] = await cloudFormation
      .send(new DescribeStacksCommand({ StackName: 'CDKToolkit' }), { abortSignal: signal() })
      .then(
        () => 'present' as const,
        (error: unknown) => (/does not exist/.test(String((error as Error).message)) ? ('missing' as const) : reason(error)),
      );
    const identity: AwsFacts['identity'] = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identityOf(config) }), { abortSignal: signal() }).then(
      (found) => ({
        status: 'found' as const,
        verified: Boolean(found.VerifiedForSendingStatus),
        dkim: found.DkimAttributes?.Status,
        mailFrom: found.MailFromAttributes?.MailFromDomainStatus,
      }),
      (error: unknown) => ((error as Error).name === 'NotFoundException' ? { status: 'missing' as const } : reason(error)),
    );
    const account: AwsFacts['account'] = await ses.send(new GetAccountCommand({}), { abortSignal: signal() }).then(
      (found) => ({
        production: Boolean(found.ProductionAccessEnabled),
        maxSendRate: found.SendQuota?.MaxSendRate ?? 1,
        max24HourSend: found.SendQuota?.Max24HourSend ?? 200,
      }),
      reason,
    );
    const linkSecret: AwsFacts['linkSecret'] = await ssm.send(new GetParameterCommand({ Name: linkSecretParameterOf(config.stage) }), { abortSignal: signal() }).then(
      () => 'present' as const,
      (error: unknown) => ((error as Error).name === 'ParameterNotFound' ? ('missing' as const) : reason(error)),
    );
    return { bootstrap, identity, account, linkSecret };
  } finally {
    cloudFormation.destroy();
    ses.destroy();
    ssm.destroy();
  }
}

/**
 * Creates the stage's link secret: 48 random letters and digits, never overwriting one that
 * exists (a second deploy racing this one keeps the first value).
 */
export async function createLinkSecret(config: InfraConfig): Promise<void> {
  await createStageSecret(config, linkSecretParameterOf(config.stage), 'LINK_SECRET of Hữu Nghị Events: every personal link is derived from it. Never change or delete it.');
}

/** The header value CloudFront sends to the API (WebStack); created once, like the link secret. */
export async function createOriginSecret(config: InfraConfig): Promise<void> {
  await createStageSecret(config, originSecretParameterOf(config.stage), 'The header CloudFront adds to /api/* requests of Hữu Nghị Events; the API refuses requests without it.');
}

async function createStageSecret(config: InfraConfig, name: string, description: string): Promise<void> {
  const ssm = new SSMClient({ region: config.region });
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const value = [...randomBytes(48)].map((b) => alphabet[b % alphabet.length]).join('');
  try {
    await ssm.send(
      new PutParameterCommand({
        Name: name,
        Type: 'String',
        Value: value,
        Overwrite: false,
        Description: description,
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ParameterAlreadyExists') throw error;
  } finally {
    ssm.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, check: { type: 'boolean' } } });
  if (!values.stage) {
    console.error('Usage: npm run deploy -- --stage <name> [--check]   (stages: infra/stages/*.json)');
    return 2;
  }
  let config: InfraConfig;
  try {
    config = readInfraConfig((key) => (key === 'stage' ? values.stage : undefined));
  } catch (error) {
    if (error instanceof InfraConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const placeholders = placeholderKeys(config);
  if (placeholders.length > 0) {
    console.error(new PlaceholderSenderError(placeholders, config.stage).message);
    return 1;
  }
  console.log(`Stage ${config.stage}: ${config.production ? 'production' : 'not production'}, ${config.region}, sender ${config.sender}.`);
  const facts = await gatherAwsFacts(config);
  const findings = assessDeployment(config, facts);
  for (const f of findings) console.log(`${{ blocker: '✗', warning: '!', ok: '✓' }[f.level]} ${f.text}`);
  if (findings.some((f) => f.level === 'blocker')) {
    console.error('Not deploying: fix what is marked ✗ above first.');
    return 1;
  }
  if (values.check) return 0;
  if (facts.linkSecret === 'missing') await createLinkSecret(config);
  // Never overwritten: an existing value stays.
  await createOriginSecret(config);
  const result = spawnSync('npx', ['cdk', 'deploy', '--all', '-c', `stage=${config.stage}`], { stdio: 'inherit' });
  return result.status ?? 1;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exit(await main(process.argv.slice(2)));
