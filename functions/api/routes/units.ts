import { Hono } from 'hono';
import { createUnitSchema, updateUnitSchema } from '../../../shared/units/unit-schema.js';
import type { AppDeps } from '../deps.js';
import { requirePermission, type AppEnv } from '../middleware/session.js';
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
      async (c) => c.json({ items: await listUnits(deps.units) }))
    .post('/',
      jsonBody(createUnitSchema), async (c) => c.json({ unit: await createUnit(deps.units, c.req.valid('json')) }, 201))
    .patch('/:unitId',
      jsonBody(updateUnitSchema), async (c) =>
      c.json({ unit: await updateUnit(deps.units, c.req.param('unitId'), c.req.valid('json')) }),
    );
}
