import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes, transactionOn } from '../db/conditions.js';
import { queryPrefix } from '../db/query-all.js';
import type { PapersSettings } from './papers-settings-schema.js';
import { eventPartition, eventSk, keys } from '../db/keys.js';

/**
 * Official papers in the one table (docs/design.md, "Data model"):
 *
 *   SETTINGS               PAPERS                  how papers are headed and signed
 *   REGISTER#<symbol>#<y>  REGISTER                the last number given in year y: { last }
 *   EVENT#<eventId>        LETTER#<invitationId>   one giấy mời: { number, year, symbol, issuedAt }
 *
 * A register's number moves in the same transaction as the letters it numbers, under the
 * condition that nobody moved it meanwhile: no number is given twice and none is skipped, even
 * when fifty letters are issued at once. A letter exists once per invitee, so issuing it again
 * finds the number it already has.
 */
export type StoredLetter = { eventId: string; invitationId: string; number: number; year: number; symbol: string; issuedAt: string };

const settingsKey = keys.paperSettings;
const registerKey = keys.register;
const letterKey = keys.letter;
/** DynamoDB takes 100 items per transaction: the register and 99 letters. */
const LETTERS_PER_TRANSACTION = 99;
const MAX_ATTEMPTS = 80;
/** Up to this many letters are read by key; more, by the event's letters in one Query. */
const FEW_LETTERS = 10;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RegisterBusySignal extends Error {}

export function createPapersRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function lettersOfEvent(eventId: string): Promise<Map<string, StoredLetter>> {
    const items = await queryPrefix(db, tableName, eventPartition(eventId), eventSk.letterPrefix, {
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [item.invitationId as string, toLetter(item)]));
  }

  /**
   * The letters of these invitees: read one by one when they are few (a letter issued as its
   * invitation mail goes out), the whole event's at once when many.
   */
  async function lettersOf(eventId: string, invitationIds: string[]): Promise<Map<string, StoredLetter>> {
    if (invitationIds.length > FEW_LETTERS) return lettersOfEvent(eventId);
    const items = await Promise.all(
      invitationIds.map(async (id) => (await db.send(new GetCommand({ TableName: tableName, Key: letterKey(eventId, id), ConsistentRead: true }))).Item),
    );
    return new Map(items.filter((item) => item !== undefined).map((item) => [item.invitationId as string, toLetter(item)]));
  }

  async function lastNumber(symbol: string, year: number): Promise<number> {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: registerKey(symbol, year), ConsistentRead: true }));
    return (result.Item?.last as number | undefined) ?? 0;
  }

  /**
   * Numbers up to 99 letters in one transaction. Answers 'register' when someone moved the
   * register first (read it again and retry), 'letters' when one of these invitees got a letter
   * meanwhile (read the letters again).
   */
  async function tryNumber(eventId: string, invitationIds: string[], symbol: string, year: number, issuedAt: string): Promise<'done' | 'register' | 'letters'> {
    const last = await lastNumber(symbol, year);
    const next = last + invitationIds.length;
    try {
      await db.send(
        transactionOn(tableName, [
            {
              Update: {
                Key: registerKey(symbol, year),
                UpdateExpression: 'SET #last = :next, symbol = :symbol, #year = :year',
                ConditionExpression: last === 0 ? 'attribute_not_exists(#last)' : '#last = :last',
                ExpressionAttributeNames: { '#last': 'last', '#year': 'year' },
                ExpressionAttributeValues: { ':next': next, ':symbol': symbol, ':year': year, ...(last === 0 ? {} : { ':last': last }) },
              },
            },
            ...invitationIds.map((invitationId, index) => ({
              Put: {
                Item: { ...letterKey(eventId, invitationId), eventId, invitationId, number: last + index + 1, year, symbol, issuedAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          ]),
      );
      return 'done';
    } catch (error) {
      const failed = failedConditionIndexes(error);
      if (failed?.some((index) => index > 0)) return 'letters';
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      if ((failed && failed.length > 0) || reasons.some((r) => r.Code === 'TransactionConflict')) return 'register';
      throw error;
    }
  }

  return {
    async findSettings(): Promise<PapersSettings | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: settingsKey }));
      if (!result.Item) return undefined;
      const { pk: _pk, sk: _sk, updatedAt: _u, updatedBy: _b, ...settings } = result.Item;
      return settings as PapersSettings;
    },

    async saveSettings(settings: PapersSettings, userId: string, now: string): Promise<void> {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...settingsKey, ...settings, updatedAt: now, updatedBy: userId } }));
    },

    lettersOfEvent,

    /**
     * Gives each invitee without a letter the next number of the year's register, in the order
     * given; those with one keep theirs. Answers every named invitee's letter.
     */
    async issueLetters(eventId: string, invitationIds: string[], symbol: string, year: number, issuedAt: string): Promise<StoredLetter[]> {
      const wanted = [...new Set(invitationIds)];
      let existing = await lettersOf(eventId, wanted);
      for (let attempt = 0; ; attempt++) {
        const missing = wanted.filter((id) => !existing.has(id));
        if (missing.length === 0) return invitationIds.map((id) => existing.get(id)!);
        if (attempt >= MAX_ATTEMPTS) throw new RegisterBusySignal();
        const outcome = await tryNumber(eventId, missing.slice(0, LETTERS_PER_TRANSACTION), symbol, year, issuedAt);
        if (outcome !== 'register') existing = await lettersOf(eventId, wanted);
        // Someone else numbered at the same moment: wait a little, spread out, and try again.
        if (outcome !== 'done') await pause(Math.random() * Math.min(100, 4 * 2 ** Math.min(attempt, 5)));
      }
    },
  };
}

function toLetter(item: Record<string, unknown>): StoredLetter {
  return {
    eventId: item.eventId as string,
    invitationId: item.invitationId as string,
    number: item.number as number,
    year: item.year as number,
    symbol: item.symbol as string,
    issuedAt: item.issuedAt as string,
  };
}

export type PapersRepository = ReturnType<typeof createPapersRepository>;
