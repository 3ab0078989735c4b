import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent, resultIfHolds, setAttributes } from '../db/conditions.js';
import { queryListing } from '../db/query-all.js';
import type { Unit } from './unit-schema.js';
import { keys } from '../db/keys.js';

const unitKey = keys.unit;
const UNITS_LIST_PK = keys.unitsListPk;
/** Written once the move to units (upgrade-to-units.ts) has gone through every event and account. */
const UPGRADE_MARKER_KEY = keys.unitsUpgradeMarker;

export class UnitExistsSignal extends Error {}

function toUnit(item: Record<string, unknown>): Unit {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...unit } = item;
  return { ...(unit as Unit), retired: Boolean(item.retired) };
}

/**
 * Units: a handful (the union, its associations, their clubs), listed whole under one listing key
 * in creation order. Each is created once (condition) and changed only where it exists.
 */
export function createUnitsRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Throws UnitExistsSignal when the id is taken (the union made by two cold starts at once). */
    async insertUnit(unit: Unit): Promise<void> {
      const item = { ...unitKey(unit.unitId), ...unit, listPk: UNITS_LIST_PK, listSk: `${unit.createdAt}#${unit.unitId}` };
      if (!(await putIfAbsent(db, tableName, item))) throw new UnitExistsSignal();
    },

    async findById(unitId: string): Promise<Unit | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: unitKey(unitId), ConsistentRead: true }));
      return result.Item ? toUnit(result.Item) : undefined;
    },

    async listAll(): Promise<Unit[]> {
      return (await queryListing(db, tableName, UNITS_LIST_PK)).map(toUnit);
    },

    /** Undefined when no such unit. `null` removes an optional attribute. */
    async updateUnit(unitId: string, changes: Record<string, unknown>, updatedAt: string): Promise<Unit | undefined> {
      const entries = Object.entries({ ...changes, updatedAt }).filter(([, v]) => v !== undefined && v !== null);
      const removed = Object.entries(changes).filter(([, v]) => v === null).map(([k]) => k);
      const result = await resultIfHolds(db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: unitKey(unitId),
          ...setAttributes(Object.fromEntries(entries), removed),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      ));
      return result?.Attributes ? toUnit(result.Attributes) : undefined;
    },

    async findUpgradeMarker(): Promise<{ doneAt: string } | undefined> {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: UPGRADE_MARKER_KEY, ConsistentRead: true }));
      return result.Item ? { doneAt: result.Item.doneAt as string } : undefined;
    },

    /** The first run to finish writes it; a second finishing at the same time changes nothing. */
    async writeUpgradeMarker(doneAt: string, counts: { events: number; users: number }): Promise<void> {
      await putIfAbsent(db, tableName, { ...UPGRADE_MARKER_KEY, doneAt, ...counts });
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
