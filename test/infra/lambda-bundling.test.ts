import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { startSesLocal } from '../../functions/local/engines.js';
import { lambdaBundling, onDemandBundleCommands } from '../../infra/lambda-bundling.js';
import { freePort } from '../support/free-port.js';
import { entrySource, lambdaBuildOptions } from '../support/lambda-build.js';

/**
 * The deployed layout, built the way NodejsFunction builds it (the stack tests skip bundling):
 * the entry bundled with the on-demand packages left out, then the after-bundling commands put
 * them beside it. An organiser's XLSX export must still work from that folder alone, with no
 * node_modules of the project above it.
 */
const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'huu-nghi-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundleEntry(source: string) {
  const result = await build({ ...lambdaBuildOptions(join(out, 'index.mjs')), ...entrySource(source) });
  return Object.keys(result.metafile.inputs);
}

describe('packages loaded on demand in the Lambda', () => {
  it('leaves the on-demand packages out of the bundle; from the deployed folder the export still writes a workbook and the mailer still sends', async () => {
    const inputs = await bundleEntry(
      `export { toXlsx } from './shared/attendees/export-attendees.ts';
       export { createSweeperWake } from './functions/mail/wake-sweeper.ts';
       export { createSesMailer } from './shared/email/ses-mailer.ts';
       export { loadSesClient } from './shared/aws/ses-client-config.ts';`,
    );
    for (const name of lambdaBundling.onDemand) {
      expect(inputs.filter((path) => path.includes(`node_modules/${name}/`)), name).toEqual([]);
    }

    execFileSync('bash', ['-c', onDemandBundleCommands(root, out).join(' && ')], { stdio: 'pipe' });

    writeFileSync(
      join(out, 'run.mjs'),
      `import { toXlsx, createSesMailer, loadSesClient } from './index.mjs';
       const lambda = await import('@aws-sdk/client-lambda');
       const xlsx = await toXlsx({ header: ['STT', 'Họ và tên'], rows: [['1', 'H\\'Linh Niê'], ['2', '=1+1']] }, 'Danh sách');
       const mailer = createSesMailer(loadSesClient({ region: 'local', endpoint: process.env.SES_ENDPOINT }), { from: 'no-reply@example.org' });
       const sent = await mailer.send({ to: 'nhung.nth@example.org', subject: 'Đặt mật khẩu', text: 'x', html: '<p>x</p>' });
       process.stdout.write(JSON.stringify({ invoke: typeof lambda.InvokeCommand, mailId: sent.messageId, xlsx: Buffer.from(xlsx).toString('base64') }));`,
    );
    // A clean environment: nothing but the folder itself to resolve packages from.
    const sesPort = await freePort();
    const ses = await startSesLocal({ port: sesPort });
    let printed: string;
    try {
      // Not execFileSync: the SES emulator answers from this process, whose loop must keep running.
      ({ stdout: printed } = await promisify(execFile)(process.execPath, ['run.mjs'], {
        cwd: out,
        env: { PATH: process.env.PATH, SES_ENDPOINT: `http://127.0.0.1:${sesPort}` },
        encoding: 'utf8',
      }));
    } finally {
      await ses.stop();
    }
    const result = JSON.parse(printed) as { invoke: string; mailId: string; xlsx: string };
    expect(result.invoke).toBe('function');
    // The set-password mail goes out through the SES client loaded on demand.
    expect(result.mailId).not.toBe('');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.xlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe("H'Linh Niê");
    // Text as typed, never a formula (exceljs reads a formula back as { formula }).
    expect(sheet.getRow(3).getCell(2).value).toBe('=1+1');
  }, 120_000);
});
