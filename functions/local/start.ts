/**
 * `npm start`: DynamoDB Local, the SES emulator and the one Hono app, in one command. Ctrl-C or
 * SIGTERM stops all three. `--demo` (npm run demo) also loads the 2015 programme and upcoming
 * sample events with invitees at every stage (functions/local/sample-data.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import { DYNAMODB_LOCAL_TIMEOUTS } from '../../shared/aws/timeouts.js';
import { ConfigError, parseConfig } from '../../shared/config.js';
import { ensureTable } from '../../shared/db/table-provisioning.js';
import { ensureFirstAdmin } from '../../shared/auth/ensure-first-admin.js';
import { upgradeToUnits } from '../../shared/units/upgrade-to-units.js';
import { loadDemoProgramme } from '../../shared/demo/load-demo-programme.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { repairPromotions } from '../../shared/registrations/promote-from-waitlist.js';
import { runPassportPurge } from '../jobs/purge-passport-data.js';
import { createApp } from '../api/app.js';
import { buildMailDeps } from '../mail/mail-deps.js';
import { startOutboxWorker, type OutboxWorker } from '../mail/outbox-worker.js';
import { startSendJobRunner, type SendJobRunner } from '../mail/send-job-runner.js';
import { buildDeps } from '../api/deps.js';
import { isPortOpen, MissingJavaError, PortInUseError, startSesLocal, startSupervisedDynamoDbLocal, type RunningEngine } from './engines.js';
import { localAppEnv, parseLocalConfig } from './local-config.js';
import { loadSampleData } from './sample-data.js';

const running: RunningEngine[] = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  // Last started, first stopped: the app before the engines it uses.
  for (const engine of running.reverse()) {
    await engine.stop().catch((error: unknown) => console.error('While stopping:', error));
  }
  process.exit(code);
}

async function main() {
  const local = parseLocalConfig(process.env);
  const config = parseConfig(localAppEnv(local, process.env));
  const withDemo = process.argv.includes('--demo');

  if (await isPortOpen(local.port)) throw new PortInUseError('the app', local.port, 'PORT');
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGHUP', () => void stopAll(0));

  // DYNAMODB_ENDPOINT names an engine that is already running: use it, start none, stop none.
  const ownEngine = !process.env.DYNAMODB_ENDPOINT;
  if (ownEngine) {
    console.log(`Starting DynamoDB Local (data in ${join(local.dataDir, 'dynamodb')}) …`);
    running.push(await startSupervisedDynamoDbLocal({ port: local.dynamodbPort, dataDir: join(local.dataDir, 'dynamodb'), log: (line) => console.log(line) }));
  } else {
    console.log(`Using the DynamoDB engine at ${config.dynamodbEndpoint} …`);
  }
  running.push(await startSesLocal({ port: local.sesPort, maxSendRate: config.mailRatePerSecond }));

  const rawDb = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamodbEndpoint,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID || 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || 'local' },
    requestHandler: { ...DYNAMODB_LOCAL_TIMEOUTS },
  });
  const created = await ensureTable(rawDb, config.tableName);
  rawDb.destroy();

  const db = createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint, contention: config.contention });
  const webRoot = resolve('web/dist');
  const mailer = createSesMailer(createSesClient({ region: config.region, endpoint: config.sesEndpoint }), {
    from: config.mailFrom,
    configurationSet: config.sesConfigurationSet,
  });
  let worker: OutboxWorker | undefined;
  let jobRunner: SendJobRunner | undefined;
  const deps = buildDeps(
    config,
    { db, mailer },
    {
      clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
      webRoot: existsSync(webRoot) ? webRoot : undefined,
      afterQueued: () => {
        worker?.nudge();
        jobRunner?.nudge();
      },
    },
  );

  const admin = await ensureFirstAdmin(deps.auth, config.admin!);
  // Data made before units: events and accounts become the union's, once (upgrade-to-units.ts).
  const upgraded = await upgradeToUnits({ ...deps.units, events: deps.events.events, users: deps.auth.users });
  if (!upgraded.skipped) console.log(`Units: ${upgraded.events} events and ${upgraded.users} accounts moved to the union.`);
  if (withDemo) {
    const adminUser = await deps.auth.users.findByEmail(config.admin!.email.toLowerCase());
    const added = await loadDemoProgramme(deps.events, adminUser?.userId ?? 'demo');
    console.log(added ? `Loaded the 2015 programme: ${added} events.` : 'The 2015 programme is already loaded.');
    const samples = await loadSampleData(deps, config.linkSecret);
    console.log(samples ? `Loaded ${samples} upcoming sample events ("[Mẫu]"), with invitees at every stage.` : 'The upcoming sample events are already loaded.');
  }

  // The sender drains the outbox in this process at SES's rate; stopped before the engines.
  worker = startOutboxWorker(buildMailDeps(config, db, mailer).delivery, { ratePerSecond: config.mailRatePerSecond });
  running.push({ stop: () => worker!.stop() });
  // Sends and reminders too long for their request go on here (shared/email/send-jobs.ts).
  jobRunner = startSendJobRunner(deps.mail);
  running.push({ stop: () => jobRunner!.stop() });

  // Passport data goes PASSPORT_RETENTION_DAYS after a trip: now, then once a day (Decree 13/2023).
  void runPassportPurge(deps.passportPurge);
  setInterval(() => void runPassportPurge(deps.passportPurge), 24 * 60 * 60 * 1000).unref();

  // A seat freed while people wait is promoted at once; this sweep finishes what a crash or a
  // long conflict left marked "promotion due" (shared/registrations/promote-from-waitlist.ts).
  setInterval(() => void repairPromotions(deps.registrations).catch(() => undefined), 60_000).unref();

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: local.port, hostname: local.host });
  running.push({
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  });

  console.log(`
Hữu Nghị Events is running (Node.js ${process.version}).
  App and console:  ${config.publicUrl}/console/   (API under ${config.publicUrl}/api)
  ${ownEngine ? 'DynamoDB Local:' : 'DynamoDB:      '}   ${config.dynamodbEndpoint}   table "${config.tableName}" ${created === 'created' ? '(created now)' : '(found on disk)'}
  SES emulator:     ${config.sesEndpoint}   (sent mail: ${config.sesEndpoint}/store)
  Data folder:      ${local.dataDir}
${signInHelp(config.admin!.email, admin)}
Stop with Ctrl-C.`);
}

function signInHelp(email: string, admin: Awaited<ReturnType<typeof ensureFirstAdmin>>) {
  if (admin.created && admin.generatedPassword) {
    return `Sign in as ${admin.email} with this password (shown once; set ADMIN_PASSWORD to choose one on a fresh DATA_DIR):
  ${admin.generatedPassword}`;
  }
  if (admin.created) return `Sign in as ${admin.email} with ADMIN_PASSWORD.`;
  return `Sign in with the accounts already in ${'DATA_DIR'} (first admin: ${email}).`;
}

main().catch(async (error: unknown) => {
  if (error instanceof MissingJavaError || error instanceof PortInUseError || error instanceof ConfigError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error('Could not start:', error);
  }
  await stopAll(1);
});
