import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { onDemandBundleCommands } from '../../infra/lambda-bundling.js';
import { entrySource, lambdaBuildOptions } from '../support/lambda-build.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * Official papers from the deployed layout: the API bundled as NodejsFunction bundles it, pdf-lib,
 * fontkit and docx beside it as on-demand modules, the fonts copied to `fonts/`. From that folder
 * alone a giấy mời prints with its Vietnamese text and the year's report writes a Word file.
 */
const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'huu-nghi-bundle-papers-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('official papers in the Lambda bundle', () => {
  it('keeps the PDF and DOCX libraries out of the main file and prints from the deployed folder alone', async () => {
    const result = await build({
      ...lambdaBuildOptions(join(out, 'index.mjs')),
      ...entrySource(`export { renderInvitationLetters } from './shared/papers/render-invitation-letters.ts';
                      export { renderYearReportDocx } from './shared/papers/render-year-report-docx.ts';
                      export { defaultPapersSettings } from './shared/papers/papers-settings-schema.ts';`),
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const name of ['pdf-lib', '@pdf-lib/fontkit', 'docx']) expect(inputs.filter((path) => path.includes(`node_modules/${name}/`)), name).toEqual([]);

    execFileSync('bash', ['-c', onDemandBundleCommands(root, out, ['pdf-lib', '@pdf-lib/fontkit', 'docx']).join(' && ')], { stdio: 'pipe' });
    writeFileSync(
      join(out, 'run.mjs'),
      `import { renderInvitationLetters, renderYearReportDocx, defaultPapersSettings } from './index.mjs';
       const letter = { language: 'vi', reference: '7/GM-LHHN', issuedAt: '2027-02-03T02:00:00Z',
         invitee: { name: 'Nguyễn Thị Hồng Nhung', salutation: 'Bà' },
         event: { title: 'Diễn đàn thanh niên hữu nghị', startsAt: '2027-02-10T01:00:00Z', endsAt: '2027-02-10T04:00:00Z', venue: 'Trường Đại học Tây Nguyên' } };
       const pdf = await renderInvitationLetters(defaultPapersSettings, [letter], 'Giấy mời');
       const report = { year: 2027, totals: { events: 0, invited: 0, confirmed: 0, present: 0, organisations: 0 }, byType: [], events: [], delegations: [], ngoConferences: [], organisations: [], greetings: [], greetingTotals: { campaigns: 0, greeted: 0, mailed: 0, letters: 0, flowers: 0, flowersCost: 0, organisations: 0, countries: [] } };
       const docx = await renderYearReportDocx(report, defaultPapersSettings, new Date('2027-12-20T02:00:00Z'));
       process.stdout.write(JSON.stringify({ pdf: Buffer.from(pdf).toString('base64'), docx: Buffer.from(docx).toString('base64') }));`,
    );
    // Nothing but the folder itself to resolve packages and fonts from.
    const { stdout } = await promisify(execFile)(process.execPath, ['run.mjs'], { cwd: out, env: { PATH: process.env.PATH }, encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 });
    const printed = JSON.parse(stdout) as { pdf: string; docx: string };

    const text = pdfText({ base64: printed.pdf });
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Số: 7/GM-LHHN');
    expect(text).toContain('Đắk Lắk, ngày 03 tháng 02 năm 2027');
    expect(text).toContain('Bà Nguyễn Thị Hồng Nhung');

    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(printed.docx, 'base64') });
    expect(html).toContain('Kết quả công tác đối ngoại nhân dân năm 2027');
    expect(html).toContain('Đắk Lắk, ngày 20 tháng 12 năm 2027');
  }, 120_000);
});
