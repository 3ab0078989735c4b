import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import { failedConditionIndexes, isConditionFailure, resultIfHolds, setAttributes, writeIfHolds, transactionOn } from '../db/conditions.js';
import type { PasswordLinkMail, Role, User } from './auth-schema.js';
import type { Membership } from '../units/unit-schema.js';
import { membershipsOf } from '../units/unit-access.js';
import { keys } from '../db/keys.js';
import { queryListingPage } from '../db/query-all.js';

/** A user as stored: the profile plus the password hash, which never leaves the use cases. */
/**
 * `sessionGeneration` moves when the user's sessions must all end (disabled, new password): a
 * session made under another generation is refused on its next request (resolve-session.ts),
 * whatever the `listings` index, read a moment late, still lists.
 */
export type StoredUser = Omit<User, 'memberships'> & { memberships?: Membership[]; passwordHash?: string; sessionGeneration?: number };

const userKey = keys.user;
const emailKey = keys.userEmail;
const BOOTSTRAP_KEY = keys.firstAdmin;

/** The item that says the first admin exists (created once for the table's lifetime). */
export type FirstAdminMarker = { userId: string; linkSentAt?: string };

export class EmailTakenSignal extends Error {}
export class AlreadyBootstrappedSignal extends Error {}

function toUser(item: Record<string, unknown>): StoredUser {
  return {
    userId: item.userId as string,
    email: item.email as string,
    name: item.name as string,
    role: item.role as Role,
    // Stored before units: the role was union-wide (unit-access.ts membershipsOf).
    memberships: membershipsOf({ role: item.role as Role, memberships: item.memberships as Membership[] | undefined }),
    disabled: Boolean(item.disabled),
    language: (item.language as 'vi' | 'en') ?? 'vi',
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    passwordHash: item.passwordHash as string | undefined,
    sessionGeneration: Number(item.sessionGeneration ?? 0),
    ...(item.passwordLink ? { passwordLink: item.passwordLink as PasswordLinkMail } : {}),
  };
}

export function createUsersRepository(db: DynamoDBDocumentClient, tableName: string) {
  function userPuts(user: StoredUser) {
    return [
      {
        Put: {
          TableName: tableName,
          Item: { ...userKey(user.userId), ...user, listPk: keys.usersListPk, listSk: user.email },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        // One account per address: the guard item makes a second one fail inside the transaction.
        Put: {
          TableName: tableName,
          Item: { ...emailKey(user.email), userId: user.userId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  return {
    /** Throws EmailTakenSignal when the address already has an account. */
    async insertUser(user: StoredUser): Promise<void> {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: userPuts(user) }));
      } catch (error) {
        if (failedConditionIndexes(error)?.length) throw new EmailTakenSignal();
        throw error;
      }
    },

    /** Creates the first admin once for the lifetime of the table, whoever starts first. */
    async insertFirstAdmin(user: StoredUser): Promise<void> {
      try {
        await db.send(
          transactionOn(tableName, [
              {
                Put: {
                  Item: { ...BOOTSTRAP_KEY, userId: user.userId, createdAt: user.createdAt },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...userPuts(user),
            ]),
        );
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed?.includes(0)) throw new AlreadyBootstrappedSignal();
        if (failed?.length) throw new EmailTakenSignal();
        throw error;
      }
    },

    async hasBootstrapped(): Promise<boolean> {
      return (await this.findFirstAdmin()) !== undefined;
    },

    /** The first admin's marker: who it is, and when a set-password link last went to them. */
    async findFirstAdmin(): Promise<FirstAdminMarker | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: BOOTSTRAP_KEY, ConsistentRead: true }));
      if (!result.Item) return undefined;
      return { userId: result.Item.userId as string, linkSentAt: result.Item.linkSentAt as string | undefined };
    },

    /**
     * Records that a set-password link goes to the first admin now, if nobody recorded one since
     * `previous` (undefined: none ever): of several cold starts retrying at once, one sends.
     * Answers false when another got there first.
     */
    async claimFirstAdminLink(sentAt: string, previous: string | undefined): Promise<boolean> {
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: BOOTSTRAP_KEY,
          UpdateExpression: 'SET linkSentAt = :sentAt',
          ConditionExpression: previous
            ? 'attribute_exists(pk) AND linkSentAt = :previous'
            : 'attribute_exists(pk) AND attribute_not_exists(linkSentAt)',
          ExpressionAttributeValues: { ':sentAt': sentAt, ...(previous ? { ':previous': previous } : {}) },
        }),
      ));
    },

    /** Undoes a claim whose mail did not go, so the next cold start tries again. */
    async releaseFirstAdminLink(sentAt: string, previous: string | undefined): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: BOOTSTRAP_KEY,
            UpdateExpression: previous ? 'SET linkSentAt = :previous' : 'REMOVE linkSentAt',
            ConditionExpression: 'linkSentAt = :sentAt',
            ExpressionAttributeValues: { ':sentAt': sentAt, ...(previous ? { ':previous': previous } : {}) },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async findById(userId: string): Promise<StoredUser | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: userKey(userId) }));
      return result.Item ? toUser(result.Item) : undefined;
    },

    async findByEmail(email: string): Promise<StoredUser | undefined> {
      const guard = await db.send(new GetCommand({ TableName: tableName, Key: emailKey(email) }));
      const userId = guard.Item?.userId as string | undefined;
      return userId ? this.findById(userId) : undefined;
    },

    async listByEmail(request: PageRequest): Promise<Page<StoredUser>> {
      const startKey = decodeCursor(request.cursor, ['pk', 'sk', 'listPk', 'listSk'], { listPk: keys.usersListPk });
      const page = await queryListingPage(db, tableName, keys.usersListPk, request.limit, startKey);
      return { items: page.items.map(toUser), nextCursor: encodeCursor(page.lastKey) };
    },

    /** Records what became of the account's set-password mail; nothing when the account is gone. */
    async recordPasswordLink(userId: string, link: PasswordLinkMail): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: userKey(userId),
            UpdateExpression: 'SET passwordLink = :link',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':link': link },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** Returns undefined when the user does not exist. */
    async updateProfile(
      userId: string,
      changes: { name?: string; role?: Role; memberships?: Membership[]; disabled?: boolean },
      updatedAt: string,
    ): Promise<StoredUser | undefined> {
      const set = setAttributes(Object.fromEntries(Object.entries({ ...changes, updatedAt }).filter(([, v]) => v !== undefined)));
      // Disabling ends every session at once: the generation moves in the same write.
      const revoke = changes.disabled === true;
      const result = await resultIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: userKey(userId),
          UpdateExpression: `${set.UpdateExpression}${revoke ? ' ADD sessionGeneration :one' : ''}`,
          ExpressionAttributeNames: set.ExpressionAttributeNames,
          ExpressionAttributeValues: { ...set.ExpressionAttributeValues, ...(revoke ? { ':one': 1 } : {}) },
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      ));
      return result?.Attributes ? toUser(result.Attributes) : undefined;
    },

    /**
     * The move to units: an account stored without memberships gets its role in the union, once.
     * Answers false when it already has memberships or its role changed since it was read.
     */
    async giveUnionMembership(userId: string, role: Role, memberships: Membership[]): Promise<boolean> {
      return writeIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: userKey(userId),
          UpdateExpression: 'SET memberships = :memberships',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(memberships) AND #role = :role',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':memberships': memberships, ':role': role },
        }),
      ));
    },

    /**
     * A new password, and a new session generation in the same write: every session made before
     * ends. Answers the new generation, or undefined when the user does not exist.
     */
    async setPasswordHash(userId: string, passwordHash: string, updatedAt: string): Promise<number | undefined> {
      const result = await resultIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: userKey(userId),
          UpdateExpression: 'SET passwordHash = :hash, updatedAt = :at ADD sessionGeneration :one',
          ExpressionAttributeValues: { ':hash': passwordHash, ':at': updatedAt, ':one': 1 },
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'UPDATED_NEW',
        }),
      ));
      return result && Number(result.Attributes?.sessionGeneration ?? 1);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
