import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../../infra/app.js';
import { REPO_ROOT } from '../../infra/api-function.js';
import { readInfraConfig } from '../../infra/config.js';

const outdirs: string[] = [];
const probeDir = join(REPO_ROOT, '.tmp', `asset-hash-probe-${process.pid}`);
afterAll(() => {
  for (const dir of [...outdirs, probeDir]) rmSync(dir, { recursive: true, force: true });
});

/** The web stack with its web build really run (the other stacks' bundling skipped): the S3 keys of its web files. */
function webAssetKeys(): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'huu-nghi-cdk-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { stage: 'prod', 'aws:cdk:bundling-stacks': ['HuuNghi-prod-Web'] } });
  const config = readInfraConfig((key) => app.node.tryGetContext(key), {}, () => ({ sender: 'no-reply@huunghi.example.vn' }));
  const { web } = defineStacks(app, config);
  const deployments = Object.values(Template.fromStack(web).findResources('Custom::CDKBucketDeployment')) as {
    Properties: { SourceObjectKeys: string[] };
  }[];
  expect(deployments).toHaveLength(2);
  return deployments.flatMap((d) => d.Properties.SourceObjectKeys);
}

describe('web asset (web stack)', () => {
  it('is hashed over the built files only: two synths give the same hash, whatever else the repository holds', { timeout: 180_000 }, () => {
    const first = webAssetKeys();
    // What used to change the hash: files beside the build (cdk.out, .data, .tmp) that are never deployed.
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(join(probeDir, 'unrelated.txt'), `${Date.now()} ${Math.random()}`);
    const second = webAssetKeys();
    expect(first[0]).toMatch(/^[0-9a-f]{64}\.zip$/);
    // Both deployments (assets, pages) upload the one built folder.
    expect(new Set(first).size).toBe(1);
    expect(second).toEqual(first);
  });
});
