import { GetCommand, PutCommand, UpdateCommand, DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, isConditionFailure, putIfAbsent, transactionOn, writeIfHolds } from '../db/conditions.js';
import { partnerKeys as keys } from '../db/partner-keys.js';
import { queryAll, queryListing } from '../db/query-all.js';
import { directMailPut } from '../email/outbox-repository.js';
import type { GreetingTemplate, RecipientState } from './partner-schema.js';
import { historyPut } from './partners-repository.js';

/**
 * Greetings campaigns: one per occasion and year (`<occasionId>-<year>`), so a second "create"
 * finds the first; each recipient an item of its own, queued at most once by a condition on it
 * written in the transaction that queues the mail (and the contact's history entry).
 */
export type Campaign = {
  campaignId: string;
  occasionId: string;
  year: number;
  title: string;
  /** The occasion's name when the campaign was made: what the letters say, read by the sender without a Query. */
  occasionName: { vi: string; en: string };
  templates: Record<string, GreetingTemplate>;
  /** The local day the mail goes (08:00 Asia/Ho_Chi_Minh); absent: at once. */
  sendOn?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  sentAt?: string;
};

export type Recipient = {
  campaignId: string;
  contactId: string;
  name: string;
  email?: string;
  language: string;
  salutation?: string;
  organisationId?: string;
  organisationName?: string;
  state: RecipientState;
  at: string;
  reason?: string;
  flowers?: { orderedAt: string; cost?: number; orderedBy?: string; note?: string; by: string; at: string };
  letterPrintedAt?: string;
};

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...rest } = item;
  return rest as T;
};

/** Which states a report of SES may move a recipient from: forward only. */
const deliveryFrom: Record<'delivered' | 'bounced' | 'complained', RecipientState[]> = {
  delivered: ['sent'],
  bounced: ['sent', 'delivered'],
  complained: ['sent', 'delivered', 'bounced'],
};

export function greetingMessageId(campaignId: string, contactId: string): string {
  return `greeting.${campaignId}.${contactId}`;
}

export function createGreetingsRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function findCampaign(campaignId: string): Promise<Campaign | undefined> {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.campaign(campaignId), ConsistentRead: true }));
    return result.Item ? strip<Campaign>(result.Item) : undefined;
  }

  /**
   * Moves a recipient to `state` (with a reason) only from one of the states `from`; otherwise
   * nothing changes: removed meanwhile (an erasure), settled by an earlier run, or a later word
   * came first.
   */
  async function moveRecipient(campaignId: string, contactId: string, from: readonly RecipientState[], state: RecipientState, at: string, reason?: string): Promise<void> {
    const fromValues = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    await writeIfHolds(
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.recipient(campaignId, contactId),
          UpdateExpression: `SET #state = :state, #at = :at${reason ? ', reason = :reason' : ''}`,
          ConditionExpression: `#state IN (${Object.keys(fromValues).join(', ')})`,
          ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
          ExpressionAttributeValues: { ...fromValues, ':state': state, ':at': at, ...(reason ? { ':reason': reason } : {}) },
        }),
      ),
    );
  }

  return {
    /** Records the campaign once; answers it and whether this call made it. */
    async ensureCampaign(campaign: Campaign): Promise<{ campaign: Campaign; created: boolean }> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.campaign(campaign.campaignId), ...campaign, listPk: keys.campaignsListPk, listSk: `${campaign.createdAt}#${campaign.campaignId}` },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { campaign, created: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { campaign: (await findCampaign(campaign.campaignId))!, created: false };
      }
    },

    findCampaign,

    async updateCampaign(campaign: Campaign): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.campaign(campaign.campaignId), ...campaign, listPk: keys.campaignsListPk, listSk: `${campaign.createdAt}#${campaign.campaignId}` },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    },

    /** Every campaign, newest first. */
    async listCampaigns(): Promise<Campaign[]> {
      const items = await queryListing(db, tableName, keys.campaignsListPk, { ScanIndexForward: false });
      return items.map((i) => strip<Campaign>(i));
    },

    /** Adds recipients as drafts; one already there is left as it is. */
    async addRecipients(recipients: Recipient[]): Promise<number> {
      let added = 0;
      for (const recipient of recipients) {
        if (await putIfAbsent(db, tableName, { ...keys.recipient(recipient.campaignId, recipient.contactId), ...recipient })) added += 1;
      }
      return added;
    },

    /** Removes a recipient not yet queued (false otherwise). */
    async removeDraftRecipient(campaignId: string, contactId: string): Promise<boolean> {
      try {
        await db.send(new DeleteCommand({ TableName: tableName, Key: keys.recipient(campaignId, contactId), ConditionExpression: '#state = :draft', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':draft': 'draft' } }));
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async listRecipients(campaignId: string): Promise<Recipient[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :to)',
        ExpressionAttributeValues: { ':pk': keys.campaignPartition(campaignId), ':to': 'TO#' },
        ConsistentRead: true,
      });
      return items.map((i) => strip<Recipient>(i));
    },

    async findRecipient(campaignId: string, contactId: string): Promise<Recipient | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.recipient(campaignId, contactId), ConsistentRead: true }));
      return result.Item ? strip<Recipient>(result.Item) : undefined;
    },

    /**
     * Queues one recipient's greeting: the recipient draft → queued, the outbox message (due on the
     * campaign's day) and the contact's history entry, in one transaction under the condition that
     * the recipient is still a draft. A double click or a retry finds it queued: false, nothing sent twice.
     */
    async queueGreeting(recipient: Recipient & { email: string }, at: string, dueAt: string): Promise<boolean> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Update: {
                  Key: keys.recipient(recipient.campaignId, recipient.contactId),
                  UpdateExpression: 'SET #state = :queued, #at = :at, dueAt = :due',
                  ConditionExpression: '#state = :draft',
                  ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
                  ExpressionAttributeValues: { ':queued': 'queued', ':draft': 'draft', ':at': at, ':due': dueAt },
                },
              },
              directMailPut(tableName, {
                messageId: greetingMessageId(recipient.campaignId, recipient.contactId),
                kind: 'greeting',
                to: recipient.email,
                ref: { campaignId: recipient.campaignId, contactId: recipient.contactId },
                at,
                dueAt,
              }),
              historyPut(tableName, {
                kind: 'greeting',
                at: dueAt,
                contactId: recipient.contactId,
                organisationId: recipient.organisationId,
                campaignId: recipient.campaignId,
                recipientContactId: recipient.contactId,
              }),
            ]),
        );
        return true;
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return false;
        throw error;
      }
    },

    /** A greeting given by hand (a printed letter, flowers): the history entry, once. */
    async recordGreetingHistory(recipient: Recipient, at: string): Promise<void> {
      await db.send(
        new PutCommand({
          ...historyPut(tableName, { kind: 'greeting', at, contactId: recipient.contactId, organisationId: recipient.organisationId, campaignId: recipient.campaignId, recipientContactId: recipient.contactId }).Put,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    },

    /** What became of a queued greeting (the sender tells, once). */
    async settleRecipient(campaignId: string, contactId: string, state: 'sent' | 'skipped' | 'failed', at: string, reason?: string): Promise<void> {
      await moveRecipient(campaignId, contactId, ['queued'], state, at, reason);
    },

    /** SES's later word, forward only: a late delivery report never hides a bounce. */
    async recordDelivery(campaignId: string, contactId: string, status: 'delivered' | 'bounced' | 'complained', at: string, detail?: string): Promise<void> {
      await moveRecipient(campaignId, contactId, deliveryFrom[status], status, at, detail);
    },

    async recordFlowers(campaignId: string, contactId: string, flowers: NonNullable<Recipient['flowers']>): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.recipient(campaignId, contactId),
            UpdateExpression: 'SET flowers = :f',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':f': flowers },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async markLetterPrinted(campaignId: string, contactId: string, at: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.recipient(campaignId, contactId),
          UpdateExpression: 'SET letterPrintedAt = if_not_exists(letterPrintedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    },

    /** An erased contact leaves no name or address in a campaign. */
    async deleteRecipient(campaignId: string, contactId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.recipient(campaignId, contactId) }));
    },
  };
}

export type GreetingsRepository = ReturnType<typeof createGreetingsRepository>;
