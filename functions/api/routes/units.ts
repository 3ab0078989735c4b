import { Hono } from 'hono';
import { createUnitSchema, updateUnitSchema } from '../../../shared/units/unit-schema.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
import { describeRoute } from '../openapi/describe-route.js';
import { jsonBody } from '../validation.js';
import { onDemand } from '../on-demand.js';

// Rare paths, loaded at their first call (functions/api/on-demand.ts).
const { createUnit } = onDemand(() => import('../../../shared/units/create-unit.js'));
const { listUnits } = onDemand(() => import('../../../shared/units/list-units.js'));
const { updateUnit } = onDemand(() => import('../../../shared/units/update-unit.js'));

/**
 * The union's units (docs/api/reference.md, "Units and roles per unit"): everyone signed in reads them (the event form's choice, the
 * unit shown on each event); admins of the union create, rename and retire them. Mounted at /api/units.
 */
export function unitRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requirePermission('events:read', 'units:manage'))
    .get('/',
      describeRoute({ summary: 'List units', description: 'The union, its associations and clubs: the union first, each parent before its children.', responses: { 200: 'The units' } }),
      async (c) => c.json({ items: await listUnits(deps.units) }))
    .post('/',
      describeRoute({ summary: 'Create a unit', description: 'An association under the union, or a club under an association; admins of the union.', responses: { 201: 'The unit', 422: 'No such parent, a retired one, or a club' } }),
      jsonBody(createUnitSchema), async (c) => c.json({ unit: await createUnit(deps.units, c.req.valid('json')) }, 201))
    .patch('/:unitId',
      describeRoute({ summary: 'Change a unit', description: 'Renames a unit, sets its sender name and signature, retires it or brings it back (never deleted).', responses: { 200: 'The unit', 404: 'No such unit', 422: 'The union cannot be retired' } }),
      jsonBody(updateUnitSchema), async (c) =>
      c.json({ unit: await updateUnit(deps.units, c.req.param('unitId'), c.req.valid('json')) }),
    );
}
