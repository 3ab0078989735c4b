/**
 * The operator's way to the first admin, independent of SES:
 *
 *   npm run admin -- --stage prod create admin@your-union.org
 *   npm run admin -- --stage prod reset admin@your-union.org
 *
 * It writes to the stage's table with the operator's own AWS credentials (the default profile,
 * or AWS_PROFILE) and prints a one-time set-password link in the terminal: nothing is mailed.
 * `--endpoint http://127.0.0.1:8000` points it at DynamoDB Local (with `--table`, as the tests do);
 * `--public-url` overrides the origin of the link.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { SET_PASSWORD_LINK_HOURS } from '../../shared/auth/set-password-link.js';
import { issueOperatorAdminLink, OperatorAdminError } from '../../shared/auth/operator-admin-link.js';
import { createPasswordTokensRepository } from '../../shared/auth/password-tokens-repository.js';
import { createUsersRepository } from '../../shared/auth/users-repository.js';
import { customOrigin, InfraConfigError, readInfraConfig, stackNamesOf, tableNameOf } from '../../infra/config.js';

const USAGE = 'Usage: npm run admin -- --stage <name> create|reset <email> [--public-url https://…] [--endpoint URL --table NAME]';

export type AdminCommandIo = { out: (line: string) => void; err: (line: string) => void };

/** Runs the command; answers the process exit code (0 done, 1 refused or failed, 2 usage). */
export async function runAdminCommand(argv: string[], io: AdminCommandIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stage: { type: 'string' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        region: { type: 'string' },
        'public-url': { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, email] = positionals;
  if (!values.stage || (command !== 'create' && command !== 'reset') || !email || positionals.length !== 2) {
    io.err(USAGE);
    return 2;
  }

  let settings;
  try {
    settings = readInfraConfig((key) => (key === 'stage' ? values.stage : undefined), {});
  } catch (error) {
    if (error instanceof InfraConfigError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  const region = values.region ?? settings.region;
  const tableName = values.table ?? tableNameOf(settings.stage);

  const publicUrl = values['public-url'] ?? customOrigin(settings) ?? (await publicUrlFromStack(settings.stage, region, env));
  if (!publicUrl || !/^https?:\/\/[^/]+$/.test(publicUrl.replace(/\/$/, ''))) {
    io.err(
      `Could not find the public URL of stage ${settings.stage}: the stack ${stackNamesOf(settings.stage).web} has no PublicUrl output in ${region} ` +
        '(not deployed yet, or no credentials). Pass it with --public-url https://….',
    );
    return 1;
  }

  const db = createDocumentClient({ region, endpoint: values.endpoint });
  const deps = {
    users: createUsersRepository(db, tableName),
    passwordTokens: createPasswordTokensRepository(db, tableName),
    now: () => new Date(),
    publicUrl: publicUrl.replace(/\/$/, ''),
  };
  try {
    const result = await issueOperatorAdminLink(deps, command, email);
    io.out(
      result.action === 'created'
        ? `Created the admin ${result.email} in ${tableName} (${region}).`
        : `New set-password link for ${result.email} (${result.role}${result.disabled ? ', disabled: an admin must enable the account' : ''}) in ${tableName}.`,
    );
    io.out(`Open this link within ${SET_PASSWORD_LINK_HOURS} hours to choose a password. It works once; do not send it by chat or mail:`);
    io.out('');
    io.out(`  ${result.link}`);
    io.out('');
    return 0;
  } catch (error) {
    if (error instanceof OperatorAdminError) {
      io.err(error.message);
      return 1;
    }
    const name = (error as { name?: string }).name;
    if (name === 'ResourceNotFoundException') {
      io.err(`The table ${tableName} does not exist in ${region}: deploy the stage first (npm run deploy -- --stage ${settings.stage}).`);
      return 1;
    }
    if (name === 'CredentialsProviderError' || name === 'UnrecognizedClientException' || name === 'ExpiredTokenException') {
      io.err(`No valid AWS credentials (${name}): sign in with \`aws configure\` or \`aws sso login\`, or set AWS_PROFILE.`);
      return 1;
    }
    throw error;
  } finally {
    db.destroy();
  }
}

/** The web stack's PublicUrl output (https://<id>.cloudfront.net without a custom domain). */
async function publicUrlFromStack(stage: string, region: string, env: Record<string, string | undefined>): Promise<string | undefined> {
  if (env.HUU_NGHI_OFFLINE === '1') return undefined;
  const client = new CloudFormationClient({ region, maxAttempts: 2 });
  try {
    const result = await client.send(new DescribeStacksCommand({ StackName: stackNamesOf(stage).web }), { abortSignal: AbortSignal.timeout(10_000) });
    return result.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'PublicUrl')?.OutputValue;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const code = await runAdminCommand(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
  process.exit(code);
}
