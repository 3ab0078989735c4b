import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../shared/http/origin-secret.js';
import { lambdaBundling, onDemandBundleCommands } from '../../infra/lambda-bundling.js';
import { buildSplit } from '../support/lambda-build.js';
import { freePort } from '../support/free-port.js';

/**
 * The API as the stack deploys it: functions/api/lambda.ts built in chunks by the after-bundling
 * command (splitBundleCommand), the on-demand packages beside it. Each module is in one file (a
 * second copy of an error class would break `instanceof` in functions/api/errors.ts), the rare
 * paths are not read at a cold start, and a route whose code is in a chunk answers from the
 * folder alone.
 */
const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'huu-nghi-bundle-split-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const SECRET = 'origin-secret-generated-at-deploy-0123456789abcdef';

describe('the API Lambda in chunks', () => {
  it('keeps each module in one file, leaves the rare paths out of the cold start, and serves a chunk\'s route from the folder', async () => {
    const { metafile, outputs, coldStart } = buildSplit('functions/api/lambda.ts', out);
    execFileSync('bash', ['-c', onDemandBundleCommands(root, out).join(' && ')], { stdio: 'pipe' });

    const fileOf = new Map<string, string[]>();
    for (const path of outputs) for (const input of Object.keys(metafile.outputs[path]!.inputs)) fileOf.set(input, [...(fileOf.get(input) ?? []), path]);
    expect([...fileOf].filter(([, files]) => files.length > 1).map(([input]) => input)).toEqual([]);
    expect(fileOf.get('shared/errors.ts')).toHaveLength(1);

    const readAtColdStart = new Set([...coldStart].flatMap((path) => Object.keys(metafile.outputs[path]!.inputs)));
    for (const rare of [
      'functions/api/openapi/openapi-document.ts',
      'functions/api/openapi/route-docs/all.ts',
      'shared/papers/render-invitation-letters.ts',
      'shared/papers/year-report.ts',
      'shared/partners/list-contacts.ts',
      'shared/partners/erase-contact.ts',
      'shared/partners/send-campaign.ts',
      'shared/partners/print-greeting-letters.ts',
      'shared/units/create-unit.ts',
      'shared/invitations/import-invitees.ts',
      'shared/email/invitation-templates.ts',
      'shared/email/send-event-notice.ts',
      'shared/email/render-mail-preview.ts',
      'shared/email/send-test-mail.ts',
      'shared/papers/issue-invitation-letters.ts',
      'shared/papers/save-papers-settings.ts',
      // zod's JSON Schema generator: stubs at a cold start, the real one with the OpenAPI document.
      'node_modules/zod/v4/core/json-schema-processors.js',
      'node_modules/zod/v4/core/to-json-schema.js',
    ]) {
      expect(readAtColdStart.has(rare), rare).toBe(false);
      expect(fileOf.get(rare), rare).toHaveLength(1);
    }
    for (const name of lambdaBundling.onDemand) expect([...fileOf.keys()].filter((path) => path.includes(`node_modules/${name}/`)), name).toEqual([]);

    // The OpenAPI document's code is a chunk: GET /api/openapi.json loads it from the folder.
    // The first request's bootstrap finds no database (a closed port) and leaves it to the next.
    const closedPort = await freePort();
    writeFileSync(
      join(out, 'run.mjs'),
      `const { handler } = await import(process.argv[2] ?? './index.mjs');
       const answer = await handler({ version: '2.0', routeKey: 'ANY /api/{proxy+}', rawPath: '/api/openapi.json', rawQueryString: '',
         headers: { host: 'events.example.org', '${ORIGIN_SECRET_HEADER}': '${SECRET}' },
         requestContext: { http: { method: 'GET', path: '/api/openapi.json', protocol: 'HTTP/1.1', sourceIp: '198.51.100.9', userAgent: 'test' }, requestId: 'r1', routeKey: 'ANY /api/{proxy+}', stage: '$default', timeEpoch: 0 },
         isBase64Encoded: false }, { awsRequestId: 'r1' });
       const invalid = await handler({ version: '2.0', routeKey: 'ANY /api/{proxy+}', rawPath: '/api/auth/login', rawQueryString: '',
         headers: { host: 'events.example.org', origin: 'https://events.example.org', 'content-type': 'application/json', 'accept-language': 'vi', '${ORIGIN_SECRET_HEADER}': '${SECRET}' },
         body: JSON.stringify({ email: 'not-an-address' }),
         requestContext: { http: { method: 'POST', path: '/api/auth/login', protocol: 'HTTP/1.1', sourceIp: '198.51.100.9', userAgent: 'test' }, requestId: 'r2', routeKey: 'ANY /api/{proxy+}', stage: '$default', timeEpoch: 0 },
         isBase64Encoded: false }, { awsRequestId: 'r2' });
       process.stdout.write(JSON.stringify({ answer, invalid }));`,
    );
    // The same request to the same handler from the source, run by tsx, where zod carries its own
    // JSON Schema generator: the bundle, which loads it on demand, answers the same whole document.
    const openApiJson = async (command: string, args: string[]) => {
      const { stdout } = await promisify(execFile)(command, [join(out, 'run.mjs'), ...args], {
        cwd: out,
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: 'huu-nghi-events-split-test',
          PUBLIC_URL: 'https://events.example.org',
          LINK_SECRET: 'split-test-link-secret-split-test-link-secret-0123456789',
          AWS_REGION: 'ap-southeast-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          MAIL_FROM: '"Test" <no-reply@example.org>',
          DYNAMODB_ENDPOINT: `http://127.0.0.1:${closedPort}`,
          ORIGIN_SECRET: SECRET,
        },
        encoding: 'utf8',
        maxBuffer: 20 * 1024 * 1024,
      });
      const { answer, invalid } = JSON.parse(stdout) as Record<'answer' | 'invalid', { statusCode: number; body: string }>;
      expect(answer.statusCode).toBe(200);
      return { document: JSON.parse(answer.body) as { openapi: string; paths: Record<string, unknown> }, invalid };
    };
    const [bundled, fromSource] = await Promise.all([
      openApiJson(process.execPath, []),
      openApiJson(join(root, 'node_modules/.bin/tsx'), [pathToFileURL(join(root, 'functions/api/lambda.ts')).href]),
    ]);
    expect(bundled.document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(bundled.document.paths)).toContain('/api/organisations');
    expect(bundled.document).toEqual(fromSource.document);
    // A bad request body, answered in Vietnamese: zod's checks and its Vietnamese messages (both
    // loaded apart from the JSON Schema generator's stubs) give the bundle the source's answer.
    expect(bundled.invalid.statusCode).toBe(400);
    expect(JSON.parse(bundled.invalid.body)).toMatchObject({ error: 'validation_failed' });
    expect(bundled.invalid).toEqual(fromSource.invalid);
  }, 180_000);
});
