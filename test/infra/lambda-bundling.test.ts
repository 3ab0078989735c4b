import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { lambdaBundling, onDemandBundleCommands } from '../../infra/lambda-bundling.js';

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
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    outfile: join(out, 'index.mjs'),
    platform: lambdaBundling.platform,
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    external: [...lambdaBundling.onDemand],
    tsconfig: join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.inputs);
}

describe('packages loaded on demand in the Lambda', () => {
  it('leaves the spreadsheet library out of the bundle, and the export still writes a workbook from the deployed folder', async () => {
    const inputs = await bundleEntry(
      `export { toXlsx } from './shared/attendees/export-attendees.ts';
       export { createSweeperWake } from './functions/mail/wake-sweeper.ts';`,
    );
    expect(inputs.some((path) => path.includes('node_modules/exceljs/'))).toBe(false);
    expect(inputs.some((path) => path.includes('node_modules/@aws-sdk/client-lambda/'))).toBe(false);

    execFileSync('bash', ['-c', onDemandBundleCommands(root, out).join(' && ')], { stdio: 'pipe' });

    writeFileSync(
      join(out, 'run.mjs'),
      `import { toXlsx } from './index.mjs';
       const lambda = await import('@aws-sdk/client-lambda');
       const xlsx = await toXlsx({ header: ['STT', 'Họ và tên'], rows: [['1', 'H\\'Linh Niê'], ['2', '=1+1']] }, 'Danh sách');
       process.stdout.write(JSON.stringify({ invoke: typeof lambda.InvokeCommand, xlsx: Buffer.from(xlsx).toString('base64') }));`,
    );
    // A clean environment: nothing but the folder itself to resolve packages from.
    const printed = execFileSync(process.execPath, ['run.mjs'], { cwd: out, env: { PATH: process.env.PATH }, encoding: 'utf8' });
    const result = JSON.parse(printed) as { invoke: string; xlsx: string };
    expect(result.invoke).toBe('function');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.xlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe("H'Linh Niê");
    expect(String(sheet.getRow(3).getCell(2).value).startsWith('=')).toBe(false);
  }, 120_000);
});
