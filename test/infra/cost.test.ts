import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costTable, monthlyCost, prodTemplates } from '../../infra/cost.js';

const rows = monthlyCost(prodTemplates());
const total = rows.reduce((sum, r) => sum + r.usd, 0);

describe('npm run cost (from the synthesized prod templates)', () => {
  it('stays at or under US$1 a month at list price for the union\'s scale', () => {
    expect(total).toBeGreaterThan(0.5);
    expect(total).toBeLessThanOrEqual(1);
  });

  it('counts what the templates deploy: four alarms, no Secrets Manager secret, one SQS event source', () => {
    expect(rows.find((r) => r.service === 'CloudWatch alarms')).toMatchObject({ use: '4 standard alarms (one metric each)' });
    expect(rows.find((r) => r.service === 'CloudWatch alarms')!.usd).toBeCloseTo(0.4, 5);
    expect(rows.some((r) => r.service === 'Secrets Manager')).toBe(false);
    expect(rows.find((r) => r.service === 'SQS')!.use).toMatch(/of 1 event source/);
  });

  it('is the table infra/README.md shows', () => {
    const readme = readFileSync(new URL('../../infra/README.md', import.meta.url), 'utf8');
    expect(readme).toContain(costTable(rows));
  });
});
