/**
 * The local sender on its own, as a separate process a test can kill: the same startOutboxWorker
 * and delivery deps that `npm start` runs in-process, against the DynamoDB Local and SES emulator
 * the test started. Prints "ready" once running; SIGTERM stops it cleanly, SIGKILL as a crash.
 *
 *   TABLE_NAME, DYNAMODB_ENDPOINT, SES_ENDPOINT, LINK_SECRET, PUBLIC_URL, MAIL_RATE_PER_SECOND,
 *   LEASE_SECONDS
 */
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { buildMailDeps } from '../../functions/mail/mail-deps.js';
import { startOutboxWorker } from '../../functions/mail/outbox-worker.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = createDocumentClient({ region: 'local', endpoint: env('DYNAMODB_ENDPOINT') });
const mailer = createSesMailer(createSesClient({ region: 'local', endpoint: env('SES_ENDPOINT') }), { from: 'no-reply@example.org' });
const { delivery } = buildMailDeps({ tableName: env('TABLE_NAME'), publicUrl: env('PUBLIC_URL'), linkSecret: env('LINK_SECRET') }, db, mailer);
const worker = startOutboxWorker(
  { ...delivery, leaseSeconds: Number(env('LEASE_SECONDS')) },
  { ratePerSecond: Number(env('MAIL_RATE_PER_SECOND')), pollMs: 100 },
);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});
