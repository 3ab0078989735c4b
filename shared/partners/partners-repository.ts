import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch-get-all.js';
import { failedConditionIndexes, isConditionFailure, transactionOn, writeIfHolds } from '../db/conditions.js';
import { partnerKeys as keys } from '../db/partner-keys.js';
import { queryAll, queryListing } from '../db/query-all.js';
import { nameSortKey } from '../invitations/name-sort-key.js';
import { foldAccents } from '../text/vietnamese.js';
import type { Contact, Organisation } from './partner-schema.js';

/**
 * The directory's organisations and contacts, each contact's history (the invitations and greetings
 * that concern them), the links from invitations to contacts, and the occasions calendar. Keys:
 * shared/db/partner-keys.ts.
 */

export type StoredHistory =
  | { kind: 'invitation'; at: string; contactId: string; organisationId?: string; eventId: string; invitationId: string }
  | { kind: 'greeting'; at: string; contactId: string; organisationId?: string; campaignId: string; recipientContactId: string };

export type Occasion = { occasionId: string; name: { vi: string; en: string }; country?: string; tag?: string; day: string; createdAt: string };

export type ErasedCounts = { contacts: number; invitations: number; attended: number; greetings: number };

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...rest } = item;
  return rest as T;
};

const historySkOf = (entry: StoredHistory) =>
  entry.kind === 'invitation' ? `${keys.historySkPrefix}INV#${entry.eventId}#${entry.invitationId}` : `${keys.historySkPrefix}GREET#${entry.campaignId}`;

/** The history item of an entry: under its contact, listed under the organisation the contact was at then. */
export function historyPut(tableName: string, entry: StoredHistory) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: keys.contactPartition(entry.contactId),
        sk: historySkOf(entry),
        ...entry,
        ...(entry.organisationId ? { listPk: keys.organisationHistoryListPk(entry.organisationId), listSk: `${entry.at}#${entry.contactId}#${historySkOf(entry)}` } : {}),
      },
    },
  };
}

export function createPartnersRepository(db: DynamoDBDocumentClient, tableName: string) {
  const organisationItem = (o: Organisation) => ({ ...keys.organisation(o.organisationId), ...o, listPk: keys.organisationsListPk, listSk: `${foldAccents(o.name)}#${o.organisationId}` });
  const contactItem = (c: Contact) => ({ ...keys.contact(c.contactId), ...c, listPk: keys.contactsListPk, listSk: `${nameSortKey(c.name)}#${c.contactId}` });

  /**
   * Organisations and contacts are kept alike: created once, replaced only as read (unless someone
   * changed them meanwhile: false), read consistently, listed whole in their listing's order.
   */
  function directoryEntries<T>(itemOf: (entry: T) => Record<string, unknown>, keyOf: (id: string) => Record<string, string>, listPk: string) {
    return {
      async insert(entry: T): Promise<void> {
        await db.send(new PutCommand({ TableName: tableName, Item: itemOf(entry), ConditionExpression: 'attribute_not_exists(pk)' }));
      },
      replace: (entry: T, readUpdatedAt: string): Promise<boolean> =>
        writeIfHolds(db.send(new PutCommand({ TableName: tableName, Item: itemOf(entry), ConditionExpression: 'updatedAt = :read', ExpressionAttributeValues: { ':read': readUpdatedAt } }))),
      async find(id: string): Promise<T | undefined> {
        const result = await db.send(new GetCommand({ TableName: tableName, Key: keyOf(id), ConsistentRead: true }));
        return result.Item ? strip<T>(result.Item) : undefined;
      },
      async list(): Promise<T[]> {
        return (await queryListing(db, tableName, listPk)).map((i) => strip<T>(i));
      },
    };
  }
  const organisations = directoryEntries<Organisation>(organisationItem, keys.organisation, keys.organisationsListPk);
  const contacts = directoryEntries<Contact>(contactItem, keys.contact, keys.contactsListPk);

  async function listHistoryOfContact(contactId: string): Promise<StoredHistory[]> {
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': keys.contactPartition(contactId), ':h': keys.historySkPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => strip<StoredHistory>(i)).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  return {
    insertOrganisation: organisations.insert,
    /** Replaces the organisation as read, unless someone changed it meanwhile (false). */
    replaceOrganisation: organisations.replace,
    findOrganisation: organisations.find,
    /** Every organisation in name order (the directory is hundreds, not millions). */
    listOrganisations: organisations.list,

    insertContact: contacts.insert,
    replaceContact: contacts.replace,
    findContact: contacts.find,

    async findContacts(contactIds: string[]): Promise<Contact[]> {
      const items = await batchGetAll(db, tableName, [...new Set(contactIds)].map(keys.contact), { consistentRead: true });
      return items.map((i) => strip<Contact>(i));
    },

    /** Every contact, in Vietnamese name order (given name first). */
    listContacts: contacts.list,

    /**
     * Links an invitation to a contact and writes the history entry, in one transaction; false when
     * the invitation already belongs to a contact (one person, one entry).
     */
    async linkInvitation(entry: Extract<StoredHistory, { kind: 'invitation' }>): Promise<boolean> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Put: {
                  Item: { ...keys.invitationLink(entry.eventId, entry.invitationId), contactId: entry.contactId, at: entry.at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              historyPut(tableName, entry),
            ]),
        );
        return true;
      } catch (error) {
        if (failedConditionIndexes(error)?.length) return false;
        throw error;
      }
    },

    /** The contacts these invitations belong to, by `eventId#invitationId`. */
    async findInvitationLinks(invitations: { eventId: string; invitationId: string }[]): Promise<Map<string, string>> {
      const items = await batchGetAll(db, tableName, invitations.map((i) => keys.invitationLink(i.eventId, i.invitationId)));
      return new Map(items.map((i) => [(i.pk as string).slice('INVLINK#'.length), i.contactId as string]));
    },

    listHistoryOfContact,

    /** The organisation's history: its people's entries while they were with it, newest first. */
    async listHistoryOfOrganisation(organisationId: string): Promise<StoredHistory[]> {
      const items = await queryListing(db, tableName, keys.organisationHistoryListPk(organisationId), { ScanIndexForward: false });
      return items.map((i) => strip<StoredHistory>(i));
    },

    /**
     * Moves one contact's history to another (a merge): each entry and its invitation link in a
     * transaction of their own, so an interrupted merge, run again, finishes without losing one.
     */
    async moveHistory(fromContactId: string, toContactId: string): Promise<number> {
      const entries = await listHistoryOfContact(fromContactId);
      for (const entry of entries) {
        const moved = { ...entry, contactId: toContactId };
        await db.send(
          transactionOn(tableName, [
              historyPut(tableName, moved),
              { Delete: { Key: { pk: keys.contactPartition(fromContactId), sk: historySkOf(entry) } } },
              ...(entry.kind === 'invitation'
                ? [{ Put: { Item: { ...keys.invitationLink(entry.eventId, entry.invitationId), contactId: toContactId, at: entry.at } } }]
                : []),
            ]),
        );
      }
      return entries.length;
    },

    /** Removes a contact whose history is empty or moved (the end of a merge). */
    async deleteContact(contactId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.contact(contactId) }));
    },

    /**
     * Erasure (Decree 13/2023): the contact, their history and links go; what they leave stays
     * only as the directory's counts. History first, so an interrupted erasure is finished by a
     * rerun (each delete is idempotent).
     */
    async eraseContact(contactId: string, counts: Omit<ErasedCounts, 'contacts'>): Promise<void> {
      for (const entry of await listHistoryOfContact(contactId)) {
        await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.contactPartition(contactId), sk: historySkOf(entry) } }));
        if (entry.kind === 'invitation') await db.send(new DeleteCommand({ TableName: tableName, Key: keys.invitationLink(entry.eventId, entry.invitationId) }));
      }
      // The counts and the contact's removal together: a rerun after it finds no contact, adds nothing.
      await db.send(
        transactionOn(tableName, [
            {
              Update: {
                Key: keys.erasedCounts,
                UpdateExpression: 'ADD contacts :one, invitations :inv, attended :att, greetings :gr',
                ExpressionAttributeValues: { ':one': 1, ':inv': counts.invitations, ':att': counts.attended, ':gr': counts.greetings },
              },
            },
            { Delete: { Key: keys.contact(contactId), ConditionExpression: 'attribute_exists(pk)' } },
          ]),
      );
    },

    async erasedCounts(): Promise<ErasedCounts> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.erasedCounts }));
      const i = result.Item ?? {};
      return { contacts: i.contacts ?? 0, invitations: i.invitations ?? 0, attended: i.attended ?? 0, greetings: i.greetings ?? 0 };
    },

    async listOccasions(): Promise<Occasion[]> {
      const items = await queryListing(db, tableName, keys.occasionsListPk);
      return items.map((i) => strip<Occasion>(i));
    },

    async findOccasion(occasionId: string): Promise<Occasion | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.occasion(occasionId) }));
      return result.Item ? strip<Occasion>(result.Item) : undefined;
    },

    /** Writes an occasion; `onlyIfNew` leaves one that exists (seeding never overwrites the union's edit). */
    async putOccasion(occasion: Occasion, options: { onlyIfNew?: boolean } = {}): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.occasion(occasion.occasionId), ...occasion, listPk: keys.occasionsListPk, listSk: `${occasion.day}#${occasion.occasionId}` },
            ...(options.onlyIfNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async deleteOccasion(occasionId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.occasion(occasionId) }));
    },

    /** Whether the calendar was ever seeded: a marker, so occasions the union deleted stay deleted. */
    async markSeeded(): Promise<boolean> {
      try {
        await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'PARTNERS', sk: 'OCCASIONS_SEEDED' }, ConditionExpression: 'attribute_not_exists(pk)' }));
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async wasSeeded(): Promise<boolean> {
      const result = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': 'PARTNERS', ':sk': 'OCCASIONS_SEEDED' } }));
      return (result.Items ?? []).length > 0;
    },
  };
}

export type PartnersRepository = ReturnType<typeof createPartnersRepository>;
