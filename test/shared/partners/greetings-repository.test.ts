import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/aws/dynamodb-client.js';
import { createGreetingsRepository } from '../../../shared/partners/greetings-repository.js';
import { createTestTable } from '../../support/test-context.js';

let greetings: ReturnType<typeof createGreetingsRepository>;

beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  greetings = createGreetingsRepository(createDocumentClient({ region: 'local', endpoint }), tableName);
});

const stateOf = async (contactId: string) => (await greetings.findRecipient('tet-2027', contactId))?.state;

describe('greetings repository: a recipient moves forward only (DynamoDB Local)', () => {
  it('settles a queued greeting once, and lets SES reports move it on but never back', async () => {
    await greetings.addRecipients(
      ['c-draft', 'c-sent'].map((contactId) => ({ campaignId: 'tet-2027', contactId, name: 'H’Linh Niê', language: 'vi', state: contactId === 'c-draft' ? ('draft' as const) : ('queued' as const), at: '2027-01-20T01:00:00.000Z' })),
    );

    // Only a queued greeting is settled; a draft stays as it is.
    await greetings.settleRecipient('tet-2027', 'c-draft', 'sent', '2027-01-20T02:00:00.000Z');
    expect(await stateOf('c-draft')).toBe('draft');
    await greetings.settleRecipient('tet-2027', 'c-sent', 'sent', '2027-01-20T02:00:00.000Z');
    await greetings.settleRecipient('tet-2027', 'c-sent', 'failed', '2027-01-20T02:01:00.000Z', 'a second run');
    expect(await stateOf('c-sent')).toBe('sent');

    // A bounce comes before the late delivery report: the delivery does not hide it.
    await greetings.recordDelivery('tet-2027', 'c-sent', 'bounced', '2027-01-20T02:05:00.000Z', 'mailbox full');
    await greetings.recordDelivery('tet-2027', 'c-sent', 'delivered', '2027-01-20T02:06:00.000Z');
    expect(await greetings.findRecipient('tet-2027', 'c-sent')).toMatchObject({ state: 'bounced', at: '2027-01-20T02:05:00.000Z', reason: 'mailbox full' });
    await greetings.recordDelivery('tet-2027', 'c-sent', 'complained', '2027-01-20T02:10:00.000Z');
    expect(await stateOf('c-sent')).toBe('complained');

    // No recipient: nothing is written and nothing fails.
    await greetings.recordDelivery('tet-2027', 'c-unknown', 'delivered', '2027-01-20T02:06:00.000Z');
    expect(await greetings.findRecipient('tet-2027', 'c-unknown')).toBeUndefined();
  });
});
