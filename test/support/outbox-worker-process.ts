/**
 * The local sender on its own, as a separate process a test can kill: the same startOutboxWorker
 * and delivery deps that `npm start` runs in-process, against the DynamoDB Local and SES emulator
 * the test started. Prints "ready" once running; SIGTERM stops it cleanly, SIGKILL as a crash.
 *
 *   TABLE_NAME, DYNAMODB_ENDPOINT, SES_ENDPOINT, LINK_SECRET, PUBLIC_URL, MAIL_RATE_PER_SECOND,
 *   LEASE_SECONDS, CONCURRENCY (optional)
 * Prints `call <address>` before each call to SES and `accepted <address>` after SES's answer,
 * `lease <invitationId>` / `leased <invitationId>` around each claim.
 */
import { createDocumentClient } from '../../shared/aws/dynamodb-client.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import type { Mailer } from '../../shared/email/mailer.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { buildMailDeps } from '../../functions/mail/mail-deps.js';
import { startOutboxWorker } from '../../functions/mail/outbox-worker.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = createDocumentClient({ region: 'local', endpoint: env('DYNAMODB_ENDPOINT') });
const ses = createSesMailer(createSesClient({ region: 'local', endpoint: env('SES_ENDPOINT') }), { from: 'no-reply@example.org' });
// Each call to SES and each answer, one line each (writes to a pipe are synchronous on Linux, so a
// SIGKILL loses none): what was in flight at the kill is the calls without an answer.
const mailer: Mailer = {
  isReachable: () => ses.isReachable(),
  async send(mail) {
    process.stdout.write(`call ${mail.to}\n`);
    const sent = await ses.send(mail);
    process.stdout.write(`accepted ${mail.to}\n`);
    return sent;
  },
};
const { delivery } = buildMailDeps({ tableName: env('TABLE_NAME'), publicUrl: env('PUBLIC_URL'), linkSecret: env('LINK_SECRET') }, db, mailer);
// And each lease: `lease <invitationId>` as the claim leaves, `leased <invitationId>` when it lands.
const outbox: typeof delivery.outbox = {
  ...delivery.outbox,
  async claim(message, now, leaseSeconds) {
    const who = 'invitationId' in message ? message.invitationId : message.messageId;
    process.stdout.write(`lease ${who}\n`);
    const claimed = await delivery.outbox.claim(message, now, leaseSeconds);
    process.stdout.write(`leased ${who}\n`);
    return claimed;
  },
};
const worker = startOutboxWorker(
  { ...delivery, outbox, leaseSeconds: Number(env('LEASE_SECONDS')) },
  { ratePerSecond: Number(env('MAIL_RATE_PER_SECOND')), pollMs: 100, concurrency: process.env.CONCURRENCY ? Number(process.env.CONCURRENCY) : undefined },
);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});
