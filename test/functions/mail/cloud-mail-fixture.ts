import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createEventsRepository, type StoredEvent } from '../../../shared/events/events-repository.js';
import type { StoredInvitation } from '../../../shared/invitations/invitations-repository.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import type { SqsEvent } from '../../../functions/mail/sqs-sender.js';
import { RecordingMailer } from '../../support/recording-mailer.js';
import { createTestTable, TEST_LINK_SECRET } from '../../support/test-context.js';

export const PUBLIC_URL = 'https://events.example.org';

/**
 * A published event with `invitees` invitations not sent yet, written straight to the table:
 * `guest<i>@example.org` (with `.<tag>` before the @ when given), languages alternating.
 */
export async function insertEventWithInvitations(
  db: DynamoDBDocumentClient,
  tableName: string,
  invitees: number,
  options: { tag?: string; languageOf?: (i: number) => 'vi' | 'en'; event?: Partial<StoredEvent> } = {},
) {
  const events = createEventsRepository(db, tableName);
  const eventId = `ev-${Math.random().toString(36).slice(2)}`;
  const now = new Date().toISOString();
  await events.insertEvent({
    eventId,
    type: 'ngo_conference',
    title: { vi: 'Hội nghị NGO', en: 'NGO conference' },
    venue: 'Buôn Ma Thuột',
    startsAt: '2026-12-10T01:00:00.000Z',
    endsAt: '2026-12-10T10:00:00.000Z',
    requiresApproval: false,
    fields: [],
    status: 'published',
    counts: { invited: invitees, confirmed: 0, waitlisted: 0, pending: 0, declined: 0, checkedIn: 0 },
    createdAt: now,
    updatedAt: now,
    createdBy: 'u',
    version: 1,
    ...options.event,
  });
  const languageOf = options.languageOf ?? ((i: number) => (i % 2 === 0 ? 'vi' : 'en'));
  const invitations: StoredInvitation[] = Array.from({ length: invitees }, (_, i) => ({
    invitationId: `inv-${i}`,
    eventId,
    name: `Trần Thị Khách ${i}`,
    email: options.tag ? `guest${i}.${options.tag}@example.org` : `guest${i}@example.org`,
    language: languageOf(i),
    emailStatus: 'not_sent',
    response: 'none',
    createdAt: now,
    updatedAt: now,
    searchText: '',
    tokenHash: `hash-${i}`,
  }));
  for (const invitation of invitations) {
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: `EVENT#${eventId}`, sk: `INV#${invitation.invitationId}`, ...invitation } }));
  }
  return { events, eventId, invitations };
}

/**
 * A fresh table on DynamoDB Local with a published event and `invitees` invitations not sent yet,
 * and the mail side built as the cloud's Lambdas build it (buildMailDeps), with a mail recorder.
 */
export async function setUpMail(invitees: number) {
  const { tableName, endpoint } = await createTestTable();
  const db = createDocumentClient({ region: 'local', endpoint });
  const mailer = new RecordingMailer();
  const { queue, delivery } = buildMailDeps({ tableName, publicUrl: PUBLIC_URL, linkSecret: TEST_LINK_SECRET }, db, mailer);
  const { eventId, invitations } = await insertEventWithInvitations(db, tableName, invitees);

  /** The outbox ids now due, as the sweeper would enqueue them. */
  const dueIds = async () => (await delivery.outbox.listDue(new Date().toISOString(), 100)).map((m) => m.messageId);
  const invitation = async (invitationId: string) => (await delivery.findInvitation(eventId, invitationId))!;

  // No background runner here: a send finishes its job in the call.
  return { db, tableName, mailer, queue: { ...queue, inlineBudgetMs: 120_000 }, delivery, outbox: delivery.outbox, eventId, invitations, dueIds, invitation };
}

let sqsMessages = 0;
/** An SQS event carrying these outbox ids as the sweeper writes them, each record with its own SQS id. */
export function sqsEventOf(outboxIds: string[]): SqsEvent {
  return { Records: outboxIds.map((messageId) => ({ messageId: `sqs-${(sqsMessages += 1)}`, body: JSON.stringify({ messageId }) })) };
}
